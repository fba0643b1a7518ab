import { compileFilter } from './filter/compile';
import { sortRuns } from './sort';
import type { RunSummary } from './summary';
import { runMessage } from './messages';
import { checkInteger } from '../args/checkInteger';

export interface RunQuery {
  /** A filter expression, e.g. 'metrics.auc > 0.8 && tags has "baseline"' (see `compileFilter`). */
  filter?: string;
  /** Sort keys, e.g. '-metrics.auc' or ['notebook', '-startedAt']. Default '-startedAt' (newest first). */
  sort?: string | readonly string[];
  /** Only runs of this notebook (workspace-relative path). */
  notebook?: string;
  /** Only top-level runs (no folds or trials) with `null`, only the children of a run with its id. */
  parentId?: string | null;
  offset?: number;
  limit?: number;
}

export interface RunQueryResult<R = RunSummary> {
  rows: R[];
  /** How many runs matched before offset/limit. */
  matched: number;
  /** How many runs were searched. */
  total: number;
}

/**
 * Filters, sorts and pages index rows (or rows with fewer fields, such as the panel's `PanelRun`). Throws a FilterSyntaxError (with the position) for a
 * malformed filter or sort key.
 *
 * @example
 * queryRuns(index.rows(), { filter: 'status == "finished"', sort: '-metrics.auc', limit: 20 })
 */
export function queryRuns<R extends Pick<RunSummary, 'notebook' | 'parentId'> = RunSummary>(rows: readonly R[], query: RunQuery = {}): RunQueryResult<R> {
  if (!Array.isArray(rows)) throw new TypeError(runMessage.needs('queryRuns', 'an array of run summaries'));
  for (const k of ['offset', 'limit'] as const) {
    const v = query[k];
    if (v !== undefined) checkInteger('queryRuns', k, v, 0);
  }
  const keep = query.filter?.trim() ? compileFilter(query.filter) : undefined;
  const matched = rows.filter(
    (r) =>
      (query.notebook === undefined || r.notebook === query.notebook) &&
      (query.parentId === undefined || (query.parentId === null ? r.parentId === undefined : r.parentId === query.parentId)) &&
      (!keep || keep(r)),
  );
  const sorted = sortRuns(matched, query.sort ?? ['-startedAt', '-id']);
  const start = query.offset ?? 0;
  return { rows: query.limit === undefined ? sorted.slice(start) : sorted.slice(start, start + query.limit), matched: matched.length, total: rows.length };
}
