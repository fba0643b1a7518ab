/**
 * The shape of a data profile (JSON; `version` changes with the shape). Designed as the reference
 * for drift checks: numbers keep fixed histogram edges with counts (PSI) and 101 percentiles
 * (KS), categories keep counts plus an "other" count (chi², Jensen–Shannon), every column keeps
 * its missing count (drift in missingness).
 */

/** Equal-width bins: `edges.length === counts.length + 1`; see `binOf` for the counting rule. */
export interface Histogram {
  edges: number[];
  counts: number[];
}

interface ProfileBase {
  name: string;
  /** Non-missing values. */
  count: number;
  missing: number;
}

export interface NumberColumnProfile extends ProfileBase {
  type: 'number';
  mean: number;
  /** Sample standard deviation (ddof = 1, as pandas' `describe()`). */
  sd: number;
  min: number;
  max: number;
  distinct: number;
  /** Keyed by the quantile: '0.01', '0.05', '0.25', '0.5', '0.75', '0.95', '0.99' (linear interpolation). */
  quantiles: Record<string, number>;
  /** The 0th … 100th percentiles (101 values): the reference distribution for a KS test. */
  percentiles: number[];
  histogram: Histogram;
}

export interface CategoryColumnProfile extends ProfileBase {
  type: 'string' | 'boolean';
  distinct: number;
  /** The most frequent values (at most `maxCategories`), most frequent first. */
  categories: { value: string | boolean; count: number }[];
  /** Non-missing values outside `categories`. */
  otherCount: number;
}

export interface DateColumnProfile extends ProfileBase {
  type: 'date';
  /** ISO 8601 (UTC). */
  min: string | null;
  max: string | null;
  /** Edges in epoch milliseconds. */
  histogram: Histogram;
}

export interface OtherColumnProfile extends ProfileBase {
  type: 'other' | 'empty';
}

export type ColumnProfile = NumberColumnProfile | CategoryColumnProfile | DateColumnProfile | OtherColumnProfile;

export interface DataProfileData {
  kind: 'modelbook.profile';
  version: 1;
  rows: number;
  columns: ColumnProfile[];
}

/** Options of `profile`. */
export interface ProfileOptions {
  /** Histogram bins for numbers and dates. Default 20. */
  bins?: number;
  /** Categories kept per text/boolean column (the rest are counted in `otherCount`). Default 50. */
  maxCategories?: number;
  /** Profile only these columns. Default: all. */
  columns?: string[];
}

/**
 * Whether a parsed JSON value is a data profile this version of Modelbook reads.
 *
 * @example
 * const reference = JSON.parse(await fs.promises.readFile('train.profile.json', 'utf8'));
 * if (!isDataProfile(reference)) throw new Error('not a Modelbook data profile');
 */
export function isDataProfile(v: unknown): v is DataProfileData {
  const p = v as Partial<DataProfileData> | null;
  return typeof p === 'object' && p !== null && p.kind === 'modelbook.profile' && p.version === 1 && Array.isArray(p.columns);
}
