import { parsePath } from './filter/parse';
import { checkPathRoot, readPath } from './filter/readPath';
import { SUMMARY_FIELDS } from './summary';
import { compareValues } from './sort';
import { runMessage } from './messages';

/** One group of runs (JSON: the panel shows a header per group). */
export interface RunGroup {
  /** The grouping value as text ('' for runs without one). */
  key: string;
  count: number;
  runIds: string[];
  /** The run with the best value of `options.metric` in the group. */
  best?: { id: string; value: number };
}

export interface GroupOptions {
  /** A column whose best value is reported per group, e.g. 'metrics.auc'. */
  metric?: string;
  /** Whether higher or lower is better for `metric`. Default 'max'. */
  best?: 'max' | 'min';
}

/**
 * Groups runs by a column (usually 'notebook' or 'name'), groups in the order their first run
 * appears (so sorted input gives sorted groups), runs in input order within a group.
 *
 * @example
 * groupRuns(rows, 'notebook', { metric: 'metrics.auc' })
 * // [{ key: 'churn.mlnb', count: 12, runIds: [...], best: { id: '01JD…', value: 0.93 } }, …]
 */
export function groupRuns(rows: readonly { id: string }[], by: string, options: GroupOptions = {}): RunGroup[] {
  if (!Array.isArray(rows)) throw new TypeError(runMessage.needs('groupRuns', 'an array of runs'));
  const path = parsePath(by);
  checkPathRoot(path.segments, SUMMARY_FIELDS, 0, by);
  const metric = options.metric ? parsePath(options.metric) : undefined;
  if (metric) checkPathRoot(metric.segments, SUMMARY_FIELDS, 0, options.metric!);
  const sign = options.best === 'min' ? -1 : 1;
  const groups = new Map<string, RunGroup>();
  for (const row of rows) {
    const v = readPath(row, path.segments);
    const key = v === undefined || v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, count: 0, runIds: [] }));
    g.count++;
    g.runIds.push(row.id);
    if (!metric) continue;
    const m = readPath(row, metric.segments);
    if (typeof m === 'number' && Number.isFinite(m) && (!g.best || compareValues(m, g.best.value) * sign > 0)) g.best = { id: row.id, value: m };
  }
  return [...groups.values()];
}
