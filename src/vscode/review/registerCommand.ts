import * as vscode from 'vscode';
import type { ModelDiff } from '../../core/review/contract';
import { diffModels } from '../../core/review/diffModels';
import { GitRevisions } from '../../store/git/revisions';
import { loadDiffSide } from '../../store/review/loadSide';
import { workerReplicates, workerCount } from '../../store/review/workerReplicates';
import type { RunsService } from '../runs/service';
import { reviewUiMessage } from './messages';
import { showModelDiff, type ReviewPanel } from './panel';
import { pickReviewSides, type ReviewSides } from './pickSides';
import { registerRevisionFileSystem } from './revisionFs';
import { isReviewFromWebview } from '../webview/guards';

/** What the extension's API exposes of model review (the integration tests read it). */
export interface ReviewCommandApi {
  /** The diff the Model Diff panel shows. */
  panelDiff(): ModelDiff | undefined;
  /** Whether the review command's base picker is open. */
  picking(): boolean;
  /** Hands the panel a message as its webview would post it (validated the same way); false when refused or no panel. */
  fromWebview(msg: unknown): boolean;
}

export const REVIEW_COMMAND = 'modelbook.reviewModelChanges';

/**
 * **Modelbook: Review Model Changes…** (`modelbook.reviewModelChanges`): without an argument it
 * asks for the base (the pull request's base, the default branch's merge-base or HEAD~1 first)
 * and diffs it against the work tree; with `{ base, head }` (run ids as `run:<id>`, revisions as
 * `rev:<rev>`) it diffs those, as the Experiments panel's "Model diff" does. The sides load
 * through async git, so the window never waits on it.
 */
export function registerReviewCommand(context: vscode.ExtensionContext, runs: RunsService): { disposables: vscode.Disposable[]; api: ReviewCommandApi } {
  let panel: ReviewPanel | undefined;
  let picking = false;
  const review = async (arg?: unknown): Promise<void> => {
    const given = sidesArg(arg);
    if (given === null) return void vscode.window.showErrorMessage(reviewUiMessage.badArgument);
    const folder = reviewFolder();
    if (!folder) return void vscode.window.showWarningMessage(reviewUiMessage.noFolder);
    const ws = folder.uri.fsPath;
    let git: GitRevisions | undefined;
    try {
      git = GitRevisions.open(ws);
    } catch (e) {
      if (!given) void vscode.window.showInformationMessage(reviewUiMessage.notRepository((e as Error).message));
    }
    try {
      const sides = given ?? (await pickReviewSides(git, runs, folder, (open) => (picking = open)));
      if (!sides) return;
      const diff = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: reviewUiMessage.computing(sides.baseLabel ?? sides.base, sides.headLabel ?? sides.head) },
        async () => {
          const base = await loadDiffSide(ws, sides.base, git ? { git } : {});
          const head = await loadDiffSide(ws, sides.head, git ? { git } : {});
          if (sides.baseLabel) base.side.spec = sides.baseLabel;
          if (sides.headLabel) head.side.spec = sides.headLabel;
          // The bootstraps run in worker threads: seconds of arithmetic off the extension host's thread.
          const parallel = workerReplicates(context.asAbsolutePath('dist'), Math.max(1, workerCount() - 1));
          try {
            return await diffModels(base, head, { statistics: { parallel } });
          } finally {
            await parallel.close();
          }
        },
      );
      panel = showModelDiff(context, diff);
    } catch (e) {
      void vscode.window.showErrorMessage(reviewUiMessage.failed((e as Error).message));
    } finally {
      git?.dispose();
    }
  };
  const disposables = [registerRevisionFileSystem(), vscode.commands.registerCommand(REVIEW_COMMAND, review)];
  // The SCM title offers the command only in repositories with notebooks.
  void vscode.workspace.findFiles('**/*.mlnb', '**/node_modules/**', 1).then((found) => vscode.commands.executeCommand('setContext', 'modelbook.workspaceHasNotebooks', found.length > 0));
  const fromWebview = (msg: unknown): boolean => {
    if (!panel || !isReviewFromWebview(msg) || msg.type === 'ready') return false;
    panel.handle(msg);
    return true;
  };
  return { disposables, api: { panelDiff: () => panel?.current, picking: () => picking, fromWebview } };
}

/** `{ base, head }` as two strings (their syntax is checked where they are read), undefined for none, null for anything else. */
function sidesArg(arg: unknown): ReviewSides | undefined | null {
  const a = arg as Partial<Record<keyof ReviewSides, unknown>> | null | undefined;
  // The notebook toolbar and the SCM title pass their own context objects: those mean "ask".
  if (typeof a !== 'object' || a === null || (a.base === undefined && a.head === undefined)) return arg === null ? null : undefined;
  if (typeof a.base === 'string' && typeof a.head === 'string' && a.base.length <= 300 && a.head.length <= 300) return { base: a.base, head: a.head };
  return null;
}

/** The folder of the active notebook, else the first workspace folder. */
function reviewFolder(): vscode.WorkspaceFolder | undefined {
  const active = vscode.window.activeNotebookEditor?.notebook.uri;
  return (active && vscode.workspace.getWorkspaceFolder(active)) ?? vscode.workspace.workspaceFolders?.[0];
}
