import type { RunContext } from '../../core/runs/contract';

/**
 * The kernel's execution state: which cell runs, and the interrupt epoch. Every async step of cell
 * code checks the epoch, so work started before an interrupt never resumes after it.
 */

/** Thrown into cell code that was interrupted. */
export class InterruptedError extends Error {
  override name = 'InterruptedError';
  constructor() {
    super('Interrupted');
  }
}

interface Running {
  execId: number;
  controller: AbortController;
  /** Settles the cell's race with this error: an InterruptedError, or an error its background work raised. */
  stop: (error: unknown) => void;
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

/** Marks a cell as running; `stop` ends its race with an error (interrupted, or failed in the background). */
export function beginCell(execId: number, stop: (error: unknown) => void): AbortSignal {
  const controller = new AbortController();
  running = { execId, controller, stop };
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
  stopRunning(new InterruptedError());
  return true;
}

/**
 * Fails the running cell with an error raised by work it started (an 'error' event nobody
 * listens to, a rejected promise nobody awaited): the cell did not do what it says. Its pending
 * steps stop as on an interrupt. Returns false when no cell runs (the error is background output).
 */
export function failRunningCell(error: unknown): boolean {
  if (!running) return false;
  stopRunning(error);
  return true;
}

function stopRunning(error: unknown): void {
  epoch++;
  const r = running!;
  running = undefined;
  r.controller.abort(error);
  r.stop(error);
}
