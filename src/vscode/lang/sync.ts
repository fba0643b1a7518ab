/**
 * Keeps the language worker's copy of each open Modelbook notebook current (cells added, removed,
 * moved, edited) and publishes its type errors on the cells' URIs, ~300 ms after typing stops.
 * A cell's id in the worker is its document URI, so answers map straight back to cells.
 */
import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../../core/notebook/contract';
import { ChangeBatcher } from '../../core/runs/batch';
import type { LangCell, LangDiagnostic, LangMethod, LangRequests } from '../../protocol/lang';
import type { LangWorkerClient } from '../../store/lang/workerClient';

/** Quiet time after the last edit before the notebook is checked again. */
const DIAGNOSTICS_DELAY_MS = 300;

export function isModelbookNotebook(nb: vscode.NotebookDocument): boolean {
  return nb.notebookType === NOTEBOOK_TYPE;
}

/** The code cells the kernel runs, in order, as the worker sees them. */
export function langCellsOf(nb: vscode.NotebookDocument): LangCell[] {
  return nb
    .getCells()
    .filter((c) => c.kind === vscode.NotebookCellKind.Code)
    .map((c) => ({ id: c.document.uri.toString(), source: c.document.getText() }));
}

/** The notebook a cell document belongs to, if it is a Modelbook notebook's. */
export function notebookOfCell(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (document.uri.scheme !== 'vscode-notebook-cell') return undefined;
  const uri = document.uri.toString();
  return vscode.workspace.notebookDocuments.find((nb) => isModelbookNotebook(nb) && nb.getCells().some((c) => c.document.uri.toString() === uri));
}

const SEVERITY: Record<LangDiagnostic['category'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  suggestion: vscode.DiagnosticSeverity.Hint,
};

function toDiagnostic(d: LangDiagnostic): vscode.Diagnostic {
  const out = new vscode.Diagnostic(new vscode.Range(d.line, d.character, d.endLine, d.endCharacter), d.message, SEVERITY[d.category]);
  out.source = 'ts';
  out.code = d.code;
  return out;
}

/** One responsibility: the worker's view of the open notebooks, and their diagnostics. */
export class NotebookLangSync implements vscode.Disposable {
  private readonly dirty = new Set<string>();
  private readonly published = new Map<string, vscode.Uri[]>();
  private readonly batcher = new ChangeBatcher((events) => this.checkAll([...events.keys()]), { delayMs: DIAGNOSTICS_DELAY_MS, maxWaitMs: 2000 });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LangWorkerClient,
    private readonly collection: vscode.DiagnosticCollection,
    private readonly diagnosticsOn: () => boolean,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenNotebookDocument((nb) => this.changed(nb)),
      vscode.workspace.onDidCloseNotebookDocument((nb) => this.closed(nb)),
      // Cells added, removed or moved; their text changes come as text document changes.
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.contentChanges.length > 0) this.changed(e.notebook);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const nb = notebookOfCell(e.document);
        if (nb) this.changed(nb);
      }),
    );
    for (const nb of vscode.workspace.notebookDocuments) this.changed(nb);
  }

  /** Asks the worker, after sending it the notebook's latest cells if they changed. */
  async request<M extends LangMethod>(nb: vscode.NotebookDocument, method: M, params: LangRequests[M]['params']): Promise<LangRequests[M]['result']> {
    this.flush(nb);
    return this.client.request(method, params);
  }

  /** Checks every open notebook again now (the setting changed). */
  recheck(): void {
    if (!this.diagnosticsOn()) {
      this.collection.clear();
      this.published.clear();
      return;
    }
    for (const nb of vscode.workspace.notebookDocuments) if (isModelbookNotebook(nb)) this.batcher.add(nb.uri.toString(), 'changed');
  }

  dispose(): void {
    this.batcher.flushNow();
    for (const d of this.disposables) d.dispose();
  }

  private changed(nb: vscode.NotebookDocument): void {
    if (!isModelbookNotebook(nb)) return;
    const key = nb.uri.toString();
    this.dirty.add(key);
    if (this.diagnosticsOn()) this.batcher.add(key, 'changed');
  }

  private flush(nb: vscode.NotebookDocument): void {
    const key = nb.uri.toString();
    if (!this.dirty.delete(key)) return;
    // Requests are answered in order, so the next one already sees these cells.
    this.client.request('update', { notebook: key, cells: langCellsOf(nb) }).catch(() => undefined);
  }

  private closed(nb: vscode.NotebookDocument): void {
    if (!isModelbookNotebook(nb)) return;
    const key = nb.uri.toString();
    this.dirty.delete(key);
    for (const uri of this.published.get(key) ?? []) this.collection.delete(uri);
    this.published.delete(key);
    this.client.request('close', { notebook: key }).catch(() => undefined);
  }

  private checkAll(keys: string[]): void {
    for (const key of keys) {
      const nb = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === key);
      if (nb) void this.check(nb); // fire-and-forget: check() reports nothing but the diagnostics it sets
    }
  }

  private async check(nb: vscode.NotebookDocument): Promise<void> {
    const key = nb.uri.toString();
    let found: LangDiagnostic[];
    try {
      found = await this.request(nb, 'diagnostics', { notebook: key });
    } catch {
      return;
    }
    if (!this.diagnosticsOn() || nb.isClosed) return;
    const byCell = new Map<string, vscode.Diagnostic[]>();
    for (const d of found) byCell.set(d.cellId, [...(byCell.get(d.cellId) ?? []), toDiagnostic(d)]);
    const cells = langCellsOf(nb).map((c) => c.id);
    for (const uri of this.published.get(key) ?? []) if (!byCell.has(uri.toString())) this.collection.delete(uri);
    const uris: vscode.Uri[] = [];
    for (const id of cells) {
      const list = byCell.get(id);
      if (!list) continue;
      const uri = vscode.Uri.parse(id);
      this.collection.set(uri, list);
      uris.push(uri);
    }
    this.published.set(key, uris);
  }
}
