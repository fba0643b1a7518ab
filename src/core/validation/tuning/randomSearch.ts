import type { Features } from '../../models/contract';
import type { Model } from '../model';
import { sampleParams, type ParamDistributions } from './paramSpace';
import { evaluateCandidates, finishSearch, prepareSearch, type SearchOptions } from './searchEngine';
import type { SearchResult } from './searchResult';
import { validationMessage } from '../messages';

export interface RandomSearchOptions extends SearchOptions {
  /** Parameter → distribution (uniform, loguniform, int, choice) or list of values. */
  paramDistributions: ParamDistributions;
  /** Number of candidates drawn. Default 10. */
  nIter?: number;
  /** Seed of the draws. Default 0. */
  seed?: number;
}

/**
 * Randomised search (scikit-learn's RandomizedSearchCV): nIter seeded draws from the
 * distributions, each cross-validated through the executor; the best is refitted on all data.
 *
 * @example
 * const search = await randomSearch(new LogisticRegression(), train, { label: 'y', paramDistributions: { C: loguniform(1e-3, 1e2) }, nIter: 20, seed: 1 });
 */
export async function randomSearch<M extends Model>(model: M, data: Features, options: RandomSearchOptions): Promise<SearchResult<M>> {
  if (!options?.paramDistributions) throw new TypeError(validationMessage.distributionsNeeded);
  const candidates = sampleParams(options.paramDistributions, options.nIter ?? 10, options.seed ?? 0).map((params, index) => ({ index, params }));
  const ctx = prepareSearch('randomSearch', model, data, options);
  const counts = { done: 0, total: candidates.length * ctx.folds.length };
  const results = await evaluateCandidates(ctx, candidates, ctx.folds, 0, ctx.data.rows, counts);
  return (await finishSearch(ctx, results)) as SearchResult<M>;
}
