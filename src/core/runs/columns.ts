import type { JsonValue } from './contract';
import { parsePath, type PathSegment } from './filter/parse';
import { checkPathRoot, readPath } from './filter/readPath';
import type { RunSummary } from './summary';
import { SUMMARY_FIELDS } from './summary';
import { runMessage } from './messages';

export type ColumnKind = 'number' | 'string' | 'boolean' | 'date' | 'json';

/** A column of the runs table: its path (also its sort key and filter field) and label. */
/** What the column helpers read of a row: an index row, or the panel's lighter `PanelRun`. */
export type ColumnSource = Pick<RunSummary, 'metrics' | 'params'>;

export interface RunColumn {
  key: string;
  label: string;
  kind: ColumnKind;
}

/** The runs table as JSON, for the experiments panel and CSV export. */
export interface RunTableView {
  columns: RunColumn[];
  rows: { id: string; status: string; parentId?: string; values: JsonValue[] }[];
}

const BASE_COLUMNS: RunColumn[] = [
  { key: 'name', label: 'name', kind: 'string' },
  { key: 'kind', label: 'kind', kind: 'string' },
  { key: 'status', label: 'status', kind: 'string' },
  { key: 'startedAt', label: 'started', kind: 'date' },
  { key: 'durationMs', label: 'duration (ms)', kind: 'number' },
  { key: 'notebook', label: 'notebook', kind: 'string' },
  { key: 'epochs', label: 'epochs', kind: 'number' },
  { key: 'tags', label: 'tags', kind: 'json' },
  { key: 'model.type', label: 'model', kind: 'string' },
  { key: 'model.parameterCount', label: 'parameters', kind: 'number' },
  { key: 'git.commit', label: 'commit', kind: 'string' },
  { key: 'id', label: 'id', kind: 'string' },
];

/**
 * A column path as text that `parsePath` reads back: `params.lr`, `params["hidden units"]`.
 *
 * @example
 * formatPath(['params', 'hidden units']) // 'params["hidden units"]'
 */
export function formatPath(segments: readonly PathSegment[]): string {
  return segments
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s) && !/^(and|or|not|has|in|true|false|null)$/i.test(s) ? (i ? `.${s}` : s) : `[${JSON.stringify(s)}]`))
    .join('');
}

/**
 * Every column the runs offer: the fixed ones, then each metric, then each parameter (nested
 * parameter objects flattened to dotted paths), in name order. For the panel's column picker.
 *
 * @example
 * collectColumns(rows).map((c) => c.key) // ['name', …, 'metrics.auc', 'metrics.loss', 'params.lr', 'params.optimizer.name']
 */
export function collectColumns(rows: readonly ColumnSource[]): RunColumn[] {
  if (!Array.isArray(rows)) throw new TypeError(runMessage.needs('collectColumns', 'an array of run summaries'));
  const metrics = new Set<string>();
  const params = new Map<string, PathSegment[]>();
  for (const r of rows) {
    for (const k in r.metrics) metrics.add(k);
    flattenParams(r.params, ['params'], params);
  }
  const metricCols = [...metrics].sort().map((m): RunColumn => ({ key: formatPath(['metrics', m]), label: m, kind: 'number' }));
  const paramCols = [...params.keys()].sort().map((k): RunColumn => ({ key: k, label: params.get(k)!.slice(1).join('.'), kind: kindOf(rows, params.get(k)!) }));
  return [...BASE_COLUMNS, ...metricCols, ...paramCols];
}

/**
 * A sensible default set: name, status, start, notebook, the (up to 4) most common metrics and
 * the parameters whose values differ between the runs (up to 6).
 *
 * @example
 * defaultColumns(rows) // ['name', 'status', 'startedAt', 'notebook', 'metrics.auc', 'params.lr']
 */
export function defaultColumns(rows: readonly ColumnSource[]): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) for (const k in r.metrics) counts.set(k, (counts.get(k) ?? 0) + 1);
  const metrics = [...counts]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 4)
    .map(([m]) => formatPath(['metrics', m]));
  const params = new Map<string, PathSegment[]>();
  for (const r of rows) flattenParams(r.params, ['params'], params);
  const varying = [...params]
    .filter(([, segs]) => new Set(rows.map((r) => JSON.stringify(readPath(r, segs)) ?? '')).size > 1)
    .map(([k]) => k)
    .sort()
    .slice(0, 6);
  return ['name', 'status', 'startedAt', 'notebook', ...metrics, ...varying];
}

/**
 * The table view model: the named columns (paths) and one row of JSON values per run.
 * Throws a FilterSyntaxError for a column that is not a valid path of a known field.
 *
 * @example
 * buildRunTable(rows, ['name', 'metrics.auc']).rows[0] // { id: '01JD…', status: 'finished', values: ['mlp', 0.91] }
 */
export function buildRunTable(rows: readonly RunSummary[], columns: readonly string[] = defaultColumns(rows)): RunTableView {
  if (!Array.isArray(rows)) throw new TypeError(runMessage.needs('buildRunTable', 'an array of run summaries'));
  const known = new Map(collectColumns(rows).map((c) => [c.key, c]));
  const paths = columns.map((c) => {
    const p = parsePath(c);
    checkPathRoot(p.segments, SUMMARY_FIELDS, 0, c);
    return p;
  });
  const cols = paths.map((p): RunColumn => known.get(p.text) ?? { key: p.text, label: p.text, kind: kindOf(rows, p.segments) });
  return {
    columns: cols,
    rows: rows.map((r) => ({ id: r.id, status: r.status, ...(r.parentId ? { parentId: r.parentId } : {}), values: paths.map((p) => toCell(readPath(r, p.segments))) })),
  };
}

function flattenParams(value: unknown, prefix: PathSegment[], out: Map<string, PathSegment[]>): void {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return;
  for (const [k, v] of Object.entries(value)) {
    const segs = [...prefix, k];
    if (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).length > 0) flattenParams(v, segs, out);
    else out.set(formatPath(segs), segs);
  }
}

function kindOf(rows: readonly unknown[], segments: PathSegment[]): ColumnKind {
  for (const r of rows) {
    const v = readPath(r, segments);
    if (v === undefined || v === null) continue;
    if (typeof v === 'number') return 'number';
    if (typeof v === 'boolean') return 'boolean';
    if (typeof v === 'string') return /^\d{4}-\d{2}-\d{2}T/.test(v) ? 'date' : 'string';
    return 'json';
  }
  return 'string';
}

function toCell(v: unknown): JsonValue {
  if (v === undefined) return null;
  if (typeof v === 'number' && !Number.isFinite(v)) return null;
  return v as JsonValue;
}
