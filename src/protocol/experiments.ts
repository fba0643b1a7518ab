/**
 * The Experiments panel's channel (host ⇄ webview). The host sends the runs once (`setRuns`) and
 * then row deltas (`updateRuns`); the webview filters, sorts and groups them itself with the core
 * run code and sends intents back.
 */
import type { RunProblem } from '../core/runs/contract';
import type { RunComparison } from '../core/runs/compare';
import type { PanelRun } from '../core/runs/summary';

export type { PanelRun };

/** What the panel should show when it opens (e.g. from an inline history's "Compare in the panel"). */
export interface PanelFocus {
  /** A filter expression to put in the filter box. */
  filter?: string;
  /** Runs to select for comparison. */
  select?: string[];
}

export type ExperimentsToWebview = {
  /** Every run (replaces what the panel had), the unreadable files, and an optional focus. */
  setRuns: { runs: PanelRun[]; problems: RunProblem[]; focus?: PanelFocus };
  /** Runs added or changed (`upsert`) and removed since the last message; the current problems. */
  updateRuns: { upsert: PanelRun[]; remove: string[]; problems: RunProblem[] };
  /** Filter and selection to apply now (the panel was already open). */
  focus: PanelFocus;
  /** The answer to `compare`: the side-by-side view of full records, or why it failed. */
  comparison: { requestId: number; ids: string[]; comparison?: RunComparison; error?: string };
  /** A one-line notice (export done, cell not found). */
  notice: { text: string; kind: 'info' | 'error' };
};

export type ExperimentsFromWebview = {
  ready: undefined;
  /** After each render of the table: the ids of the rows in the DOM, and how many rows match. */
  rendered: { rowIds: string[]; matched: number; total: number };
  /** Read these runs' full records and compare them. */
  compare: { requestId: number; ids: string[] };
  /** Save these runs (in this order) with these columns as CSV. */
  exportCsv: { ids: string[]; columns: string[] };
  /** Open the notebook cell that made this run. */
  openCell: { id: string };
  copyId: { id: string };
  /** Open the Model Diff panel for these two evaluation runs. */
  modelDiff: { ids: string[] };
};
