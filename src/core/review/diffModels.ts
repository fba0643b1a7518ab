/**
 * `diffModels`: the whole model diff between two loaded sides (the store's `loadDiffSide` reads
 * them from runs or git revisions): pairing, code, params, model, data, metrics, flips, slices,
 * fairness, gates, environment and the verdict. Pure: no files, no git.
 */
import type { DiffPair, DiffSide, ModelDiff, PredictionSet } from './contract';
import type { CardRuns } from '../card/cardRuns';
import type { RunRecord } from '../runs/contract';
import { diffPredictions, type DiffPredictionsOptions } from './diffPredictions';
import type { RecordedMetric } from './recordedDelta';
import { diffData, diffEnvironment, diffGates, diffModel, diffParams, listEnvironment } from './diffRecords';
import { diffPipeline } from './diffStructure';
import { diffCells } from './diffCode';
import { diffCard } from './diffCard';
import { diffCheckpoints } from './diffCheckpoints';
import { isFailed, verdictOf } from './verdict';
import { reviewMessage } from './messages';

/** One evaluation of a side, with its kept predictions when they could be read. */
export interface DiffEvaluation {
  record: RunRecord;
  predictions?: PredictionSet;
  /** Why predictions are missing although the record names them. */
  problem?: string;
  /** The notebook's model card runs for this evaluation (card and problem), when it has a card. */
  cardRuns?: CardRuns;
  /** The checkpoint runs of the evaluation's notebook session (lifecycle records included), when it has any. */
  checkpointRuns?: RunRecord[];
}

/** A side as `loadDiffSide` returns it (plain data). */
export interface DiffInput {
  side: DiffSide;
  evaluations: DiffEvaluation[];
  /** Workspace-relative notebook path → its text on this side. */
  notebooks: Map<string, string> | Record<string, string>;
}

export interface DiffModelsOptions {
  /** When the diff fails (default 'gates': a gate fails on head). */
  failOn?: ModelDiff['failOn'];
  /** Only evaluations (and code) of this notebook: a workspace-relative path, or its file name. */
  notebook?: string;
  /** Passed to `diffPredictions` (resamples, seed, confidence…). */
  statistics?: Omit<DiffPredictionsOptions, 'recorded'>;
}

const FAIL_ON: readonly ModelDiff['failOn'][] = ['regression', 'gates', 'never'];

/**
 * The model diff of head against base. Evaluations pair by notebook and cell id, then by run name
 * (the latest finished evaluation of each wins); two run sides pair their one run each. What stays
 * unpaired is listed with the reason. Per pair: parameters, model, data, gates and environment from
 * the records; metrics, flips, slices and fairness from the kept predictions (`diffPredictions`,
 * paired bootstrap), or from the recorded intervals when a side kept none. Code: per notebook,
 * cells added, removed or changed by id with a unified source diff.
 *
 * @example
 * const diff = await diffModels(await loadDiffSide(ws, 'main'), await loadDiffSide(ws, 'HEAD'), { failOn: 'regression' });
 * diff.verdict // 'head is significantly worse on auc (−0.031 [−0.045, −0.018]) and flips 214 correct predictions; gates: 1 newly failing'
 * diff.failed  // true
 */
export async function diffModels(base: DiffInput, head: DiffInput, options: DiffModelsOptions = {}): Promise<ModelDiff> {
  const failOn = options.failOn ?? 'gates';
  if (!FAIL_ON.includes(failOn)) throw new Error(reviewMessage.cliBadChoice('diffModels: failOn', FAIL_ON, failOn));
  for (const [name, s] of [
    ['base', base],
    ['head', head],
  ] as const)
    if (!s || !s.side || !Array.isArray(s.evaluations)) throw new Error(reviewMessage.notASide('diffModels', name));
  return _diffModels(base, head, { ...options, failOn });
}

/** The work of `diffModels`, on checked arguments. */
export async function _diffModels(base: DiffInput, head: DiffInput, options: DiffModelsOptions & { failOn: ModelDiff['failOn'] }): Promise<ModelDiff> {
  const keep = (e: DiffEvaluation) => options.notebook === undefined || notebookMatches(e.record.notebook, options.notebook);
  const bothRuns = base.side.kind === 'run' && head.side.kind === 'run';
  const eb = bothRuns ? base.evaluations : latest(base.evaluations.filter(keep));
  const eh = bothRuns ? head.evaluations : latest(head.evaluations.filter(keep));
  const { pairs: matched, unpaired } = _pairEvaluations(eb, eh, bothRuns);
  const pairs: DiffPair[] = [];
  for (const [b, h] of matched) pairs.push(await diffPair(b, h, options.statistics));
  const code = diffNotebooks(toMap(base.notebooks), toMap(head.notebooks), options.notebook);
  return {
    schemaVersion: 1,
    base: { ...base.side, runIds: pairs.map((p) => p.base.runId) },
    head: { ...head.side, runIds: pairs.map((p) => p.head.runId) },
    code,
    pairs,
    unpaired,
    verdict: verdictOf(pairs),
    failed: isFailed(pairs, options.failOn),
    failOn: options.failOn,
  };
}

function toMap(m: Map<string, string> | Record<string, string>): Map<string, string> {
  return m instanceof Map ? m : new Map(Object.entries(m ?? {}));
}

/** Whether `notebook` is the one `--notebook` names: the same workspace-relative path, or ending with it after a '/'. */
export function notebookMatches(notebook: string | undefined, wanted: string): boolean {
  if (notebook === undefined) return false;
  const w = wanted.replace(/^\.\//, '');
  return notebook === w || notebook.endsWith(`/${w}`);
}

/** The latest finished evaluation per notebook, cell and name (later start wins, then the greater id). */
function latest(evaluations: DiffEvaluation[]): DiffEvaluation[] {
  const best = new Map<string, DiffEvaluation>();
  for (const e of evaluations) {
    const r = e.record;
    if (r.kind !== 'evaluation' || r.status !== 'finished') continue;
    const key = `${r.notebook ?? ''}\u0000${r.cellId ?? ''}\u0000${r.name}`;
    const cur = best.get(key)?.record;
    if (!cur || r.startedAt > cur.startedAt || (r.startedAt === cur.startedAt && r.id > cur.id)) best.set(key, e);
  }
  return [...best.values()];
}

/**
 * Pairs base and head evaluations: first by notebook and cell id (the same name preferred when a
 * cell made several), then the rest by run name (the same notebook preferred). Two run sides pair
 * their runs directly. Each unpaired evaluation gets the reason.
 *
 * @example
 * _pairEvaluations(base.evaluations, head.evaluations, false).unpaired
 * // [{ side: 'head', name: 'evaluate mlp', reason: 'no base evaluation from cell eval2 of churn.mlnb or named "evaluate mlp"', … }]
 */
export function _pairEvaluations(base: DiffEvaluation[], head: DiffEvaluation[], direct = false): { pairs: [DiffEvaluation, DiffEvaluation][]; unpaired: ModelDiff['unpaired'] } {
  const pairs: [DiffEvaluation, DiffEvaluation][] = [];
  const freeB = new Set(base);
  const freeH = new Set(head);
  const take = (b: DiffEvaluation, h: DiffEvaluation) => {
    pairs.push([b, h]);
    freeB.delete(b);
    freeH.delete(h);
  };
  const newest = (xs: DiffEvaluation[]) => xs.sort((x, y) => (x.record.startedAt < y.record.startedAt ? 1 : x.record.startedAt > y.record.startedAt ? -1 : 0))[0];
  if (direct) {
    for (let i = 0; i < Math.min(base.length, head.length); i++) take(base[i], head[i]);
  } else {
    for (const h of head) {
      const r = h.record;
      if (r.notebook === undefined || r.cellId === undefined) continue;
      const same = [...freeB].filter((b) => b.record.notebook === r.notebook && b.record.cellId === r.cellId);
      const b = newest(same.filter((x) => x.record.name === r.name)) ?? newest(same);
      if (b) take(b, h);
    }
    for (const h of [...freeH]) {
      const r = h.record;
      const same = [...freeB].filter((b) => b.record.name === r.name);
      const b = newest(same.filter((x) => x.record.notebook === r.notebook)) ?? newest(same);
      if (b) take(b, h);
    }
  }
  const where = (r: RunRecord) => [r.cellId !== undefined ? `cell ${r.cellId}` : '', r.notebook !== undefined ? `of ${r.notebook}` : ''].filter(Boolean).join(' ');
  const reason = (other: 'base' | 'head', r: RunRecord) =>
    direct ? `only one run on each side is compared` : `no ${other} evaluation${where(r) ? ` from ${where(r)} or` : ''} named ${JSON.stringify(r.name)}`;
  const unpaired: ModelDiff['unpaired'] = [];
  for (const [side, free, other] of [
    ['base', freeB, 'head'],
    ['head', freeH, 'base'],
  ] as const)
    for (const { record: r } of free)
      unpaired.push({
        side,
        runId: r.id,
        ...(r.notebook !== undefined ? { notebook: r.notebook } : {}),
        ...(r.cellId !== undefined ? { cellId: r.cellId } : {}),
        name: r.name,
        reason: reason(other, r),
      });
  return { pairs, unpaired };
}

function recordedOf(r: RunRecord): Record<string, RecordedMetric> {
  const out: Record<string, RecordedMetric> = {};
  for (const [name, value] of Object.entries(r.metrics ?? {})) out[name] = { value, ...(r.intervals?.[name] ? { interval: r.intervals[name] } : {}) };
  return out;
}

const recordRef = (r: RunRecord) => ({ runId: r.id, record: { startedAt: r.startedAt, ...(r.codeHash !== undefined ? { codeHash: r.codeHash } : {}), ...(r.git ? { git: r.git } : {}) } });

async function diffPair(b: DiffEvaluation, h: DiffEvaluation, statistics: DiffModelsOptions['statistics']): Promise<DiffPair> {
  const rb = b.record;
  const rh = h.record;
  const notes: string[] = [];
  for (const [side, e] of [
    ['base', b],
    ['head', h],
  ] as const)
    if (e.problem) notes.push(`${side} predictions could not be read: ${e.problem}`);
  let stats;
  try {
    stats = await diffPredictions(b.predictions, h.predictions, { ...statistics, recorded: { base: recordedOf(rb), head: recordedOf(rh) } });
  } catch (e) {
    // e.g. base is a binary task and head a regression: compare what the records say.
    notes.push((e as Error).message);
    stats = await diffPredictions(undefined, undefined, { ...statistics, recorded: { base: recordedOf(rb), head: recordedOf(rh) } });
  }
  notes.push(...stats.notes);
  const pair: DiffPair = {
    ...(rh.notebook !== undefined ? { notebook: rh.notebook } : {}),
    ...(rh.cellId !== undefined ? { cellId: rh.cellId } : {}),
    name: rh.name,
    base: recordRef(rb),
    head: recordRef(rh),
    params: diffParams(rb, rh),
    metrics: stats.metrics,
    ...(stats.flips ? { flips: stats.flips } : {}),
    ...(stats.curves ? { curves: stats.curves } : {}),
    slices: stats.slices,
    fairness: stats.fairness,
    model: diffModel(rb.model, rh.model),
    data: diffData(rb.data ?? [], rh.data ?? []),
    gates: diffGates(rb.gates ?? [], rh.gates ?? []),
    environment: diffEnvironment(rb.environment, rh.environment),
    environmentAll: listEnvironment(rb.environment, rh.environment),
    ...((steps) => (steps ? { pipeline: steps } : {}))(diffPipeline(rb.pipeline, rh.pipeline)),
    notes,
    verdict: '',
  };
  const card = diffCard(b, h);
  if (card) pair.card = card;
  const checkpoints = diffCheckpoints(b, h);
  if (checkpoints) pair.checkpoints = checkpoints;
  pair.verdict = verdictOf([pair], false);
  return pair;
}

function diffNotebooks(base: Map<string, string>, head: Map<string, string>, only: string | undefined): ModelDiff['code'] {
  const out: ModelDiff['code'] = [];
  for (const nb of [...new Set([...base.keys(), ...head.keys()])].sort()) {
    if (only !== undefined && !notebookMatches(nb, only)) continue;
    let cells;
    try {
      cells = diffCells(base.get(nb), head.get(nb), nb);
    } catch {
      continue; // a notebook that does not parse on one side: its code is not compared
    }
    if (cells.length) out.push({ notebook: nb, cells });
  }
  return out;
}
