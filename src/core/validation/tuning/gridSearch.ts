import type { Features } from '../../models/contract';
import type { Model } from '../model';
import { expandGrid, type ParamGrid } from './paramSpace';
import { evaluateCandidates, finishSearch, prepareSearch, type SearchOptions } from './searchEngine';
import type { SearchResult } from './searchResult';
import { validationMessage } from '../messages';

export interface GridSearchOptions extends SearchOptions {
  /** Parameter → values (or several such grids). Pipeline parameters by path: 'C', 'standardScaler.withMean'. */
  paramGrid: ParamGrid;
}

/**
 * Exhaustive search over a parameter grid with cross-validation (scikit-learn's GridSearchCV):
 * every candidate is scored on every fold through the executor, ranked by the first metric, and
 * the best refitted on all the data. Progress shows live in the cell.
 *
 * @example
 * const search = await gridSearch(pipe, train, { label: 'species', paramGrid: { C: [0.01, 0.1, 1, 10] }, cv: 5, scoring: 'accuracy' });
 * search.bestParams; search.bestScore; search.table(); await search.bestEstimator!.predict(test);
 */
export async function gridSearch<M extends Model>(model: M, data: Features, options: GridSearchOptions): Promise<SearchResult<M>> {
  if (!options?.paramGrid) throw new TypeError(validationMessage.gridNeeded);
  const candidates = expandGrid(options.paramGrid).map((params, index) => ({ index, params }));
  const ctx = prepareSearch('gridSearch', model, data, options);
  const counts = { done: 0, total: candidates.length * ctx.folds.length };
  const results = await evaluateCandidates(ctx, candidates, ctx.folds, 0, ctx.data.rows, counts);
  return (await finishSearch(ctx, results)) as SearchResult<M>;
}
