import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { reviewMessage } from '../../core/review/messages';
import { NOTEBOOK_TYPE } from '../../core/notebook/contract';
import { APPROVALS_DIR, THREADS_DIR, type ReviewThread } from '../../core/review/threadContract';
import { recordReview, type ReviewArgs } from './approve';
import { startThreadFromFinding } from './fromFinding';
import { START_THREAD_COMMAND } from './panel';
import { ReviewThreads, type ThreadTarget } from './comments';
import type { ReviewComment } from './threadView';

/** What the extension's API exposes of review threads (the Model Diff panel and the integration tests use it). */
export interface ReviewApi {
  /** Starts a thread on a cell (see ReviewThreads.startThreadOnCell). */
  startThreadOnCell(notebookUri: vscode.Uri, cellId: string, target?: ThreadTarget, body?: string): Promise<ReviewThread | undefined>;
  /** The threads shown now. */
  threads(): ReviewThread[];
  commentThread(id: string): vscode.CommentThread | undefined;
  /** Disposes the comment controller and makes a new one from the files, as a window reload does. */
  reload(): void;
}

let current: ReviewThreads | undefined;

/**
 * Starts a review thread on the cell `cellId` of a notebook, naming the run, metric or slice a
 * Model Diff finding is about; without a body it opens an empty thread there for the reviewer.
 */
export function startThreadOnCell(notebookUri: vscode.Uri, cellId: string, target: ThreadTarget = {}, body?: string): Promise<ReviewThread | undefined> {
  if (!current) return Promise.reject(new Error(reviewMessage.threadsInactive));
  return current.startThreadOnCell(notebookUri, cellId, target, body);
}

/** The comment controller, its commands, the watcher on `.modelbook/reviews/**` and the approve / request-changes commands. */
export function registerReview(log: vscode.LogOutputChannel): { api: ReviewApi; disposables: vscode.Disposable[] } {
  const start = () => {
    current = new ReviewThreads(log);
    current.refresh();
  };
  start();
  const threads = () => current!;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A pull or checkout changes many files at once: place threads again once it settles.
  const changed = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => threads().refresh(), 150);
  };
  // One watcher per workspace folder on `.modelbook/reviews/**`, re-made when folders come and go.
  const watchers = new Map<string, vscode.FileSystemWatcher>();
  const watchFolders = () => {
    const folders = new Map((vscode.workspace.workspaceFolders ?? []).map((f) => [f.uri.toString(), f]));
    for (const [key, w] of watchers) {
      if (folders.has(key)) continue;
      w.dispose();
      watchers.delete(key);
    }
    for (const [key, f] of folders) {
      if (watchers.has(key)) continue;
      const w = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(f, '.modelbook/reviews/**'));
      // The event subscriptions end with the watcher.
      w.onDidCreate(changed);
      w.onDidChange(changed);
      w.onDidDelete(changed);
      watchers.set(key, w);
    }
  };
  watchFolders();
  // code-server's workspace watcher misses some files written behind VS Code's back (seen in the
  // integration test from a fresh clone: a pulled thread never arrived). Backstop while a Modelbook
  // notebook is open: the mtimes of the threads and approvals folders, which git's add, remove or
  // rename of a file changes, are checked every two seconds — two lstat calls per folder.
  const seen = new Map<string, number>();
  const backstop = setInterval(() => {
    if (!vscode.workspace.notebookDocuments.some((nb) => nb.notebookType === NOTEBOOK_TYPE)) return;
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      if (f.uri.scheme !== 'file') continue;
      for (const dir of [THREADS_DIR, APPROVALS_DIR].map((d) => path.join(f.uri.fsPath, ...d.split('/')))) {
        const mtime = mtimeOf(dir);
        if (seen.has(dir) && seen.get(dir) !== mtime) changed();
        seen.set(dir, mtime);
      }
    }
  }, 2000);
  const cmd = vscode.commands.registerCommand;
  const disposables: vscode.Disposable[] = [
    { dispose: () => (current?.dispose(), (current = undefined), timer && clearTimeout(timer)) },
    { dispose: () => (watchers.forEach((w) => w.dispose()), watchers.clear()) },
    { dispose: () => clearInterval(backstop) },
    vscode.workspace.onDidChangeWorkspaceFolders(() => (watchFolders(), changed())),
    // A watcher can miss files written behind VS Code's back (a pull while the window was in the
    // background, seen in code-server): the files are read again when the window gets the focus.
    vscode.window.onDidChangeWindowState((w) => w.focused && changed()),
    vscode.workspace.onDidOpenNotebookDocument((nb) => nb.notebookType === NOTEBOOK_TYPE && threads().refresh()),
    vscode.workspace.onDidCloseNotebookDocument((nb) => threads().closeNotebook(nb)),
    // A removed cell leaves its threads outdated.
    vscode.workspace.onDidChangeNotebookDocument((e) => e.notebook.notebookType === NOTEBOOK_TYPE && e.contentChanges.some((c) => c.removedCells.length > 0) && threads().refresh()),
    cmd('modelbook.review.createThread', (reply: vscode.CommentReply) => threads().createFromReply(reply)),
    cmd('modelbook.review.reply', (reply: vscode.CommentReply) => threads().reply(reply)),
    cmd('modelbook.review.editComment', (c: ReviewComment) => threads().startEdit(c)),
    cmd('modelbook.review.saveComment', (c: ReviewComment) => threads().saveEdit(c)),
    cmd('modelbook.review.cancelEdit', (c: ReviewComment) => threads().cancelEdit(c)),
    cmd('modelbook.review.deleteComment', (c: ReviewComment) => threads().deleteComment(c)),
    cmd('modelbook.review.resolveThread', (t: vscode.CommentThread) => threads().setStatus(t, 'resolved')),
    cmd('modelbook.review.reopenThread', (t: vscode.CommentThread) => threads().setStatus(t, 'open')),
    // "Discuss" on a finding of the Model Diff panel (ReviewPanel runs it with the finding and the diff shown).
    cmd(START_THREAD_COMMAND, (finding: unknown, diff: unknown) => startThreadFromFinding(threads(), finding, diff)),
    cmd('modelbook.approveModelChange', (args?: ReviewArgs) => recordReview('approve', args)),
    cmd('modelbook.requestModelChanges', (args?: ReviewArgs) => recordReview('request-changes', args)),
  ];
  const api: ReviewApi = {
    startThreadOnCell,
    threads: () => threads().threads(),
    commentThread: (id) => threads().commentThread(id),
    reload: () => {
      current?.dispose();
      start();
    },
  };
  return { api, disposables };
}

function mtimeOf(dir: string): number {
  try {
    return fs.lstatSync(dir, { throwIfNoEntry: false })?.mtimeMs ?? 0;
  } catch {
    return 0;
  }
}
