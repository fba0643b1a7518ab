import type { RunContext } from '../../core/runs/contract';

/**
 * The kernel's execution state: which cell runs, and the interrupt epoch. Every async step of cell
 * code checks the epoch, so work started before an interrupt never resumes after it.
 */

/** Thrown into cell code that was interrupted. */
export class InterruptedError extends Error {
  override name = 'KeyboardInterrupt';
  constructor() {
    super('Interrupted');
  }
}

interface Running {
  execId: number;
  controller: AbortController;
  interrupt: () => void;
}

let running: Running | undefined;
let runContext: RunContext | undefined;

/** The run context of the cell running now (or of the last one, for work that outlives its cell). */
export function currentRunContext(): RunContext | undefined {
  return runContext;
}

export function setRunContext(context: RunContext | undefined): void {
  if (context) runContext = context;
}
let lastExecId = -1;
let epoch = 0;

export function currentExecId(): number {
  return running?.execId ?? lastExecId;
}

export function interruptEpoch(): number {
  return epoch;
}

/** The running cell's abort signal: libraries (e.g. training loops) stop at their next step when it fires. */
export function currentSignal(): AbortSignal | undefined {
  return running?.controller.signal;
}

/** Marks a cell as running; `interrupt` settles its race as interrupted. */
export function beginCell(execId: number, interrupt: () => void): AbortSignal {
  const controller = new AbortController();
  running = { execId, controller, interrupt };
  lastExecId = execId;
  return controller.signal;
}

export function endCell(execId: number): void {
  if (running?.execId === execId) running = undefined;
}

/**
 * Interrupts the running cell, if any (and only `execId`'s, when given: a late request for a cell
 * that already finished must not stop the next one). Returns whether something was interrupted.
 */
export function requestInterrupt(execId?: number): boolean {
  if (!running || (execId !== undefined && running.execId !== execId)) return false;
  epoch++;
  const r = running;
  running = undefined;
  r.controller.abort(new InterruptedError());
  r.interrupt();
  return true;
}
