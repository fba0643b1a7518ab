import * as vscode from 'vscode';
import type { ModelDiff } from '../../core/review/contract';
import { findingAnchor } from '../../core/review/findingThread';
import { openRunCell } from '../runs/openCell';
import { isReviewFromWebview } from '../webview/guards';
import type { ReviewThreads } from './comments';

/**
 * "Discuss" on a Model Diff finding: checks the finding (shape, then that it is in the diff shown),
 * reveals the cell of the pair that made the evaluation and opens an empty review thread there
 * whose anchor names head's run and the metric or slice. Returns the draft thread (undefined when
 * refused: the reason is shown to the reviewer).
 */
export async function startThreadFromFinding(threads: ReviewThreads, finding: unknown, diff: unknown): Promise<vscode.CommentThread | undefined> {
  if (!isReviewFromWebview({ type: 'startThread', payload: finding }) || !isDiff(diff)) return undefined;
  const checked = findingAnchor(diff, finding as Parameters<typeof findingAnchor>[1]);
  if (!checked.ok) {
    void vscode.window.showWarningMessage(checked.reason);
    return undefined;
  }
  const { notebook, cellId, ...target } = checked.anchor;
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const problem = await openRunCell(folder, { name: cellId, notebook, cellId });
  if (problem) {
    void vscode.window.showWarningMessage(problem);
    return undefined;
  }
  return threads.startDraftOnCell(vscode.Uri.joinPath(folder.uri, notebook), cellId, target);
}

function isDiff(v: unknown): v is ModelDiff {
  return typeof v === 'object' && v !== null && Array.isArray((v as ModelDiff).pairs);
}
