/**
 * `modelbook diff BASE HEAD`: the model diff between two runs or two git revisions, as text, a
 * Markdown PR comment, JSON (schemas/model-diff.schema.json) or HTML. Wired into src/cli/main.ts
 * as `case 'diff': return runDiffCommand(argv.slice(1), io, process.cwd())`.
 */
import path from 'node:path';
import type { ModelDiff } from '../core/review/contract';
import { diffModels } from '../core/review/diffModels';
import * as renderers from '../core/review/renderers';
import { writeFileAtomic } from '../store/atomicWrite';
import { GitRevisions } from '../store/git/revisions';
import { DiffSideError, loadDiffSide, type LoadedSide } from '../store/review/loadSide';
import { renderDiffReport } from '../store/review/renderDiffReport';
import { findRunWorkspace } from '../store/runs/paths';
import { headReviews } from '../core/review/headReviews';
import { loadHeadReviews, type HeadReviewFiles } from '../store/reviews/loadHeadReviews';
import { hashModelDiff } from '../store/reviews/reviewFiles';
import { reviewMessage } from '../core/review/messages';
import { parseFlags, UsageError, type FlagSpec } from './flags';
import { workerReplicates } from '../store/review/workerReplicates';

export interface DiffIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

type Format = 'text' | 'md' | 'json' | 'html';
const FORMATS: readonly Format[] = ['text', 'md', 'json', 'html'];
const FAIL_ON: readonly ModelDiff['failOn'][] = ['regression', 'gates', 'never'];

export const DIFF_USAGE = `Usage: modelbook diff BASE HEAD [--notebook X] [--format text|md|json|html] [--out FILE] [--fail-on regression|gates|never] [--workspace DIR]
  BASE, HEAD   git revisions (main, HEAD~1, origin/main, a commit), run ids (or prefixes), or WORKTREE
  exit code    0 nothing failed the --fail-on rule, 1 it did, 2 bad arguments or unreadable input
  --fail-on    gates (default): a gate fails on head; regression: also a significantly worse metric; never`;

const DIFF_FLAGS = {
  notebook: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  'fail-on': { type: 'string' },
  workspace: { type: 'string' },
} as const satisfies Record<string, FlagSpec>;

interface DiffArgs {
  base: string;
  head: string;
  notebook?: string;
  format: Format;
  out?: string;
  failOn: ModelDiff['failOn'];
  workspace?: string;
}

function parseDiffArgs(argv: string[]): DiffArgs | 'help' {
  const { values: v, positionals, help } = parseFlags('diff', argv, DIFF_FLAGS);
  if (help) return 'help';
  if (positionals.length !== 2) throw new UsageError(reviewMessage.cliNeedsTwoSides(positionals.length));
  const format = (v.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(reviewMessage.cliBadChoice('--format', FORMATS, v.format));
  const failOn = (v['fail-on'] ?? 'gates') as ModelDiff['failOn'];
  if (!FAIL_ON.includes(failOn)) throw new UsageError(reviewMessage.cliBadChoice('--fail-on', FAIL_ON, v['fail-on']));
  return {
    base: positionals[0],
    head: positionals[1],
    format,
    failOn,
    ...(v.notebook !== undefined ? { notebook: v.notebook } : {}),
    ...(v.out !== undefined ? { out: v.out } : {}),
    ...(v.workspace !== undefined ? { workspace: v.workspace } : {}),
  };
}

/**
 * Runs `modelbook diff …` (argv without the word 'diff'). Exit code 0 when nothing failed the
 * `--fail-on` rule, 1 when it did, 2 for bad arguments or a side that cannot be read.
 *
 * @example
 * await runDiffCommand(['origin/main', 'HEAD', '--format', 'md', '--out', 'diff.md'], io, process.cwd()) // 0 or 1
 */
export async function runDiffCommand(argv: string[], io: DiffIo, cwd: string, distDir?: string): Promise<number> {
  let args: DiffArgs | 'help';
  try {
    args = parseDiffArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n${DIFF_USAGE}\n`);
    return 2;
  }
  if (args === 'help') {
    io.out(`${DIFF_USAGE}\n`);
    return 0;
  }
  const workspace = path.resolve(cwd, args.workspace ?? findRunWorkspace(cwd));
  let base: LoadedSide;
  let head: LoadedSide;
  let git: GitRevisions | undefined;
  let review: HeadReviewFiles;
  try {
    try {
      git = GitRevisions.open(workspace);
    } catch {
      git = undefined; // not a repository: run ids and WORKTREE still work
    }
    base = await loadDiffSide(workspace, args.base, git ? { git } : {});
    head = await loadDiffSide(workspace, args.head, git ? { git } : {});
    review = await readReviewFiles(workspace, head, git);
  } catch (e) {
    if (!(e instanceof DiffSideError)) throw e;
    io.err(`${e.message}\n`);
    return 2;
  } finally {
    git?.dispose();
  }
  for (const s of [base, head]) for (const p of s.problems) io.err(`warning: ${s.side.spec}: ${p.path}: ${p.reason}\n`);
  for (const p of review.problems) io.err(`warning: ${head.side.spec}: ${p.file}: skipped: ${p.reason}\n`);
  // The paired bootstraps run on every core: the CLI's bundle sits beside the worker's.
  const parallel = distDir !== undefined ? workerReplicates(distDir) : undefined;
  let diff: ModelDiff;
  try {
    diff = await diffModels(base, head, { failOn: args.failOn, ...(args.notebook !== undefined ? { notebook: args.notebook } : {}), ...(parallel ? { statistics: { parallel } } : {}) });
  } finally {
    await parallel?.close();
  }
  // The hash is of the diff alone, as the Model Diff panel hashes what a reviewer approves.
  const listed = headReviews(review.threads, review.reviews, diff.head, hashModelDiff(diff), args.notebook);
  if (listed.threads.length) diff.threads = listed.threads;
  if (listed.reviews.length) diff.reviews = listed.reviews;
  if (diff.pairs.length === 0) io.err(`warning: ${diff.verdict}\n`);
  const text =
    args.format === 'json'
      ? `${JSON.stringify(diff, null, 2)}\n`
      : args.format === 'md'
        ? renderers.renderDiffMarkdown(diff)
        : args.format === 'html'
          ? await renderDiffReport(diff)
          : renderers.renderDiffText(diff);
  if (args.out !== undefined) {
    try {
      writeFileAtomic(path.resolve(cwd, args.out), text);
    } catch (e) {
      io.err(`Cannot write ${args.out}: ${(e as Error).message}\n`);
      return 2;
    }
    io.err(`${diff.failed ? 'failed' : 'ok'}: ${diff.verdict}\n`);
  } else io.out(text);
  return diff.failed ? 1 : 0;
}

/** The head's review files; a failure to read them is a warning, never a failed diff. */
async function readReviewFiles(workspace: string, head: LoadedSide, git: GitRevisions | undefined): Promise<HeadReviewFiles> {
  try {
    return await loadHeadReviews(workspace, head.side, git);
  } catch (e) {
    return { threads: [], reviews: [], problems: [{ file: '.modelbook/reviews', reason: (e as Error).message }], from: 'worktree' };
  }
}
