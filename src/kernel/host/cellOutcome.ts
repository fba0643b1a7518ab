import type { KernelToHost } from '../../protocol/kernel';
import { DirectiveError, parseDirectives } from '../../core/cells/directives';
import { codeFrame } from '../../core/cells/codeFrame';
import { message } from '../../core/messages';
import { limitBundle } from '../../core/notebook/outputLimit';
import type { KernelExit, KernelProcess } from './kernelProcess';
import type { KernelEnds } from './kernelEnds';
import { transpileCell, type TranspiledCell } from './transpile';
import type { ExecuteOptions, Outcome, Running, StopReason } from './sessionContract';

/** How a cell's run on the kernel ended: its `done`, or the kernel's exit. */
export type KernelOutcome = { kind: 'done'; done: KernelToHost['done'] } | { kind: 'exit'; exit: KernelExit };

/** The cell's timeout: its `//% timeout` directive, else the caller's (a bad directive is reported later, as the cell's error). */
export function cellTimeout(source: string, options: ExecuteOptions): number | undefined {
  try {
    return parseDirectives(source).timeoutSeconds ?? options.timeoutSeconds;
  } catch {
    return options.timeoutSeconds;
  }
}

/** Checks the cell's directives and transpiles it: the script to send, or the error the cell ends with. */
export async function compileCell(source: string, label: string): Promise<{ ok: true; script: Extract<TranspiledCell, { ok: true }> } | { ok: false; outcome: Outcome }> {
  try {
    parseDirectives(source);
  } catch (e) {
    if (e instanceof DirectiveError)
      return { ok: false, outcome: { status: 'error', error: { name: 'DirectiveError', message: e.message, stack: `DirectiveError: ${e.message}`, line: e.line, column: 1 } } };
    throw e;
  }
  const t = await transpileCell(source, label);
  if (t.ok) return { ok: true, script: t };
  const stack = `${t.name}: ${t.message}\n    at ${label}, line ${t.line}:${t.column}\n${codeFrame(source, t.line, t.column, '      ')}`;
  return { ok: false, outcome: { status: 'error', error: { name: t.name, message: t.message, stack, line: t.line, column: t.column } } };
}

/** Waits for cell `execId` to finish on `kernel`, or for the kernel to end. */
export function waitForOutcome(kernel: KernelProcess, execId: number, ends: KernelEnds): Promise<KernelOutcome> {
  return new Promise((resolve) => {
    const off = kernel.onMessage((m) => {
      if (m.type === 'done' && m.payload.execId === execId) {
        off();
        resolve({ kind: 'done', done: m.payload });
      }
    });
    void kernel.exited.then((exit) => {
      off();
      resolve({ kind: 'exit', exit: ends.exitOf(kernel, exit) });
    });
  });
}

/** What a cell that ran on the kernel ends with, given how it was stopped and what the kernel said. */
export function outcomeOf(outcome: KernelOutcome, run: Running, timeoutSeconds: number | undefined, maxOutput: number): Outcome {
  if (outcome.kind === 'exit') {
    const died = message.kernelDied(outcome.exit.reason);
    // Stopped by the user or a timeout and then killed by the escalation: say both.
    if (run.stopReason) {
      const s = stopped(run.stopReason, timeoutSeconds);
      return { ...s, error: { ...s.error!, message: `${s.error!.message} ${died}` } };
    }
    return { status: 'died', error: { name: 'KernelDied', message: died, stack: '' } };
  }
  const d = outcome.done;
  if (d.status === 'interrupted') return stopped(run.stopReason ?? 'user', timeoutSeconds);
  if (run.invalid && d.status === 'ok') return { status: 'error', error: { name: 'KernelProtocolError', message: message.kernelBadMessage(run.invalid), stack: '' } };
  return { status: d.status, ...(d.result ? { result: limitBundle(d.result, maxOutput) } : {}), ...(d.error ? { error: d.error } : {}) };
}

/** A cell stopped by the user or by its timeout. */
export function stopped(reason: StopReason, timeoutSeconds: number | undefined): Outcome {
  if (reason === 'timeout') return { status: 'timeout', error: { name: 'TimeoutError', message: message.kernelCellTimeout(timeoutSeconds ?? 0), stack: '' } };
  return { status: 'interrupted', error: { name: 'InterruptedError', message: message.kernelInterrupted, stack: '' } };
}
