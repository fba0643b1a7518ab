import type { ColumnTable } from 'arquero';
import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { collectColumn } from './columns';
import { dataMessage } from './messages';
import { renderProfileHtml, renderProfileText } from './profiling/render';
import type { ColumnProfile, DataProfileData, Histogram, ProfileOptions } from './profiling/contract';
import { countValues, quantileSorted, summarizeNumbers } from './stats';

/** The quantiles every numeric profile names (pandas' `describe()` uses 0.25, 0.5 and 0.75). */
export const PROFILE_QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99] as const;

/**
 * A data profile: per-column statistics, small and versioned JSON, the reference for drift checks.
 *
 * @example
 * const p = profile(train);
 * p.column('bill_length_mm')?.histogram; await fs.promises.writeFile('train.profile.json', JSON.stringify(p));
 */
export class DataProfile implements Displayable, DataProfileData {
  readonly kind = 'modelbook.profile';
  readonly version = 1;
  readonly rows: number;
  readonly columns: ColumnProfile[];

  constructor(data: Pick<DataProfileData, 'rows' | 'columns'>) {
    this.rows = data.rows;
    this.columns = data.columns;
  }

  /** The profile of one column. */
  column(name: string): ColumnProfile | undefined {
    return this.columns.find((c) => c.name === name);
  }

  toJSON(): DataProfileData {
    return JSON.parse(JSON.stringify({ kind: this.kind, version: this.version, rows: this.rows, columns: this.columns }, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v)));
  }

  [MIME_BUNDLE](): MimeBundle {
    const data = this.toJSON();
    return { 'text/html': renderProfileHtml(data), 'text/plain': renderProfileText(data) };
  }
}

/**
 * Profiles every column: for numbers count, missing, mean, sd, min, quantiles (1, 5, 25, 50, 75,
 * 95, 99 %), max, the 101 percentiles (for KS tests) and a histogram with fixed edges (for PSI);
 * for text and booleans the most frequent categories with counts plus the count of all others
 * (for chi²); for dates the range and a histogram. Defaults: 20 bins, 50 categories.
 *
 * @example
 * const reference = profile(train);
 * reference.column('age') // { type: 'number', mean: 41.2, quantiles: { '0.5': 40, … }, histogram: { edges: [...], counts: [...] }, … }
 * JSON.stringify(reference) // store it with the run; compare new data against it later
 */
export function profile(table: ColumnTable, options: ProfileOptions = {}): DataProfile {
  const fn = 'profile';
  if (typeof table !== 'object' || table === null || typeof (table as ColumnTable).numRows !== 'function') throw new TypeError(dataMessage.notTable(fn));
  if (typeof options !== 'object' || options === null) throw new TypeError(dataMessage.badInput(fn, 'an options object, e.g. { bins: 20 }'));
  const { bins = 20, maxCategories = 50, columns } = options;
  if (!(Number.isInteger(bins) && bins >= 1 && bins <= 1000)) throw new TypeError(dataMessage.badOption(fn, 'bins', 'a whole number from 1 to 1000', bins));
  if (!(Number.isInteger(maxCategories) && maxCategories >= 1)) throw new TypeError(dataMessage.badOption(fn, 'maxCategories', 'a whole number ≥ 1', maxCategories));
  const names = table.columnNames();
  const missing = (columns ?? []).filter((c) => !names.includes(c));
  if (missing.length) throw new Error(dataMessage.unknownColumns(fn, 'columns', missing, names));
  return new DataProfile({ rows: table.numRows(), columns: (columns ?? names).map((n) => profileColumn(table, n, bins, maxCategories)) });
}

function profileColumn(table: ColumnTable, name: string, bins: number, maxCategories: number): ColumnProfile {
  const c = collectColumn(table, name);
  if (c.kind === 'number' || c.kind === 'date') {
    const s = summarizeNumbers(c.values);
    const histogram = buildHistogram(s.sorted, s.min, s.max, bins);
    if (c.kind === 'date') {
      const iso = (v: number) => (Number.isFinite(v) ? new Date(v).toISOString() : null);
      return { name, type: 'date', count: s.count, missing: s.missing, min: iso(s.min), max: iso(s.max), histogram };
    }
    const quantiles = Object.fromEntries(PROFILE_QUANTILES.map((q) => [String(q), quantileSorted(s.sorted, q)]));
    const percentiles = Array.from({ length: 101 }, (_, i) => quantileSorted(s.sorted, i / 100));
    return { name, type: 'number', count: s.count, missing: s.missing, mean: s.mean, sd: s.sd, min: s.min, max: s.max, distinct: s.distinct, quantiles, percentiles, histogram };
  }
  if (c.kind === 'string' || c.kind === 'boolean') {
    const counts = countValues(c.values);
    const count = counts.reduce((a, x) => a + x.count, 0);
    const top = counts.slice(0, maxCategories);
    return {
      name,
      type: c.kind,
      count,
      missing: c.values.length - count,
      distinct: counts.length,
      categories: top.map((x) => ({ value: x.value as string | boolean, count: x.count })),
      otherCount: count - top.reduce((a, x) => a + x.count, 0),
    };
  }
  const count = c.kind === 'empty' ? 0 : c.values.filter((v) => v !== null).length;
  return { name, type: c.kind, count, missing: c.values.length - count };
}

/**
 * Equal-width bins from min to max. Drift checks must reuse these edges and count a new value
 * below the first edge in the first bin and one above the last edge in the last bin.
 *
 * @example
 * buildHistogram(Float64Array.of(1, 2, 2, 3), 1, 3, 2) // { edges: [1, 2, 3], counts: [1, 3] }
 */
export function buildHistogram(sorted: Float64Array, min: number, max: number, bins: number): Histogram {
  if (sorted.length === 0 || !Number.isFinite(min) || !Number.isFinite(max)) return { edges: [], counts: [] };
  if (min === max) return { edges: [min, max], counts: [sorted.length] };
  const width = (max - min) / bins;
  const edges = Array.from({ length: bins + 1 }, (_, i) => (i === bins ? max : min + i * width));
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < sorted.length; i++) counts[binOf(edges, sorted[i])]++;
  return { edges, counts };
}

/**
 * The bin of a value for fixed edges (left-closed, the last bin closed on both sides; values
 * outside go to the end bins): the rule the profile counts with, for drift code to reuse.
 *
 * @example
 * binOf([0, 1, 2], 1) // 1
 */
export function binOf(edges: readonly number[], v: number): number {
  const bins = edges.length - 1;
  if (v <= edges[0]) return 0;
  if (v >= edges[bins]) return bins - 1;
  let lo = 0;
  let hi = bins;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (v >= edges[mid]) lo = mid;
    else hi = mid;
  }
  return lo;
}
