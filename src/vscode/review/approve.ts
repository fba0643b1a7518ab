import * as vscode from 'vscode';
import { reviewMessage } from '../../core/review/messages';
import type { ModelDiff } from '../../core/review/contract';
import { REVIEW_RECORD_VERSION, type ReviewedSide, type ReviewRecord, type ReviewVerdict } from '../../core/review/threadContract';
import { createIdGenerator } from '../../core/runs/ulid';
import { readGitAuthor } from '../../store/reviews/gitAuthor';
import { hashModelDiff, writeReview } from '../../store/reviews/reviewFiles';

/** What the Model Diff panel (or a test) passes to the approve / request-changes commands. */
export interface ReviewArgs {
  base?: ReviewedSide;
  head?: ReviewedSide;
  /** The diff the reviewer saw; its canonical JSON's sha-256 goes into the record. */
  diff?: ModelDiff;
  body?: string;
  /** The workspace folder to write into (default: the first). */
  folder?: vscode.Uri;
}

const nextId = createIdGenerator();

/**
 * Writes a review record for `verdict` under `.modelbook/reviews/approvals/`. Base and head come
 * from the arguments, else from the diff, else from input boxes; returns the file written, or
 * undefined when the reviewer cancelled.
 */
export async function recordReview(verdict: ReviewVerdict, args: ReviewArgs = {}): Promise<string | undefined> {
  const folder = args.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder || folder.scheme !== 'file') {
    void vscode.window.showWarningMessage(reviewMessage.threadNoFolder);
    return undefined;
  }
  const base = args.base ?? sideOfDiff(args.diff, 'base') ?? (await askSide(reviewMessage.reviewBasePrompt));
  if (!base) return undefined;
  const head = args.head ?? sideOfDiff(args.diff, 'head') ?? (await askSide(reviewMessage.reviewHeadPrompt));
  if (!head) return undefined;
  let body = args.body;
  if (body === undefined && verdict === 'request-changes' && !args.base) body = await vscode.window.showInputBox({ prompt: reviewMessage.reviewBodyPrompt });
  const record: ReviewRecord = {
    version: REVIEW_RECORD_VERSION,
    id: nextId(),
    reviewer: readGitAuthor(folder.fsPath),
    verdict,
    base,
    head,
    diffHash: args.diff ? hashModelDiff(args.diff) : '',
    createdAt: new Date().toISOString(),
  };
  if (body) record.body = body;
  const file = writeReview(folder.fsPath, record);
  void vscode.window.showInformationMessage(reviewMessage.reviewWritten(verdict, vscode.workspace.asRelativePath(file)));
  return file;
}

function sideOfDiff(diff: ModelDiff | undefined, which: 'base' | 'head'): ReviewedSide | undefined {
  if (!diff) return undefined;
  const side = diff[which];
  return { ...(side.commit ? { rev: side.commit } : side.kind === 'revision' ? { rev: side.spec } : {}), runIds: side.runIds.slice() };
}

async function askSide(prompt: string): Promise<ReviewedSide | undefined> {
  const rev = await vscode.window.showInputBox({ prompt, ignoreFocusOut: true });
  if (rev === undefined) return undefined;
  return rev.trim() === '' ? { runIds: [] } : { rev: rev.trim(), runIds: [] };
}
