/** Messages of the Model Diff panel (host ↔ webview), as name → payload maps (see envelope.ts). */
import type { ModelDiffView } from '../core/review/view';
import type { ReadyMessage } from './envelope';

/** A cell of a notebook, by workspace-relative path and nbformat cell id. */
export interface CellRef {
  notebook: string;
  cellId: string;
}

export type ReviewToWebview = {
  /** The whole view model; the panel redraws from it. */
  setData: ModelDiffView;
};

export type ReviewFromWebview = ReadyMessage & {
  /** Open the notebook and reveal the cell that produced a finding (or that a code change touched). */
  openCell: CellRef;
  /** Open VS Code's notebook diff of the notebook at base and at head. */
  showNotebookDiff: { notebook: string };
  /** Start a review thread on the cell behind a finding, naming the metric or slice. */
  startThread: CellRef & { metric?: string; slice?: string };
};
