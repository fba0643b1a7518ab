import * as vscode from 'vscode';
import type { MimeBundle } from '../core/notebook/contract';
import { MIME } from '../core/notebook/mime';
import { encodeValue } from '../core/notebook/editor';
import { errorStack } from '../core/notebook/outputs';
import { sanitizeBundle } from '../core/notebook/sanitize';
import type { CellError } from '../core/kernel/contract';
import type { ExecutionResult, ExecutionSink } from '../kernel/host/session';

const encoder = new TextEncoder();

/**
 * Holds the execution API calls of all cells for a moment and makes them in one go, in call order,
 * and not before the workbench has applied the previous batch's edits (or `maxWaitMs` passed). The
 * workbench does its work (cell state, outputs, layout, the output webview) once per batch of
 * updates that reach it together: 200 quick cells whose start, output and end each arrived on their
 * own cost ~20 ms of workbench time apiece (Run All 4.7 s), the same updates sent together 1.1 s
 * (bench/vscodeRunAll.bench.ts). So a busy window gets bigger batches, an idle one sees a cell's
 * start and outputs `delayMs` late.
 */
export class ExecutionUpdates implements vscode.Disposable {
  private queue: (() => Thenable<void> | void)[] = [];
  private scheduled = false;
  /** The edits of the last batch, until the workbench has applied them all. */
  private inFlight: Promise<unknown> | undefined;

  constructor(
    private readonly delayMs: number,
    private readonly maxWaitMs: number,
    /** Where a call VS Code refused is reported (it cannot fail the cell any more). */
    private readonly onError: (e: unknown) => void = () => undefined,
  ) {}

  /** Makes `call` with the next batch, after every call queued before it; an edit returns VS Code's promise. */
  add(call: () => Thenable<void> | void): void {
    this.queue.push(call);
    if (this.scheduled) return;
    this.scheduled = true;
    const start = Date.now();
    setTimeout(() => {
      if (!this.inFlight) return this.flush();
      // Never held by an edit the workbench does not answer (a window closing): at most maxWaitMs.
      let done = false;
      const flushOnce = () => {
        if (!done) this.flush();
        done = true;
      };
      const cap = setTimeout(flushOnce, Math.max(0, this.maxWaitMs - (Date.now() - start)));
      void this.inFlight.then(() => {
        clearTimeout(cap);
        flushOnce();
      });
    }, this.delayMs);
  }

  flush(): void {
    this.scheduled = false;
    const calls = this.queue;
    this.queue = [];
    const edits: Thenable<void>[] = [];
    for (const call of calls) {
      try {
        const edit = call();
        if (edit) edits.push(edit);
      } catch (e) {
        this.onError(e);
      }
    }
    const inFlight = (this.inFlight = edits.length ? Promise.allSettled(edits) : undefined);
    void inFlight?.then(() => {
      if (this.inFlight === inFlight) this.inFlight = undefined;
    });
  }

  dispose(): void {
    this.flush();
  }
}

/**
 * Feeds one VS Code cell execution from the kernel session: streams append to the current
 * stream output (as Jupyter shows them), displays with an id can be replaced, the result and
 * any error come last. Every call goes through the notebook's ExecutionUpdates, so calls keep
 * their order within and across cells.
 */
export class CellExecutionSink implements ExecutionSink {
  private stdout: vscode.NotebookCellOutput | undefined;
  private stderr: vscode.NotebookCellOutput | undefined;
  private readonly displays = new Map<string, vscode.NotebookCellOutput>();
  private startedAt: number | undefined;

  constructor(
    readonly execution: vscode.NotebookCellExecution,
    private readonly updates: ExecutionUpdates,
    /** Where an edit VS Code refused is reported (it cannot fail the cell any more). */
    private readonly onEditError: (e: unknown) => void = () => undefined,
  ) {}

  started(order: number): void {
    const startedAt = (this.startedAt = Date.now());
    this.updates.add(() => {
      this.execution.start(startedAt);
      this.execution.executionOrder = order;
    });
    this.edit(() => this.execution.clearOutput());
  }

  stream(name: 'stdout' | 'stderr', text: string): void {
    const item = new vscode.NotebookCellOutputItem(encoder.encode(text), name === 'stderr' ? MIME.stderr : MIME.stdout);
    const current = name === 'stdout' ? this.stdout : this.stderr;
    if (current) {
      this.edit(() => this.execution.appendOutputItems(item, current));
      return;
    }
    const output = new vscode.NotebookCellOutput([item]);
    if (name === 'stdout') {
      this.stdout = output;
      this.stderr = undefined;
    } else {
      this.stderr = output;
      this.stdout = undefined;
    }
    this.edit(() => this.execution.appendOutput(output));
  }

  display(data: MimeBundle, displayId?: string, update?: boolean): void {
    const clean = this.sanitize(data);
    if (!clean) return;
    const items = bundleItems(clean);
    const existing = displayId !== undefined ? this.displays.get(displayId) : undefined;
    if (update && existing) {
      this.edit(() => this.execution.replaceOutputItems(items, existing));
      return;
    }
    const output = new vscode.NotebookCellOutput(items, { outputType: 'display_data' });
    if (displayId !== undefined) this.displays.set(displayId, output);
    this.stdout = this.stderr = undefined;
    this.edit(() => this.execution.appendOutput(output));
  }

  /**
   * Adds the result or error and ends the execution (a cell that never started just ends), then
   * calls `ended` once VS Code has been told.
   */
  finish(r: ExecutionResult, ended: () => void = () => undefined): void {
    if (this.startedAt === undefined) {
      this.updates.add(() => this.execution.end(undefined));
      this.updates.add(ended);
      return;
    }
    const result = r.result && this.sanitize(r.result);
    if (result) this.edit(() => this.execution.appendOutput(new vscode.NotebookCellOutput(bundleItems(result), { outputType: 'execute_result' })));
    if (r.error) this.edit(() => this.execution.appendOutput(new vscode.NotebookCellOutput([errorItem(r.error!)])));
    // Not startedAt + durationMs: the kernel's duration also counts starting the kernel, which came before startedAt.
    const endedAt = Date.now();
    this.updates.add(() => this.execution.end(r.status === 'ok', endedAt));
    this.updates.add(ended);
  }

  /** The bundle as the file can store it (the same rule as OutputCollector); each change is noted on stderr. */
  private sanitize(data: MimeBundle): MimeBundle | undefined {
    const { data: clean, notes } = sanitizeBundle(data);
    for (const note of notes) this.stream('stderr', note);
    return Object.keys(clean).length > 0 ? clean : undefined;
  }

  /** Queues an output edit (VS Code applies them in call order); a refused edit is reported, not thrown. */
  private edit(apply: () => Thenable<void>): void {
    this.updates.add(() => {
      const edit = apply();
      edit.then(undefined, this.onEditError);
      return edit;
    });
  }
}

export function bundleItems(data: MimeBundle): vscode.NotebookCellOutputItem[] {
  return Object.entries(data).map(([mime, value]) => new vscode.NotebookCellOutputItem(encodeValue(mime, value), mime));
}

export function errorItem(e: CellError): vscode.NotebookCellOutputItem {
  return new vscode.NotebookCellOutputItem(encoder.encode(JSON.stringify({ name: e.name, message: e.message, stack: errorStack(e) })), MIME.error);
}
