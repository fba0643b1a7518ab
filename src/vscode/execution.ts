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
 * Feeds one VS Code cell execution from the kernel session: streams append to the current
 * stream output (as Jupyter shows them), displays with an id can be replaced, the result and
 * any error come last.
 *
 * Edits are issued at once, never one after another lands: VS Code keeps an execution's edits in
 * call order and sends those made within 10 ms as one update, so a quick cell's clear, result
 * and end reach the window together (Run All of 200 cells made ~800 output updates otherwise,
 * each waiting on the previous one's round trip through a busy window).
 */
export class CellExecutionSink implements ExecutionSink {
  private stdout: vscode.NotebookCellOutput | undefined;
  private stderr: vscode.NotebookCellOutput | undefined;
  private readonly displays = new Map<string, vscode.NotebookCellOutput>();
  private startedAt: number | undefined;

  constructor(
    readonly execution: vscode.NotebookCellExecution,
    /** Where an edit VS Code refused is reported (it cannot fail the cell any more). */
    private readonly onEditError: (e: unknown) => void = () => undefined,
  ) {}

  started(order: number): void {
    this.startedAt = Date.now();
    this.execution.start(this.startedAt);
    this.execution.executionOrder = order;
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

  /** Adds the result or error and ends the execution; a cell that never started just ends. */
  finish(r: ExecutionResult): void {
    if (this.startedAt === undefined) {
      this.execution.end(undefined);
      return;
    }
    const result = r.result && this.sanitize(r.result);
    if (result) this.edit(() => this.execution.appendOutput(new vscode.NotebookCellOutput(bundleItems(result), { outputType: 'execute_result' })));
    if (r.error) this.edit(() => this.execution.appendOutput(new vscode.NotebookCellOutput([errorItem(r.error!)])));
    // Not startedAt + durationMs: the kernel's duration also counts starting the kernel, which came before startedAt.
    this.execution.end(r.status === 'ok', Date.now());
  }

  /** The bundle as the file can store it (the same rule as OutputCollector); each change is noted on stderr. */
  private sanitize(data: MimeBundle): MimeBundle | undefined {
    const { data: clean, notes } = sanitizeBundle(data);
    for (const note of notes) this.stream('stderr', note);
    return Object.keys(clean).length > 0 ? clean : undefined;
  }

  /** Issues an output edit now (VS Code applies them in call order); a refused edit is reported, not thrown. */
  private edit(apply: () => Thenable<void>): void {
    try {
      apply().then(undefined, this.onEditError);
    } catch (e) {
      this.onEditError(e);
    }
  }
}

export function bundleItems(data: MimeBundle): vscode.NotebookCellOutputItem[] {
  return Object.entries(data).map(([mime, value]) => new vscode.NotebookCellOutputItem(encodeValue(mime, value), mime));
}

export function errorItem(e: CellError): vscode.NotebookCellOutputItem {
  return new vscode.NotebookCellOutputItem(encoder.encode(JSON.stringify({ name: e.name, message: e.message, stack: errorStack(e) })), MIME.error);
}
