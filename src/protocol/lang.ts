/**
 * The extension host ↔ language worker channel (dist/langWorker.js, src/store/lang/worker.ts): one
 * NotebookLanguageService per notebook runs in the worker, so the type checker never blocks the host.
 * Positions are 0-based, in a cell's own text; a cell is named by its id (the host uses the cell
 * document's URI). Every message is checked on arrival, both ways (src/store/lang/workerGuards.ts).
 */
import type { CellDiagnostic } from '../core/lang/cellDiagnostic';

/** A notebook's code cell as the worker sees it. */
export interface LangCell {
  id: string;
  source: string;
}

/** A position in one cell of one notebook. */
export interface LangCellPosition {
  notebook: string;
  cellId: string;
  line: number;
  character: number;
}

/** A type error on a cell's own lines. */
export type LangDiagnostic = CellDiagnostic;

/** A completion; `detail` (the type) is given for names the notebook's cells declare. */
export interface LangCompletionItem {
  name: string;
  kind: string;
  sortText: string;
  detail?: string;
  insertText?: string;
}

export interface LangQuickInfo {
  text: string;
  documentation: string;
}

export interface LangSignatureHelpResult {
  items: { label: string; documentation: string; parameters: { label: string; documentation: string }[] }[];
  selectedItemIndex: number;
  argumentIndex: number;
}

/** Where a name is declared: a cell of the notebook, or a declaration file. */
export interface LangDefinitionTarget {
  cellId?: string;
  file?: string;
  line: number;
  character: number;
}

/** Each request's parameters and the result the worker answers with. */
export interface LangRequests {
  /**
   * Replaces a notebook's code cells (in order): on open, after a restart, when cells are added,
   * removed or moved. `version` increases with every update or edit the host sends for the notebook;
   * the worker refuses one not newer than what it has.
   */
  update: { params: { notebook: string; version: number; cells: LangCell[] }; result: null };
  /** New text of some of the notebook's cells (same cells, same order); refused if not newer than what the worker has, or naming a cell it does not know. */
  edit: { params: { notebook: string; version: number; cells: LangCell[] }; result: null };
  /** Forgets a closed notebook. */
  close: { params: { notebook: string }; result: null };
  /** Every cell's diagnostics, or those of `cellIds` only (checking no cell after the last of them). */
  diagnostics: { params: { notebook: string; cellIds?: string[] }; result: LangDiagnostic[] };
  completions: { params: LangCellPosition; result: LangCompletionItem[] };
  quickInfo: { params: LangCellPosition; result: LangQuickInfo | null };
  signatureHelp: { params: LangCellPosition; result: LangSignatureHelpResult | null };
  definition: { params: LangCellPosition; result: LangDefinitionTarget[] };
}

export type LangMethod = keyof LangRequests;

/** Host → worker: one request. */
export type LangRequest = { [M in LangMethod]: { requestId: number; method: M; params: LangRequests[M]['params'] } }[LangMethod];

/** Worker → host: the answer to request `requestId`, or why there is none. */
export type LangResponse = { [M in LangMethod]: { requestId: number; method: M; result: LangRequests[M]['result'] } }[LangMethod] | { requestId: number; error: string };

/** What the worker is started with (workerData): where it may read from. */
export interface LangWorkerData {
  /** dist/types: the shipped declarations. */
  typesRoot: string;
  /** Folders whose files (and node_modules) cells may import: the workspace folders. */
  roots: string[];
}
