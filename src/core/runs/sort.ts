import { FilterSyntaxError } from './filter/error';
import { parsePath, type PathSegment } from './filter/parse';
import { checkPathRoot, readPath } from './filter/readPath';
import { runMessage } from './messages';
import { SUMMARY_FIELDS } from './summary';

/** A parsed sort key: a column path and a direction. */
export interface SortKey {
  segments: PathSegment[];
  text: string;
  descending: boolean;
}

/**
 * Reads a sort key: a column path, descending with a leading `-` or a trailing ` desc`
 * (` asc` is the default). Throws a FilterSyntaxError for a malformed path or unknown field.
 *
 * @example
 * parseSortKey('-metrics.auc') // { segments: ['metrics', 'auc'], text: 'metrics.auc', descending: true }
 */
export function parseSortKey(key: string, fields: readonly string[] | null = SUMMARY_FIELDS): SortKey {
  if (typeof key !== 'string' || key.trim() === '') throw new TypeError(runMessage.sortKeyNotString);
  let text = key.trim();
  let descending = false;
  if (text.startsWith('-')) [text, descending] = [text.slice(1).trimStart(), true];
  const dir = /\s+(asc|desc)$/i.exec(text);
  if (dir) [text, descending] = [text.slice(0, dir.index), dir[1].toLowerCase() === 'desc'];
  try {
    const path = parsePath(text);
    if (fields) checkPathRoot(path.segments, fields, 0, text);
    return { segments: path.segments, text: path.text, descending };
  } catch (e) {
    if (e instanceof FilterSyntaxError) throw new FilterSyntaxError(runMessage.sortBadKey(key, e.reason), e.position, e.expression);
    throw e;
  }
}

/**
 * Rows sorted by one or more keys (the first decides, later ones break ties; equal rows keep
 * their order). Missing values come last in either direction, as in pandas' `na_position='last'`;
 * numbers sort before text, text before anything else.
 *
 * @example
 * sortRuns(rows, '-metrics.auc')
 * sortRuns(rows, ['notebook', '-startedAt'])
 */
export function sortRuns<T>(rows: readonly T[], keys: string | readonly (string | SortKey)[]): T[] {
  if (!Array.isArray(rows)) throw new TypeError(runMessage.needs('sortRuns', 'an array of runs'));
  const parsed = (typeof keys === 'string' ? [keys] : keys).map((k) => (typeof k === 'string' ? parseSortKey(k) : k));
  return _sort(rows, parsed);
}

function _sort<T>(rows: readonly T[], keys: SortKey[]): T[] {
  // Decorate once: reading paths inside the comparator would cost n log n lookups.
  const decorated = rows.map((row, i) => ({ row, i, values: keys.map((k) => readPath(row, k.segments)) }));
  decorated.sort((a, b) => {
    for (let k = 0; k < keys.length; k++) {
      const c = compareValues(a.values[k], b.values[k], keys[k].descending);
      if (c !== 0) return c;
    }
    return a.i - b.i;
  });
  return decorated.map((d) => d.row);
}

/**
 * Compares two cell values for sorting; missing values last whatever the direction.
 *
 * @example
 * [3, null, 1].sort((a, b) => compareValues(a, b, true)) // [3, 1, null]
 */
export function compareValues(a: unknown, b: unknown, descending = false): number {
  const ma = isMissing(a);
  const mb = isMissing(b);
  if (ma || mb) return ma === mb ? 0 : ma ? 1 : -1;
  const ra = rank(a);
  const rb = rank(b);
  let c: number;
  if (ra !== rb) c = ra - rb;
  else if (typeof a === 'number') c = a - (b as number);
  else if (typeof a === 'string') c = a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  else if (typeof a === 'boolean') c = Number(a) - Number(b);
  else {
    const [ja, jb] = [JSON.stringify(a), JSON.stringify(b)];
    c = ja < jb ? -1 : ja > jb ? 1 : 0;
  }
  return descending ? -c : c;
}

function isMissing(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'number' && Number.isNaN(v));
}

function rank(v: unknown): number {
  return typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : typeof v === 'boolean' ? 2 : 3;
}
