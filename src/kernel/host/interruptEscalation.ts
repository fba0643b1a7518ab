import type { KernelProcess } from './kernelProcess';
import type { Running, SessionTimers, StopReason } from './sessionContract';

/** How long an interrupt message may go unanswered before SIGINT is sent. */
const SIGNAL_AFTER_MS = 250;
/** How long a kernel may take to stop a cell after an interrupt before it is killed. */
export const INTERRUPT_GRACE_MS = 3000;

/** What the escalation reads from and does to its session. */
export interface EscalationHost {
  timers: SessionTimers;
  /** The execution running now, if any. */
  running(): Running | undefined;
  /** The session's current kernel, if any. */
  kernel(): KernelProcess | undefined;
  /** Ends a kernel that ignored the interrupt; `what` says what it failed to do. */
  killUnresponsive(kernel: KernelProcess, what: string): void;
}

/** Stops a running cell: an interrupt message, then SIGINT, then a kill; a kill if the cell never started. */
export class InterruptEscalation {
  constructor(private readonly host: EscalationHost) {}

  /**
   * Stops one execution wherever it is. Once the kernel said `started`, the escalation runs.
   * Before that a SIGINT would be lost, so it waits for `started` (see `started`); a kernel that
   * never says it (its event loop blocked by code a cell left behind, or its own machinery broken
   * by a cell) is killed after INTERRUPT_GRACE_MS, so no cell waits forever.
   */
  stop(run: Running, reason: StopReason): void {
    if (this.host.running() !== run || run.stopReason) return;
    run.stopReason = reason;
    if (run.started) {
      this.escalate(run);
      return;
    }
    const kernel = this.host.kernel();
    this.host.timers.set(() => {
      if (this.host.running() === run && !run.started && kernel && this.host.kernel() === kernel) this.host.killUnresponsive(kernel, 'did not start the cell');
    }, INTERRUPT_GRACE_MS);
  }

  /** The kernel said `started` for `run`: a stop asked for before now can be sent. */
  started(run: Running): void {
    run.started = true;
    if (run.stopReason) this.escalate(run);
  }

  /**
   * A message first (a cell that awaits stops at once), SIGINT after SIGNAL_AFTER_MS if the cell
   * still runs (a synchronous loop), and a kill after INTERRUPT_GRACE_MS if even that did not stop
   * it (code outside cells that never yields).
   */
  private escalate(run: Running): void {
    const kernel = this.host.kernel();
    if (!kernel) return;
    const stillRunning = () => this.host.running() === run && this.host.kernel() === kernel;
    kernel.requestInterrupt(run.execId);
    this.host.timers.set(() => {
      if (stillRunning()) kernel.signalInterrupt();
    }, SIGNAL_AFTER_MS);
    this.host.timers.set(() => {
      if (stillRunning()) this.host.killUnresponsive(kernel, 'did not stop the cell');
    }, INTERRUPT_GRACE_MS);
  }
}
