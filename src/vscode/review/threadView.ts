import * as vscode from 'vscode';
import { reviewMessage } from '../../core/review/messages';
import { isSameAuthor } from '../../core/review/threadEdits';
import type { ReviewAuthor, ReviewThread, ThreadComment } from '../../core/review/threadContract';

/** One stored comment as VS Code shows it; `mine` decides whether edit and delete are offered. */
export class ReviewComment implements vscode.Comment {
  body: vscode.MarkdownString;
  mode = vscode.CommentMode.Preview;
  author: vscode.CommentAuthorInformation;
  contextValue: 'mine' | 'theirs';
  label: string | undefined;
  timestamp: Date;

  constructor(
    readonly threadId: string,
    readonly stored: ThreadComment,
    me: ReviewAuthor,
  ) {
    this.body = markdown(stored.body);
    this.author = { name: stored.author.name };
    this.contextValue = isSameAuthor(stored.author, me) ? 'mine' : 'theirs';
    this.label = stored.editedAt ? reviewMessage.threadEdited : undefined;
    this.timestamp = new Date(stored.createdAt);
  }
}

/**
 * A comment body as Markdown that cannot run anything: bodies come from files anyone can commit,
 * so no command links and no HTML (MarkdownString's defaults, spelled out).
 */
export function markdown(body: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString(body, false);
  md.isTrusted = false;
  md.supportHtml = false;
  return md;
}

/**
 * Puts a stored thread's state onto a VS Code thread: comments, resolved or not, the label (the
 * metric or slice it names, or that its cell is gone) and the context value the menus key on
 * (`open` / `resolved`, with `.outdated` when its cell is gone).
 */
export function showThread(vs: vscode.CommentThread, thread: ReviewThread, me: ReviewAuthor, outdated: boolean): void {
  if (vs.comments.some((c) => c.mode === vscode.CommentMode.Editing)) return;
  vs.comments = thread.comments.map((c) => new ReviewComment(thread.id, c, me));
  vs.state = thread.status === 'resolved' ? vscode.CommentThreadState.Resolved : vscode.CommentThreadState.Unresolved;
  vs.contextValue = thread.status + (outdated ? '.outdated' : '');
  vs.canReply = !outdated;
  vs.label = threadLabel(thread, outdated);
}

function threadLabel(thread: ReviewThread, outdated: boolean): string | undefined {
  const { metric, slice, runId } = thread.anchor;
  const about = [metric, slice, runId && reviewMessage.threadRun(runId)].filter((x): x is string => !!x).join(' · ');
  if (outdated) return reviewMessage.threadOutdated(thread.anchor.cellId, about);
  return about === '' ? undefined : about;
}
