import { createRng } from '../../linalg/random';
import type { Features } from '../../models/contract';
import type { Fold } from '../contract';
import type { Model } from '../model';
import { expandGrid, sampleParams, type ParamDistributions, type ParamGrid } from './paramSpace';
import { evaluateCandidates, finishSearch, prepareSearch, rankCandidates, type SearchContext, type SearchOptions } from './searchEngine';
import type { CandidateResult, SearchResult } from './searchResult';
import { validationMessage } from '../messages';

export interface HalvingSearchOptions extends SearchOptions {
  /** All combinations of a grid as candidates… */
  paramGrid?: ParamGrid;
  /** …or nCandidates seeded draws from distributions. */
  paramDistributions?: ParamDistributions;
  /** Candidates drawn from paramDistributions. Default 20. */
  nCandidates?: number;
  /** Each round keeps 1/factor of the candidates and gives them factor × the rows. Default 3. */
  factor?: number;
  /** Rows per fold set in the first round: a number, 'smallest' (2·k·classes) or 'exhaust' (default: the last round uses as many rows as possible). */
  minResources?: number | 'smallest' | 'exhaust';
  /** Rows available to the last round. Default: all. */
  maxResources?: number;
  /** Seed of the draws and the row subsamples. Default 0. */
  seed?: number;
}

/**
 * Successive halving (scikit-learn's HalvingGridSearchCV / HalvingRandomSearchCV with the
 * number of rows as the resource): every candidate is cross-validated on a small subsample, the
 * best 1/factor go on with factor × more rows, until few remain. Same round arithmetic as
 * sklearn (min_resources, n_required/possible iterations); ranks are per round and the best
 * candidate comes from the last round.
 *
 * @example
 * const search = await halvingSearch(pipe, train, { label: 'y', paramGrid: { C: [0.001, 0.01, 0.1, 1, 10, 100] }, factor: 3 });
 */
export async function halvingSearch<M extends Model>(model: M, data: Features, options: HalvingSearchOptions): Promise<SearchResult<M>> {
  if (!options?.paramGrid === !options?.paramDistributions) throw new TypeError(validationMessage.gridOrDistributions);
  const seed = options.seed ?? 0;
  const params = options.paramGrid ? expandGrid(options.paramGrid) : sampleParams(options.paramDistributions!, options.nCandidates ?? 20, seed);
  const factor = options.factor ?? 3;
  if (!(factor > 1)) throw new RangeError(validationMessage.badFactor(factor));
  const ctx = prepareSearch('halvingSearch', model, data, options);
  const plan = planRounds(ctx, params.length, factor, options);
  let total = 0;
  for (let i = 0, n = params.length; i < plan.length; i++, n = Math.ceil(n / factor)) total += n * ctx.folds.length;
  const counts = { done: 0, total };
  let alive = params.map((p, index) => ({ index, params: p }));
  const all: CandidateResult[] = [];
  for (const [round, nResources] of plan.entries()) {
    const folds = subsampleFolds(ctx.folds, nResources / ctx.data.rows, `${seed}:${round}`);
    const results = await evaluateCandidates(ctx, alive, folds, round, nResources, counts);
    all.push(...results);
    rankCandidates(results, ctx.metrics[0], ctx.greaterIsBetter);
    const keep = Math.ceil(alive.length / factor);
    alive = [...results]
      .sort((a, b) => a.rank - b.rank || a.index - b.index)
      .slice(0, keep)
      .map((c) => ({ index: c.index, params: c.params }));
  }
  return (await finishSearch(ctx, all)) as SearchResult<M>;
}

/** Rows per round, as sklearn computes n_resources for each iteration. */
function planRounds(ctx: SearchContext, nCandidates: number, factor: number, options: HalvingSearchOptions): number[] {
  const maxResources = options.maxResources ?? ctx.data.rows;
  if (!(Number.isInteger(maxResources) && maxResources > 0 && maxResources <= ctx.data.rows))
    throw new RangeError(validationMessage.notIntegerIn('halvingSearch', 'maxResources', ctx.data.rows, maxResources));
  const classes = ctx.model.kind === 'classifier' ? new Set(Array.from(ctx.data.y as ArrayLike<unknown>)).size : 1;
  const smallest = 2 * ctx.folds.length * classes;
  const required = 1 + Math.floor(Math.log(nCandidates) / Math.log(factor) + 1e-12);
  let minResources: number;
  if (options.minResources === undefined || options.minResources === 'exhaust') minResources = Math.max(smallest, Math.floor(maxResources / factor ** (required - 1)));
  else if (options.minResources === 'smallest') minResources = smallest;
  else minResources = options.minResources;
  if (!(Number.isInteger(minResources) && minResources > 0)) throw new RangeError(validationMessage.badMinResources(options.minResources));
  if (minResources > maxResources) throw new RangeError(validationMessage.minAboveMax(minResources, maxResources));
  const possible = 1 + Math.floor(Math.log(Math.floor(maxResources / minResources)) / Math.log(factor) + 1e-12);
  const rounds = Math.min(possible, required);
  return Array.from({ length: rounds }, (_, i) => Math.min(Math.floor(factor ** i * minResources), maxResources));
}

/** Each fold's train and test rows subsampled to `fraction` (without replacement, seeded), like sklearn's _SubsampleMetaSplitter. */
function subsampleFolds(folds: Fold[], fraction: number, seed: string): Fold[] {
  if (fraction >= 1) return folds;
  const take = (idx: Int32Array, key: string) => {
    const n = Math.floor(fraction * idx.length);
    return Int32Array.from(createRng(key).shuffle(Array.from(idx)).slice(0, n)).sort();
  };
  return folds.map((f, k) => ({ train: take(f.train, `${seed}:${k}:train`), test: take(f.test, `${seed}:${k}:test`) }));
}
