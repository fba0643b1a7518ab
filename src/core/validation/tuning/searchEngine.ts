import { kernelService } from '../../kernel/service';
import type { EstimatorSpec, Features, Target } from '../../models/contract';
import { specWithParams } from '../../models/registry';
import type { CvOption, Fold } from '../contract';
import { prepareCvData, resolveFolds, type CvData } from '../cvData';
import { modelFromSpec, type Model } from '../model';
import { defaultScoring, getScorer } from '../scoring';
import { SequentialExecutor } from './sequentialExecutor';
import { ParallelExecutor } from './parallelExecutor';
import { createSearchProgress, type SearchProgress } from './searchProgress';
import { SearchResult, type CandidateResult } from './searchResult';
import type { Trial, TrialDataset, TrialExecutor, TrialResult } from './trial';
import { toTrialDataset } from './trialDataset';
import { validationMessage } from '../messages';

/** Options every search takes. */
export interface SearchOptions {
  /** The label column's name in `data` (a table), or the target values. */
  label: string | Target;
  /** Folds: a number k (StratifiedKFold for classifiers, KFold otherwise), a splitter, or folds. Default 5. */
  cv?: CvOption;
  /** Metric name(s); candidates are ranked by the first. Default accuracy / r2. */
  scoring?: string | readonly string[];
  /** Group per row for GroupKFold: a column name or the values. */
  groups?: string | ArrayLike<unknown>;
  /** Refit the best parameters on all the data (bestEstimator). Default true. */
  refit?: boolean;
  returnTrainScore?: boolean;
  /** Runs the trials. Default: a SequentialExecutor in this process. */
  executor?: TrialExecutor;
  /** Stops the search (default: the running cell's interrupt signal). */
  signal?: AbortSignal;
  /** Show live progress in the cell output. Default true (no-op outside a kernel). */
  progress?: boolean;
}

/** What a search has prepared: data, folds, metrics, executor. */
export interface SearchContext {
  search: string;
  model: Model;
  spec: EstimatorSpec;
  data: CvData;
  dataset: TrialDataset;
  folds: Fold[];
  metrics: string[];
  greaterIsBetter: boolean;
  executor: TrialExecutor;
  signal: AbortSignal | undefined;
  progress: SearchProgress;
  options: SearchOptions;
  started: number;
}

/**
 * Checks the arguments common to all searches and prepares the data, folds and executor.
 *
 * @example
 * const ctx = prepareSearch('gridSearch', model, data, { label: 'y' });
 */
export function prepareSearch(search: string, model: Model, data: Features, options: SearchOptions): SearchContext {
  if (typeof (model as { spec?: unknown })?.spec !== 'function') throw new TypeError(validationMessage.badModel(search, 'with spec(), so trials can rebuild it'));
  if (typeof options !== 'object' || options === null || options.label === undefined) throw new TypeError(validationMessage.needsLabel(search));
  const d = prepareCvData(data, options.label, options.groups, search);
  const metrics = typeof options.scoring === 'string' ? [options.scoring] : options.scoring?.length ? [...options.scoring] : [defaultScoring(model.kind)];
  const greaterIsBetter = getScorer(metrics[0]).greaterIsBetter;
  metrics.forEach(getScorer);
  return {
    search,
    model,
    spec: model.spec(),
    data: d,
    dataset: toTrialDataset(d.x, d.y),
    folds: resolveFolds(options.cv ?? 5, model.kind, d, search),
    metrics,
    greaterIsBetter,
    // In a kernel, trials run in parallel sandboxed processes (one per core); elsewhere, in turn.
    executor: options.executor ?? defaultExecutor(),
    signal: options.signal ?? kernelService()?.signal,
    progress: createSearchProgress(search, metrics[0], options.progress ?? true),
    options,
    started: Date.now(),
  };
}

/**
 * Scores candidates on the given folds through the executor: one trial per candidate and fold.
 * `done`/`total` count trials across the whole search, for progress.
 *
 * @example
 * await evaluateCandidates(ctx, [{ index: 0, params: { C: 1 } }], ctx.folds, 0, ctx.data.rows, { done: 0, total: 5 })
 */
export async function evaluateCandidates(
  ctx: SearchContext,
  candidates: { index: number; params: Record<string, unknown> }[],
  folds: Fold[],
  round: number,
  nResources: number,
  counts: { done: number; total: number },
): Promise<CandidateResult[]> {
  const trials: Trial[] = candidates.flatMap((c) =>
    folds.map((f, k) => ({
      id: `r${round}-c${c.index}-f${k}`,
      candidate: c.index,
      fold: k,
      round,
      spec: specWithParams(ctx.spec, c.params),
      params: c.params,
      train: f.train,
      test: f.test,
      dataId: ctx.dataset.id,
      scoring: ctx.metrics,
      returnTrainScore: ctx.options.returnTrainScore ?? false,
    })),
  );
  let best: { score: number; params: Record<string, unknown> } | undefined;
  const byCandidate = new Map<number, TrialResult[]>();
  const onResult = (r: TrialResult) => {
    counts.done++;
    const list = byCandidate.get(r.candidate) ?? [];
    list.push(r);
    byCandidate.set(r.candidate, list);
    if (list.length === folds.length) {
      const score = list.reduce((s, x) => s + x.test[ctx.metrics[0]], 0) / list.length;
      if (Number.isFinite(score) && (!best || (ctx.greaterIsBetter ? score > best.score : score < best.score))) best = { score, params: candidates.find((c) => c.index === r.candidate)!.params };
    }
    ctx.progress.update(counts.done, counts.total, best, round > 0 || nResources < ctx.data.rows ? `round ${round}, ${nResources} rows` : undefined);
  };
  const results = await ctx.executor.run(trials, ctx.dataset, { signal: ctx.signal, onResult });
  if (results.length && results.every((r) => r.error)) throw new Error(validationMessage.allTrialsFailed(ctx.search, results[0].error));
  return candidates.map((c) =>
    summarize(
      c,
      round,
      nResources,
      results.filter((r) => r.candidate === c.index && r.round === round).sort((a, b) => a.fold - b.fold),
      ctx,
    ),
  );
}

function summarize(c: { index: number; params: Record<string, unknown> }, round: number, nResources: number, rs: TrialResult[], ctx: SearchContext): CandidateResult {
  const scores: Record<string, number[]> = {};
  const mean: Record<string, number> = {};
  const std: Record<string, number> = {};
  const trainScores: Record<string, number[]> | undefined = ctx.options.returnTrainScore ? {} : undefined;
  for (const m of ctx.metrics) {
    const v = rs.map((r) => r.test[m]);
    scores[m] = v;
    mean[m] = v.reduce((s, x) => s + x, 0) / v.length;
    std[m] = Math.sqrt(v.reduce((s, x) => s + (x - mean[m]) ** 2, 0) / v.length);
    if (trainScores) trainScores[m] = rs.map((r) => r.train?.[m] ?? NaN);
  }
  const errors = rs.filter((r) => r.error).map((r) => `fold ${r.fold}: ${r.error}`);
  return {
    index: c.index,
    params: c.params,
    round,
    nResources,
    scores,
    mean,
    std,
    ...(trainScores ? { trainScores } : {}),
    meanFitMs: rs.reduce((s, r) => s + r.fitMs, 0) / rs.length,
    rank: 0,
    errors,
  };
}

/**
 * Ranks candidates by the search metric (per round; NaN last; ties share the lowest rank, as sklearn).
 *
 * @example
 * rankCandidates(candidates, 'accuracy', true) // sets candidate.rank
 */
export function rankCandidates(candidates: CandidateResult[], metric: string, greaterIsBetter: boolean): void {
  const rounds = new Set(candidates.map((c) => c.round));
  for (const round of rounds) {
    const inRound = candidates.filter((c) => c.round === round);
    const key = (c: CandidateResult) => (Number.isNaN(c.mean[metric]) ? Infinity : greaterIsBetter ? -c.mean[metric] : c.mean[metric]);
    for (const c of inRound) c.rank = 1 + inRound.filter((o) => key(o) < key(c)).length;
  }
}

/**
 * Ranks, picks the best of the last round, refits it on all the data, and builds the result.
 *
 * @example
 * return finishSearch(ctx, candidates);
 */
export async function finishSearch(ctx: SearchContext, candidates: CandidateResult[]): Promise<SearchResult> {
  rankCandidates(candidates, ctx.metrics[0], ctx.greaterIsBetter);
  const lastRound = Math.max(...candidates.map((c) => c.round));
  const pool = candidates.map((c, i) => ({ c, i })).filter(({ c }) => c.round === lastRound);
  const best = pool.reduce((a, b) => (b.c.rank < a.c.rank ? b : a));
  let bestEstimator: Model | undefined;
  if (ctx.options.refit ?? true) {
    bestEstimator = modelFromSpec(specWithParams(ctx.spec, best.c.params));
    await bestEstimator.fit(ctx.data.x, ctx.data.y, { signal: ctx.signal });
  }
  return new SearchResult(ctx.search, ctx.metrics[0], ctx.metrics, ctx.greaterIsBetter, candidates, best.i, bestEstimator, Date.now() - ctx.started);
}

function defaultExecutor(): TrialExecutor {
  const transport = kernelService()?.trialTransport;
  return transport ? new ParallelExecutor(transport) : new SequentialExecutor();
}
