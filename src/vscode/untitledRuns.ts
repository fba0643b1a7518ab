import * as vscode from 'vscode';
import os from 'node:os';
import path from 'node:path';
import type { RunHost } from '../core/runs/contract';
import type { KernelSession } from '../kernel/host/session';
import { adoptUntitledRuns } from '../store/runs/adopt';

/** What an untitled notebook's kernels recorded under: their processes, since when, where. */
interface Recording {
  workspaceDir: string;
  sinceMs: number;
  writers: Map<number, RunHost>;
  /** The cells' text when the untitled notebook closed: its saved file has the same. */
  cells?: string[];
}

/** Closed untitled notebooks remembered until their file opens (Save As opens it before or after the close). */
const MAX_PENDING = 8;

/**
 * Runs made in an untitled notebook follow it when it is saved to a file: their records (no
 * notebook path, written by its kernels) get the file's path. VS Code's Save As closes the
 * untitled document and opens the file as another one; the two are matched by their cells.
 */
export class UntitledRuns {
  private readonly live = new Map<vscode.NotebookDocument, Recording>();
  private readonly pending: Recording[] = [];

  private readonly adopted = new vscode.EventEmitter<{ workspaceDir: string; notebook: string; ids: string[] }>();
  /**
   * Fires after runs were given a notebook path. Listeners refresh what shows runs at once rather
   * than wait for the file watcher, which can miss a rewrite (code-server, network file systems).
   */
  readonly onDidAdopt = this.adopted.event;

  constructor(private readonly log: vscode.LogOutputChannel) {}

  dispose(): void {
    this.adopted.dispose();
  }

  /** Watches an untitled notebook's session for the kernel processes that record its runs. */
  track(notebook: vscode.NotebookDocument, session: KernelSession, workspaceDir: string): void {
    if (notebook.uri.scheme !== 'untitled') return;
    const recording: Recording = { workspaceDir, sinceMs: Date.now(), writers: new Map() };
    this.live.set(notebook, recording);
    session.onDidChangeState(() => {
      const pid = session.status?.info.pid;
      if (pid !== undefined) recording.writers.set(pid, { hostname: os.hostname(), pid });
    });
  }

  /** A notebook closed: an untitled one with runs waits for its file, or finds it already open. */
  closed(notebook: vscode.NotebookDocument): void {
    const recording = this.live.get(notebook);
    this.live.delete(notebook);
    if (!recording || recording.writers.size === 0) return;
    recording.cells = cellsOf(notebook);
    const saved = vscode.workspace.notebookDocuments.find((d) => d.uri.scheme === 'file' && d.notebookType === notebook.notebookType && sameCells(cellsOf(d), recording.cells!));
    if (saved) return this.adopt(recording, saved);
    this.pending.push(recording);
    if (this.pending.length > MAX_PENDING) this.pending.shift();
  }

  /** A notebook opened: the file an untitled notebook was just saved as takes its runs. */
  opened(notebook: vscode.NotebookDocument): void {
    if (notebook.uri.scheme !== 'file' || this.pending.length === 0) return;
    const cells = cellsOf(notebook);
    const i = this.pending.findIndex((r) => sameCells(cells, r.cells!));
    if (i >= 0) this.adopt(this.pending.splice(i, 1)[0]!, notebook);
  }

  private adopt(recording: Recording, saved: vscode.NotebookDocument): void {
    const notebook = path.relative(recording.workspaceDir, saved.uri.fsPath).split(path.sep).join('/');
    try {
      const ids = adoptUntitledRuns(recording.workspaceDir, [...recording.writers.values()], { sinceMs: recording.sinceMs, notebook });
      if (ids.length) {
        this.log.info(`${ids.length} run(s) made before the notebook was saved now name ${notebook}`);
        this.adopted.fire({ workspaceDir: recording.workspaceDir, notebook, ids });
      }
    } catch (e) {
      this.log.warn(`could not give the runs of the untitled notebook the path ${notebook}: ${(e as Error).message}`);
    }
  }
}

function cellsOf(notebook: vscode.NotebookDocument): string[] {
  return notebook.getCells().map((c) => c.document.getText());
}

function sameCells(a: string[], b: string[]): boolean {
  return a.length > 0 && a.length === b.length && a.every((s, i) => s === b[i]);
}
