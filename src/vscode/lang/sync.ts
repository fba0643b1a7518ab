/**
 * Keeps the language worker's copy of each open Modelbook notebook current (cells added, removed,
 * moved, edited: only the edited cells' text is sent, with a version) and publishes its type errors on
 * the cells' URIs ~300 ms after typing stops, the edited cells' first (core/lang/diagnosticsPasses.ts).
 * A cell's id in the worker is its document URI, so answers map straight back to cells.
 */
import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../../core/notebook/contract';
import { ChangeBatcher } from '../../core/runs/batch';
import { DiagnosticsPasses } from '../../core/lang/diagnosticsPasses';
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

/** What the worker has of a notebook, and what changed since. */
interface SentState {
  version: number;
  /** Cells added, removed or moved (or never sent): the next send is the whole notebook. */
  structure: boolean;
  /** Cells whose text changed since the last send. */
  edited: Set<string>;
  /** Cells edited since the last diagnostics pass: published first by the next one. */
  unchecked: Set<string>;
}

/** One responsibility: the worker's view of the open notebooks, and their diagnostics. */
export class NotebookLangSync implements vscode.Disposable {
  private readonly sent = new Map<string, SentState>();
  private readonly published = new Map<string, vscode.Uri[]>();
  private readonly passes = new DiagnosticsPasses<LangDiagnostic>({
    check: (key, cellIds) => {
      const nb = this.notebook(key);
      return nb ? this.request(nb, 'diagnostics', cellIds ? { notebook: key, cellIds } : { notebook: key }) : Promise.resolve([]);
    },
    publish: (key, found, cellIds) => this.publish(key, found, cellIds),
  });
  private readonly batcher = new ChangeBatcher((events) => this.checkAll([...events.keys()]), { delayMs: DIAGNOSTICS_DELAY_MS, maxWaitMs: 2000 });
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly client: LangWorkerClient,
    private readonly collection: vscode.DiagnosticCollection,
    private readonly diagnosticsOn: () => boolean,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenNotebookDocument((nb) => this.changed(nb, undefined)),
      vscode.workspace.onDidCloseNotebookDocument((nb) => this.closed(nb)),
      // Cells added, removed or moved; their text changes come as text document changes.
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        if (e.contentChanges.length > 0) this.changed(e.notebook, undefined);
      }),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0) return;
        const nb = notebookOfCell(e.document);
        if (nb) this.changed(nb, e.document.uri.toString());
      }),
    );
    for (const nb of vscode.workspace.notebookDocuments) this.changed(nb, undefined);
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

  /** A cell's text changed (`cellId`), or the notebook's cells did (undefined). */
  private changed(nb: vscode.NotebookDocument, cellId: string | undefined): void {
    if (!isModelbookNotebook(nb)) return;
    const key = nb.uri.toString();
    const state = this.sent.get(key) ?? { version: 0, structure: true, edited: new Set<string>(), unchecked: new Set<string>() };
    this.sent.set(key, state);
    if (cellId === undefined) state.structure = true;
    else {
      state.edited.add(cellId);
      state.unchecked.add(cellId);
    }
    // Whatever the pass under way computes is from older text now.
    this.passes.cancel(key);
    if (this.diagnosticsOn()) this.batcher.add(key, 'changed');
  }

  /** Sends the worker what changed: the edited cells' text, or every cell after a structure change. */
  private flush(nb: vscode.NotebookDocument): void {
    const key = nb.uri.toString();
    const state = this.sent.get(key);
    if (!state || (!state.structure && state.edited.size === 0)) return;
    state.version++;
    const { version } = state;
    // Requests are answered in order, so the next one already sees these cells.
    if (state.structure) this.client.request('update', { notebook: key, version, cells: langCellsOf(nb) }).catch(() => undefined);
    else {
      const cells = nb
        .getCells()
        .filter((c) => state.edited.has(c.document.uri.toString()))
        .map((c) => ({ id: c.document.uri.toString(), source: c.document.getText() }));
      this.client.request('edit', { notebook: key, version, cells }).catch(() => undefined);
    }
    state.structure = false;
    state.edited.clear();
  }

  private notebook(key: string): vscode.NotebookDocument | undefined {
    return vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === key);
  }

  private closed(nb: vscode.NotebookDocument): void {
    if (!isModelbookNotebook(nb)) return;
    const key = nb.uri.toString();
    this.sent.delete(key);
    this.passes.cancel(key);
    for (const uri of this.published.get(key) ?? []) this.collection.delete(uri);
    this.published.delete(key);
    this.client.request('close', { notebook: key }).catch(() => undefined);
  }

  private checkAll(keys: string[]): void {
    for (const key of keys) {
      const nb = this.notebook(key);
      const state = this.sent.get(key);
      if (!nb || !state) continue;
      const code = new Set(langCellsOf(nb).map((c) => c.id));
      const edited = [...state.unchecked].filter((id) => code.has(id));
      state.unchecked.clear();
      // fire-and-forget: a pass reports nothing but the diagnostics it sets; a failed one leaves the last shown
      this.passes.run(key, edited).catch(() => undefined);
    }
  }

  /** Shows diagnostics on `cellIds` (the edited cells, at once) or on every cell of the notebook. */
  private publish(key: string, found: LangDiagnostic[], cellIds: string[] | undefined): void {
    const nb = this.notebook(key);
    if (!this.diagnosticsOn() || !nb || nb.isClosed) return;
    const byCell = new Map<string, vscode.Diagnostic[]>();
    for (const d of found) byCell.set(d.cellId, [...(byCell.get(d.cellId) ?? []), toDiagnostic(d)]);
    const before = this.published.get(key) ?? [];
    if (cellIds) {
      const uris = new Map(before.map((u) => [u.toString(), u]));
      for (const id of cellIds) {
        const uri = vscode.Uri.parse(id);
        const list = byCell.get(id);
        if (list) {
          this.collection.set(uri, list);
          uris.set(id, uri);
        } else {
          this.collection.delete(uri);
          uris.delete(id);
        }
      }
      this.published.set(key, [...uris.values()]);
      return;
    }
    for (const uri of before) if (!byCell.has(uri.toString())) this.collection.delete(uri);
    const uris: vscode.Uri[] = [];
    for (const id of langCellsOf(nb).map((c) => c.id)) {
      const list = byCell.get(id);
      if (!list) continue;
      const uri = vscode.Uri.parse(id);
      this.collection.set(uri, list);
      uris.push(uri);
    }
    this.published.set(key, uris);
  }
}
