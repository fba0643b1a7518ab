import path from 'node:path';
import * as vscode from 'vscode';
import { anchorThreads } from '../../core/review/anchorThreads';
import { reviewMessage } from '../../core/review/messages';
import { addComment, createThread, deleteComment, editComment, setThreadStatus, type EditContext } from '../../core/review/threadEdits';
import type { ReviewAuthor, ReviewThread, ThreadAnchor } from '../../core/review/threadContract';
import { NOTEBOOK_TYPE } from '../../core/notebook/contract';
import { createIdGenerator } from '../../core/runs/ulid';
import { readGitAuthor } from '../../store/reviews/gitAuthor';
import { deleteThread, listThreads, writeThread } from '../../store/reviews/reviewFiles';
import { ReviewComment, markdown, showThread } from './threadView';

/** Where a notebook's threads are stored: its workspace folder and its path relative to it. */
interface NotebookPlace {
  folder: string;
  notebook: string;
}

/** A thread shown in VS Code, with the stored thread it shows. */
interface Shown {
  vs: vscode.CommentThread;
  thread: ReviewThread;
  folder: string;
}

/** What `startThreadOnCell` may name besides the cell. */
export type ThreadTarget = Pick<ThreadAnchor, 'runId' | 'metric' | 'slice'>;

/**
 * The `modelbook.review` comment controller: shows the review threads stored under
 * `.modelbook/reviews/threads/` on the code cells of open `.mlnb` notebooks (placed by cell id),
 * and writes every change a reviewer makes back to the thread's file.
 */
export class ReviewThreads implements vscode.Disposable {
  readonly controller = vscode.comments.createCommentController('modelbook.review', 'Modelbook Review');
  private readonly shown = new Map<string, Shown>();
  /** Draft threads opened by startThreadOnCell without a body: what their anchor will name. */
  private readonly drafts = new WeakMap<vscode.CommentThread, ThreadTarget>();
  private readonly authors = new Map<string, ReviewAuthor>();
  private readonly nextId = createIdGenerator();
  private readonly edit: EditContext = { newId: () => this.nextId(), now: () => new Date().toISOString() };

  constructor(private readonly log: vscode.LogOutputChannel) {
    this.controller.options = { prompt: reviewMessage.threadPrompt, placeHolder: reviewMessage.threadPlaceholder };
    this.controller.commentingRangeProvider = {
      provideCommentingRanges: (doc) => (this.cellOf(doc)?.cell.kind === vscode.NotebookCellKind.Code ? [new vscode.Range(0, 0, Math.max(0, doc.lineCount - 1), 0)] : []),
    };
  }

  /** Places the stored threads of every open notebook of `folder` (all folders when undefined) on their cells again. */
  refresh(folder?: string): void {
    for (const nb of vscode.workspace.notebookDocuments) {
      const place = placeOf(nb);
      if (place && (folder === undefined || place.folder === folder)) this.placeNotebook(nb, place);
    }
  }

  /** The stored threads shown now (for the API and tests). */
  threads(): ReviewThread[] {
    return [...this.shown.values()].map((s) => s.thread);
  }

  /** The VS Code thread showing stored thread `id`. */
  commentThread(id: string): vscode.CommentThread | undefined {
    return this.shown.get(id)?.vs;
  }

  /**
   * Starts a thread on the cell with `cellId`: with a body it is written at once; without, an
   * empty thread opens on the cell for the reviewer to type into (its anchor keeps the target).
   */
  async startThreadOnCell(notebookUri: vscode.Uri, cellId: string, target: ThreadTarget = {}, body?: string): Promise<ReviewThread | undefined> {
    const nb = vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === notebookUri.toString()) ?? (await vscode.workspace.openNotebookDocument(notebookUri));
    const cell = nb.getCells().find((c) => c.metadata.id === cellId);
    if (!cell) throw new Error(reviewMessage.threadNoCell(cellId));
    if (body !== undefined) return this.create(nb, cell, target, body);
    this.openDraft(cell, target);
    return undefined;
  }

  /**
   * Opens an empty thread on the cell with `cellId` for the reviewer to type into; submitting it
   * (modelbook.review.createThread) stores a thread whose anchor names `target`.
   */
  async startDraftOnCell(notebookUri: vscode.Uri, cellId: string, target: ThreadTarget): Promise<vscode.CommentThread> {
    const nb = vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === notebookUri.toString()) ?? (await vscode.workspace.openNotebookDocument(notebookUri));
    const cell = nb.getCells().find((c) => c.metadata.id === cellId);
    if (!cell) throw new Error(reviewMessage.threadNoCell(cellId));
    return this.openDraft(cell, target);
  }

  private openDraft(cell: vscode.NotebookCell, target: ThreadTarget): vscode.CommentThread {
    const draft = this.controller.createCommentThread(cell.document.uri, new vscode.Range(0, 0, 0, 0), []);
    draft.collapsibleState = vscode.CommentThreadCollapsibleState.Expanded;
    const about = [target.metric, target.slice].filter((x) => x !== undefined).join(' · ');
    if (about) draft.label = about;
    this.drafts.set(draft, target);
    return draft;
  }

  /** The reply box of a new (empty) thread was submitted: store the thread and show it instead of the draft. */
  createFromReply(reply: vscode.CommentReply): ReviewThread | undefined {
    const found = this.cellOf(reply.thread.uri);
    const target = this.drafts.get(reply.thread) ?? {};
    reply.thread.dispose();
    if (!found) return undefined;
    return this.create(found.notebook, found.cell, target, reply.text);
  }

  reply(reply: vscode.CommentReply): void {
    this.change(this.idOf(reply.thread), (t, me) => addComment(t, me, reply.text, this.edit));
  }

  setStatus(vs: vscode.CommentThread, status: ReviewThread['status']): void {
    this.change(this.idOf(vs), (t) => setThreadStatus(t, status));
  }

  startEdit(comment: ReviewComment): void {
    this.setMode(comment, vscode.CommentMode.Editing);
  }

  cancelEdit(comment: ReviewComment): void {
    comment.body = markdown(comment.stored.body);
    this.setMode(comment, vscode.CommentMode.Preview);
  }

  saveEdit(comment: ReviewComment): void {
    const text = typeof comment.body === 'string' ? comment.body : comment.body.value;
    this.setMode(comment, vscode.CommentMode.Preview);
    this.change(comment.threadId, (t, me) => editComment(t, comment.stored.id, me, text, this.edit) ?? t);
  }

  deleteComment(comment: ReviewComment): void {
    this.change(comment.threadId, (t, me) => deleteComment(t, comment.stored.id, me) ?? t);
  }

  dispose(): void {
    for (const s of this.shown.values()) s.vs.dispose();
    this.shown.clear();
    this.controller.dispose();
  }

  private create(nb: vscode.NotebookDocument, cell: vscode.NotebookCell, target: ThreadTarget, body: string): ReviewThread | undefined {
    const place = placeOf(nb);
    if (!place) {
      void vscode.window.showWarningMessage(reviewMessage.threadNoFolder);
      return undefined;
    }
    const cellId: unknown = cell.metadata.id;
    if (typeof cellId !== 'string' || cellId === '') {
      void vscode.window.showWarningMessage(reviewMessage.threadNoCell(String(cellId)));
      return undefined;
    }
    const thread = createThread({ notebook: place.notebook, cellId, ...target }, this.author(place.folder), body, this.edit);
    if (!this.save(place.folder, thread)) return undefined;
    this.placeNotebook(nb, place);
    return thread;
  }

  /** Applies `f` to the stored thread, writes it (or deletes the file when no comment is left) and shows the result. */
  private change(id: string | undefined, f: (t: ReviewThread, me: ReviewAuthor) => ReviewThread): void {
    const s = id === undefined ? undefined : this.shown.get(id);
    if (!s) {
      void vscode.window.showWarningMessage(reviewMessage.threadNotFound);
      return;
    }
    const me = this.author(s.folder);
    const next = f(s.thread, me);
    if (next === s.thread) return;
    if (next.comments.length === 0) {
      deleteThread(s.folder, next.id);
      s.vs.dispose();
      this.shown.delete(next.id);
      return;
    }
    if (!this.save(s.folder, next)) return;
    s.thread = next;
    showThread(s.vs, next, me, s.vs.contextValue?.endsWith('.outdated') ?? false);
  }

  private save(folder: string, thread: ReviewThread): boolean {
    try {
      writeThread(folder, thread);
      return true;
    } catch (e) {
      void vscode.window.showErrorMessage(reviewMessage.threadNotSaved((e as Error).message));
      return false;
    }
  }

  /** Reconciles the shown threads of one notebook with its stored threads: by cell id, outdated on the first cell when the cell is gone. */
  private placeNotebook(nb: vscode.NotebookDocument, place: NotebookPlace): void {
    const { items, problems } = listThreads(place.folder);
    for (const p of problems) this.log.warn(reviewMessage.threadsSkipped(p.file, p.reason));
    const cells = nb.getCells();
    const placed = anchorThreads(
      items,
      place.notebook,
      cells.map((c) => (typeof c.metadata.id === 'string' ? c.metadata.id : undefined)),
    );
    const keep = new Set<string>();
    const me = this.author(place.folder);
    for (const p of placed) {
      const cell = p.kind === 'placed' ? cells[p.cellIndex] : (cells.find((c) => c.kind === vscode.NotebookCellKind.Code) ?? cells[0]);
      if (!cell) continue;
      keep.add(p.thread.id);
      let s = this.shown.get(p.thread.id);
      if (s && s.vs.uri.toString() !== cell.document.uri.toString()) {
        s.vs.dispose();
        s = undefined;
      }
      if (!s) {
        const vs = this.controller.createCommentThread(cell.document.uri, new vscode.Range(0, 0, 0, 0), []);
        vs.collapsibleState = p.thread.status === 'open' ? vscode.CommentThreadCollapsibleState.Expanded : vscode.CommentThreadCollapsibleState.Collapsed;
        s = { vs, thread: p.thread, folder: place.folder };
        this.shown.set(p.thread.id, s);
      }
      s.thread = p.thread;
      showThread(s.vs, p.thread, me, p.kind === 'outdated');
    }
    for (const [id, s] of this.shown) {
      if (keep.has(id) || s.folder !== place.folder || s.thread.anchor.notebook !== place.notebook) continue;
      s.vs.dispose();
      this.shown.delete(id);
    }
  }

  /** Forgets the threads of a closed notebook (its cell documents are gone; reopening places them again). */
  closeNotebook(nb: vscode.NotebookDocument): void {
    const place = placeOf(nb);
    if (!place) return;
    for (const [id, s] of this.shown) {
      if (s.folder !== place.folder || s.thread.anchor.notebook !== place.notebook) continue;
      s.vs.dispose();
      this.shown.delete(id);
    }
  }

  private idOf(vs: vscode.CommentThread): string | undefined {
    for (const [id, s] of this.shown) if (s.vs === vs) return id;
    return undefined;
  }

  private setMode(comment: ReviewComment, mode: vscode.CommentMode): void {
    const vs = this.shown.get(comment.threadId)?.vs;
    if (!vs) return;
    vs.comments = vs.comments.map((c) => {
      if (c !== comment) return c;
      c.mode = mode;
      return c;
    });
  }

  private author(folder: string): ReviewAuthor {
    let a = this.authors.get(folder);
    if (!a) this.authors.set(folder, (a = readGitAuthor(folder)));
    return a;
  }

  /** The notebook cell a text document (or its uri) is, in an open Modelbook notebook. */
  private cellOf(doc: vscode.TextDocument | vscode.Uri): { notebook: vscode.NotebookDocument; cell: vscode.NotebookCell } | undefined {
    const uri = (doc instanceof vscode.Uri ? doc : doc.uri).toString();
    for (const notebook of vscode.workspace.notebookDocuments) {
      if (notebook.notebookType !== NOTEBOOK_TYPE) continue;
      const cell = notebook.getCells().find((c) => c.document.uri.toString() === uri);
      if (cell) return { notebook, cell };
    }
    return undefined;
  }
}

/** A Modelbook notebook on disk inside a workspace folder: where its threads live. */
function placeOf(nb: vscode.NotebookDocument): NotebookPlace | undefined {
  if (nb.notebookType !== NOTEBOOK_TYPE || nb.uri.scheme !== 'file') return undefined;
  const folder = vscode.workspace.getWorkspaceFolder(nb.uri);
  if (!folder || folder.uri.scheme !== 'file') return undefined;
  const rel = path.relative(folder.uri.fsPath, nb.uri.fsPath);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return undefined;
  return { folder: folder.uri.fsPath, notebook: rel.split(path.sep).join('/') };
}
