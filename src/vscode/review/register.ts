import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../../core/notebook/contract';
import { THREADS_DIR, type ReviewThread } from '../../core/review/threadContract';
import { recordReview, type ReviewArgs } from './approve';
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
  if (!current) return Promise.reject(new Error('Modelbook review threads are not active'));
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
  const watchers = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(f, '.modelbook/reviews/**')));
  for (const w of watchers) {
    // The event subscriptions end with the watcher.
    w.onDidCreate(changed);
    w.onDidChange(changed);
    w.onDidDelete(changed);
  }
  // The workspace watcher missed some files written behind VS Code's back in code-server (seen in
  // the integration test); the threads folder's mtime, which every added, removed or renamed file
  // changes, is checked every two seconds as a backstop — one lstat per folder.
  const seen = new Map<string, number>();
  const poll = setInterval(() => {
    for (const f of vscode.workspace.workspaceFolders ?? []) {
      if (f.uri.scheme !== 'file') continue;
      const dir = path.join(f.uri.fsPath, ...THREADS_DIR.split('/'));
      const mtime = mtimeOf(dir);
      if (seen.has(dir) && seen.get(dir) !== mtime) changed();
      seen.set(dir, mtime);
    }
  }, 2000);
  const cmd = vscode.commands.registerCommand;
  const disposables: vscode.Disposable[] = [
    { dispose: () => (current?.dispose(), (current = undefined), timer && clearTimeout(timer)) },
    ...watchers,
    { dispose: () => clearInterval(poll) },
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
