import os from 'node:os';
import { message } from '../../core/messages';
import { markRunsOfWriterInterrupted } from '../../store/runs/annotate';
import type { KernelExit, KernelProcess } from './kernelProcess';

/** Why each kernel of a session ended (the host's own reason when it killed one), and its runs marked interrupted. */
export class KernelEnds {
  /** Why the host ended a kernel itself (restart, unresponsive), which its exit code cannot say. */
  private readonly reasons = new WeakMap<KernelProcess, string>();

  constructor(
    private readonly workspaceDir: string,
    private readonly log: ((line: string) => void) | undefined,
  ) {}

  /** Ends `kernel` and remembers why. */
  kill(kernel: KernelProcess, reason: string): void {
    this.reasons.set(kernel, reason);
    kernel.kill();
  }

  /** The kernel's exit, with the host's reason when the host ended it. */
  exitOf(kernel: KernelProcess, exit: KernelExit): KernelExit {
    const killed = this.reasons.get(kernel);
    return killed ? { ...exit, reason: killed } : exit;
  }

  /**
   * A kernel that ended (crash, out of memory, kill, restart) cannot finish the runs it was
   * recording, and a killed one could not mark them itself: say interrupted now rather than
   * leave them `running` until their heartbeat goes stale.
   */
  markRunsInterrupted(kernel: KernelProcess, exit: KernelExit, startedAt: number): void {
    const pid = kernel.status.info.pid;
    try {
      const marked = markRunsOfWriterInterrupted(this.workspaceDir, { hostname: os.hostname(), pid }, { sinceMs: startedAt, reason: message.runKernelEnded(this.exitOf(kernel, exit).reason) });
      if (marked.length) this.log?.(`marked ${marked.length} run(s) of kernel ${pid} interrupted`);
    } catch (e) {
      this.log?.(`could not mark the runs of kernel ${pid} interrupted: ${(e as Error).message}`);
    }
  }
}
