/**
 * What one side of a model diff reads: the evaluations to pair, their kept predictions and the
 * notebooks that made them. A revision side reads a commit through git (never the work tree); a
 * run side, and the special side `WORKTREE`, read the working `.modelbook/runs/`.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DiffSide, PredictionSet } from '../../core/review/contract';
import type { RunProblem, RunRecord } from '../../core/runs/contract';
import { decodePredictions } from '../../core/review/decodePredictions';
import { parseRunRecord } from '../../core/runs/validate';
import { readRegularFile } from '../readRegularFile';
import { GitRevisions, MAX_BLOB_BYTES, type TreeEntry } from '../git/revisions';
import { PREDICTIONS_EXT, RUNS_DIR, runsFolder } from '../runs/paths';
import { RUN_FILE_MAX_BYTES } from '../runs/readRun';
import { pickLatestEvaluations } from './pickEvaluations';
import { pickCardRuns, type CardRuns } from '../../core/card/cardRuns';
import { pickCheckpointRuns } from '../../core/lifecycle/sessionCheckpoints';
import { diffSideMessage } from './messages';

/** The side name that reads the working `.modelbook/runs/` (uncommitted runs) like a revision. */
export const WORKTREE = 'WORKTREE';
const RUN_ID_PREFIX = /^[0-9A-HJKMNP-TV-Z]{1,26}$/;
const NOTEBOOK_MAX_BYTES = 64 * 2 ** 20;

/** An evaluation of one side, with its kept predictions when it has readable ones. */
export interface SideEvaluation {
  record: RunRecord;
  predictions?: PredictionSet;
  /** Why predictions are missing although the record names them. */
  problem?: string;
  /** The model card's prose runs for this evaluation on this side, when the notebook recorded them. */
  cardRuns?: CardRuns;
  /** The checkpoint runs of the evaluation's notebook session on this side, when it has any. */
  checkpointRuns?: RunRecord[];
}

export interface LoadedSide {
  side: DiffSide;
  evaluations: SideEvaluation[];
  /** Workspace-relative notebook path → its text on this side (the notebooks of `evaluations`). */
  notebooks: Map<string, string>;
  /** Run files that could not be read. */
  problems: RunProblem[];
}

/** Thrown for a side that cannot be loaded: an unknown or ambiguous run id, a refused or unknown revision. */
export class DiffSideError extends Error {
  override name = 'DiffSideError';
}

export interface LoadSideOptions {
  /** A reader to reuse across both sides (the caller disposes it); default: one opened and disposed here. */
  git?: GitRevisions;
}

/**
 * Loads one side of a model diff. `spec` is `run:<id or prefix>`, `rev:<revision>`, `WORKTREE`,
 * or bare: a run id prefix when it matches runs in `.modelbook/runs/` (an ambiguous prefix is an
 * error listing the candidates), else a git revision (`main`, `HEAD~1`, `origin/main`, a commit).
 * A revision side reads only what the diff pairs: the record files at that commit in one
 * `git cat-file --batch`, then the predictions and notebooks of the latest finished evaluation
 * per notebook, cell and name.
 *
 * @example
 * const base = await loadDiffSide('/work/churn', 'main');
 * const head = await loadDiffSide('/work/churn', 'WORKTREE');
 * base.evaluations[0].predictions?.rowIds.length // 200000
 */
export async function loadDiffSide(workspaceDir: string, spec: string, options: LoadSideOptions = {}): Promise<LoadedSide> {
  if (typeof spec !== 'string' || spec.trim() === '') throw new DiffSideError(diffSideMessage.badSide);
  const ws = path.resolve(workspaceDir);
  if (spec === WORKTREE) return loadWorktree(ws, spec);
  if (spec.startsWith('run:')) return loadRun(ws, spec, spec.slice(4));
  if (spec.startsWith('rev:')) return loadRevision(ws, spec, spec.slice(4), options.git);
  if (RUN_ID_PREFIX.test(spec) && runIdsWithPrefix(ws, spec).length > 0) return loadRun(ws, spec, spec);
  return loadRevision(ws, spec, spec, options.git);
}

function runIdsWithPrefix(ws: string, prefix: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(runsFolder(ws));
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.json') && n.startsWith(prefix)).map((n) => n.slice(0, -5));
}

function loadRun(ws: string, spec: string, prefix: string): LoadedSide {
  if (!RUN_ID_PREFIX.test(prefix)) throw new DiffSideError(diffSideMessage.notRunId(JSON.stringify(prefix)));
  const ids = runIdsWithPrefix(ws, prefix);
  if (ids.length === 0) throw new DiffSideError(diffSideMessage.noRun(prefix, path.join(ws, RUNS_DIR)));
  if (ids.length > 1) throw new DiffSideError(diffSideMessage.ambiguousPrefix(prefix, ids));
  const file = path.join(runsFolder(ws), `${ids[0]}.json`);
  const parsed = readWorkingText(file, RUN_FILE_MAX_BYTES);
  const run = parsed === undefined ? undefined : parseRunRecord(parsed, path.basename(file));
  if (!run?.ok) throw new DiffSideError(diffSideMessage.unreadableRun(ids[0], run ? run.reason : 'the file is missing or not a regular file'));
  const evaluations = withCardRuns([withWorkingPredictions(ws, run.record)], documentRuns(ws, run.record));
  return { side: { spec, kind: 'run', runIds: [run.record.id] }, evaluations, notebooks: workingNotebooks(ws, [run.record]), problems: [] };
}

/** A `kind: "card"`, `"problem"` or `"checkpoint"` record, before it is parsed (a cheap test: parsing decides). */
const DOCUMENT_KIND = /"kind"\s*:\s*"(?:card|problem|checkpoint)"/;

/**
 * The working tree's card, problem and checkpoint runs of the run's notebook, for a `run:` side's card (what
 * the work tree and revision sides get from the records they read anyway). Unreadable files are
 * skipped: the card is then compared without them, as when a notebook has none.
 */
function documentRuns(ws: string, run: RunRecord): RunRecord[] {
  if (run.kind !== 'evaluation' || run.notebook === undefined) return [];
  let names: string[];
  try {
    names = fs.readdirSync(runsFolder(ws)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return [];
  }
  const out: RunRecord[] = [];
  for (const name of names) {
    const text = readWorkingText(path.join(runsFolder(ws), name), RUN_FILE_MAX_BYTES);
    if (text === undefined || !DOCUMENT_KIND.test(text)) continue;
    const parsed = parseRunRecord(text, name);
    if (parsed.ok && parsed.record.notebook === run.notebook) out.push(parsed.record);
  }
  return out;
}

function loadWorktree(ws: string, spec: string): LoadedSide {
  const problems: RunProblem[] = [];
  const records: RunRecord[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync(runsFolder(ws)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    // no runs yet: an empty side
  }
  for (const name of names) {
    const text = readWorkingText(path.join(runsFolder(ws), name), RUN_FILE_MAX_BYTES);
    const parsed = text === undefined ? undefined : parseRunRecord(text, name);
    if (parsed?.ok) records.push(parsed.record);
    else problems.push({ path: `${RUNS_DIR}/${name}`, reason: parsed ? parsed.reason : 'not a readable regular file' });
  }
  const picked = pickLatestEvaluations(records);
  const evaluations = withCardRuns(
    picked.map((r) => withWorkingPredictions(ws, r)),
    records,
  );
  return { side: { spec, kind: 'revision', runIds: picked.map((r) => r.id) }, evaluations, notebooks: workingNotebooks(ws, picked), problems };
}

/** Each evaluation with its notebook's card runs (when it has a card) and its session's checkpoint runs (when any) on the same side. */
function withCardRuns(evaluations: SideEvaluation[], records: RunRecord[]): SideEvaluation[] {
  return evaluations.map((e) => {
    const cardRuns = pickCardRuns(e.record, records);
    const checkpointRuns = pickCheckpointRuns(e.record, records);
    return { ...e, ...(cardRuns ? { cardRuns } : {}), ...(checkpointRuns ? { checkpointRuns } : {}) };
  });
}

function withWorkingPredictions(ws: string, record: RunRecord): SideEvaluation {
  if (!record.predictions) return { record };
  const file = path.join(runsFolder(ws), `${record.id}${PREDICTIONS_EXT}`);
  let bytes: Buffer;
  try {
    bytes = readRegularFile(file, { maxBytes: MAX_BLOB_BYTES }).bytes;
  } catch (e) {
    return { record, problem: (e as Error).message };
  }
  return decoded(record, bytes, `${RUNS_DIR}/${record.id}${PREDICTIONS_EXT}`);
}

function decoded(record: RunRecord, bytes: Uint8Array, source: string): SideEvaluation {
  try {
    return { record, predictions: decodePredictions(bytes, source) };
  } catch (e) {
    return { record, problem: (e as Error).message };
  }
}

function workingNotebooks(ws: string, records: RunRecord[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const nb of notebookPaths(records)) {
    const text = readWorkingText(path.join(ws, ...nb.split('/')), NOTEBOOK_MAX_BYTES);
    if (text !== undefined) out.set(nb, text);
  }
  return out;
}

/** The notebooks records name, when each is a plain workspace-relative path. */
function notebookPaths(records: RunRecord[]): string[] {
  const paths = new Set<string>();
  for (const r of records)
    if (r.notebook && !r.notebook.startsWith('/') && !/[\0\n\r\\]/.test(r.notebook) && r.notebook.split('/').every((s) => s !== '' && s !== '.' && s !== '..')) paths.add(r.notebook);
  return [...paths];
}

function readWorkingText(file: string, maxBytes: number): string | undefined {
  try {
    return readRegularFile(file, { maxBytes }).bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

async function loadRevision(ws: string, spec: string, rev: string, shared: GitRevisions | undefined): Promise<LoadedSide> {
  let git: GitRevisions;
  try {
    git = shared ?? GitRevisions.open(ws);
  } catch (e) {
    throw new DiffSideError((e as Error).message);
  }
  try {
    return await readRevision(git, ws, spec, rev);
  } catch (e) {
    throw e instanceof DiffSideError ? e : new DiffSideError((e as Error).message);
  } finally {
    if (!shared) git.dispose();
  }
}

async function readRevision(git: GitRevisions, ws: string, spec: string, rev: string): Promise<LoadedSide> {
  const commit = await git.resolve(rev);
  const rel = path.relative(git.repo.workTree, ws).split(path.sep).join('/');
  const prefix = rel === '' ? '' : `${rel}/`;
  const entries = (await git.listTree(commit, `${prefix}${RUNS_DIR}`)).filter((e) => e.type === 'blob');
  const byName = new Map<string, TreeEntry>(entries.map((e) => [e.path.slice(e.path.lastIndexOf('/') + 1), e]));
  const problems: RunProblem[] = [];
  const recordEntries = entries.filter((e) => e.path.endsWith('.json'));
  for (const e of recordEntries) if ((e.size ?? 0) > RUN_FILE_MAX_BYTES) problems.push({ path: e.path, reason: `larger than ${RUN_FILE_MAX_BYTES} bytes` });
  const blobs = await git.readBlobs(
    recordEntries.map((e) => e.oid),
    RUN_FILE_MAX_BYTES,
  );
  const records: RunRecord[] = [];
  for (const e of recordEntries) {
    const bytes = blobs.get(e.oid);
    if (!bytes) continue;
    const parsed = parseRunRecord(bytes.toString('utf8'), e.path.slice(e.path.lastIndexOf('/') + 1));
    if (parsed.ok) records.push(parsed.record);
    else problems.push({ path: e.path, reason: parsed.reason });
  }
  const picked = pickLatestEvaluations(records);
  // Predictions by the entry named after the run, never by a path a record names.
  const wanted = picked.map((r) => (r.predictions ? byName.get(`${r.id}${PREDICTIONS_EXT}`) : undefined));
  const predictionBlobs = await git.readBlobs(wanted.filter((e): e is TreeEntry => e !== undefined).map((e) => e.oid));
  const evaluations = picked.map((record, i): SideEvaluation => {
    if (!record.predictions) return { record };
    const entry = wanted[i];
    const bytes = entry && predictionBlobs.get(entry.oid);
    if (!bytes) return { record, problem: `${RUNS_DIR}/${record.id}${PREDICTIONS_EXT} is not in commit ${commit.slice(0, 12)} (or is larger than ${MAX_BLOB_BYTES} bytes)` };
    return decoded(record, bytes, `${commit.slice(0, 12)}:${entry!.path}`);
  });
  const notebooks = new Map<string, string>();
  const texts = await git.readFiles(
    commit,
    notebookPaths(picked).map((nb) => `${prefix}${nb}`),
    NOTEBOOK_MAX_BYTES,
  );
  for (const [file, text] of texts) notebooks.set(file.slice(prefix.length), text.toString('utf8'));
  return { side: { spec, kind: 'revision', commit, runIds: picked.map((r) => r.id) }, evaluations: withCardRuns(evaluations, records), notebooks, problems };
}
