import * as vscode from 'vscode';
import type { ModelDiff } from '../../core/review/contract';
import { buildModelDiffView, type ModelDiffView } from '../../core/review/view';
import type { ReviewFromWebview, ReviewToWebview } from '../../protocol/review';
import { openRunCell } from '../runs/openCell';
import { isReviewFromWebview } from '../webview/guards';
import type { Envelope } from '../../protocol/envelope';
import { ViewPanel } from '../webview/viewPanel';
import { reviewUiMessage } from './messages';
import { openNotebookDiff } from './notebookDiff';
import { revisionUri } from './revisionFs';

/** What the panel does with a reviewer's "Comment" on a finding (the review-threads feature plugs in here). */
export interface ReviewPanelHooks {
  startThread?(anchor: ReviewFromWebview['startThread'], diff: ModelDiff): void | Promise<void>;
}

/** The command a "Comment" runs when no hook is given (registered by the review-threads feature). */
export const START_THREAD_COMMAND = 'modelbook.review.startThread';

/**
 * The Model Diff panel: one webview showing one diff at a time, re-sent whenever the webview
 * (re)loads. Its findings open the cell that produced them, "Show notebook diff" opens VS Code's
 * notebook diff of base and head, and "Comment" starts a review thread on the cell.
 */
export class ReviewPanel implements vscode.Disposable {
  private readonly panel: ViewPanel<ReviewToWebview, ReviewFromWebview, ModelDiffView>;

  constructor(
    extensionUri: vscode.Uri,
    /** Replaced by the latest `showModelDiff` that passes hooks. */
    public hooks: ReviewPanelHooks = {},
    log?: (line: string) => void,
  ) {
    this.panel = new ViewPanel(extensionUri, {
      viewType: 'modelbook.modelDiff',
      title: 'Model Diff',
      entry: 'review',
      accepts: isReviewFromWebview,
      ...(log ? { log } : {}),
      titleOf: (view) => `Model Diff: ${view.title}`,
      dataOf: (view) => view,
      onMessage: (msg) => this.handle(msg),
    });
  }

  /** What the webview asked for (validated by the panel host; tests call it with a message the webview would post). */
  handle(msg: Exclude<Envelope<ReviewFromWebview>, { type: 'ready' }>): void {
    switch (msg.type) {
      case 'openCell':
        void this.openCell(msg.payload);
        break;
      case 'showNotebookDiff':
        void this.showNotebookDiff(msg.payload.notebook);
        break;
      case 'startThread':
        void this.startThread(msg.payload);
        break;
      default: {
        const never: never = msg;
        void never;
      }
    }
  }

  /** Opens (or reveals) the panel showing `diff`. */
  show(diff: ModelDiff): void {
    this.panel.show(buildModelDiffView(diff));
  }

  get current(): ModelDiff | undefined {
    return this.panel.view?.diff;
  }

  dispose(): void {
    this.panel.dispose();
  }

  private async openCell(cell: ReviewFromWebview['openCell']): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) return void vscode.window.showWarningMessage(reviewUiMessage.noCellFolder);
    const problem = await openRunCell(folder, { name: cell.cellId, notebook: cell.notebook, cellId: cell.cellId });
    if (problem) void vscode.window.showWarningMessage(problem);
  }

  /**
   * VS Code's notebook diff of the notebook at the base revision (read from git through our
   * read-only `modelbook-git:` files) against the work-tree file, outputs hidden. A side that is
   * not a commit (runs, WORKTREE) is the work-tree file.
   */
  private async showNotebookDiff(notebook: string): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0];
    const diff = this.current;
    if (!folder || !diff) return;
    const file = vscode.Uri.joinPath(folder.uri, notebook);
    const at = (side: ModelDiff['base']) => (side.kind === 'revision' && side.commit ? revisionUri(file, side.commit) : file);
    const [base, head] = [at(diff.base), at(diff.head)];
    if (base.toString() === head.toString()) return void vscode.window.showInformationMessage(reviewUiMessage.sameNotebook(notebook));
    await openNotebookDiff(base, head, `${notebook} (${diff.base.spec} ↔ ${diff.head.spec})`);
  }

  private async startThread(anchor: ReviewFromWebview['startThread']): Promise<void> {
    const diff = this.current;
    if (!diff) return;
    if (this.hooks.startThread) return void (await this.hooks.startThread(anchor, diff));
    const commands = await vscode.commands.getCommands(true);
    if (commands.includes(START_THREAD_COMMAND)) await vscode.commands.executeCommand(START_THREAD_COMMAND, anchor, diff);
    else void vscode.window.showInformationMessage(reviewUiMessage.threadsUnavailable);
  }
}

let shared: ReviewPanel | undefined;

/**
 * Shows a model diff in the Model Diff panel (one panel per window, reused), for the review
 * command and the Experiments panel's "Model diff". `hooks.startThread` receives the reviewer's
 * "Comment" on a finding; without it the panel runs `modelbook.review.startThread`.
 *
 * @example
 * showModelDiff(context, await diffModels(base, head));
 */
export function showModelDiff(context: vscode.ExtensionContext, diff: ModelDiff, hooks?: ReviewPanelHooks): ReviewPanel {
  if (!shared) {
    const panel = new ReviewPanel(context.extensionUri, hooks);
    shared = panel;
    context.subscriptions.push(panel, { dispose: () => (shared = shared === panel ? undefined : shared) });
  }
  if (hooks) shared.hooks = hooks;
  shared.show(diff);
  return shared;
}
