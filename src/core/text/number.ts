/**
 * How numbers print for people, everywhere: cell reports, panels, the CLI, the sidebar. One rule,
 * so the same value reads the same in the terminal and in the notebook:
 * - integers whole, with thousands separators: `1,234,567`;
 * - other numbers with 4 significant digits (`0.9123`), rounded to whole above 10,000 (`12,346`);
 * - scientific only for very small or very large magnitudes: `1.235e-4`, `1.235e+15`;
 * - missing (null, undefined, NaN) as `—`; infinities as `∞` and `-∞`.
 * Variants are options of the one function (no separators for machine-read text, fixed decimals
 * for aligned score tables), not copies.
 */

/** Options of `formatNumber`; every one has a default that suits a table cell. */
export interface NumberFormat {
  /** Significant digits of non-integers (default 4). */
  digits?: number;
  /** Exactly this many decimals instead of significant digits (aligned score tables), e.g. 4 → `0.9000`. */
  fixed?: number;
  /** Thousands separators in the integer part (default true). */
  grouping?: boolean;
}

/** What a missing number prints as. */
export const MISSING_NUMBER = '—';

const SMALL = 1e-3;
const LARGE = 1e15;

/**
 * A number as a person reads it (the module comment states the rule).
 *
 * @param v the value; null, undefined and NaN print as `—`
 * @param options digits (default 4), fixed decimals (default none), grouping (default true)
 * @example
 * formatNumber(1234567) // '1,234,567'
 * formatNumber(0.912345) // '0.9123'
 * formatNumber(0.000123456) // '1.235e-4'
 * formatNumber(null) // '—'
 * formatNumber(0.9, { fixed: 4 }) // '0.9000'
 */
export function formatNumber(v: number | null | undefined, options: NumberFormat = {}): string {
  if (v === null || v === undefined || Number.isNaN(v)) return MISSING_NUMBER;
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '-∞';
  const a = Math.abs(v);
  if (a !== 0 && (a < SMALL || a >= LARGE)) return v.toExponential(Math.max(0, (options.digits ?? 4) - 1)).replace(/\.?0+e/, 'e');
  const text = options.fixed !== undefined ? v.toFixed(options.fixed) : String(Number.isInteger(v) ? v : a >= 1e4 ? Math.round(v) : Number(v.toPrecision(options.digits ?? 4)));
  return options.grouping === false ? text : groupThousands(text);
}

/**
 * A share (0–1) as a percentage with one decimal (two below 1%); missing as `—`.
 *
 * @example
 * formatShare(0.1234) // '12.3%'
 * formatShare(0.0042) // '0.42%'
 */
export function formatShare(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return MISSING_NUMBER;
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 2 : 1)}%`;
}

/**
 * A duration as people say it: '850 ms', '12.3 s', '4 min 05 s', '2 h 10 min'; missing as `—`.
 *
 * @example
 * formatDuration(245_000) // '4 min 05 s'
 */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return MISSING_NUMBER;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

function groupThousands(text: string): string {
  const m = /^(-?)(\d+)(.*)$/.exec(text);
  return m ? m[1] + m[2].replace(/\B(?=(\d{3})+$)/g, ',') + m[3] : text;
}

/** Options of `formatBytes`. */
export interface ByteFormat {
  /** Count in powers of 1024 instead of 1000 (limits the product states in binary megabytes, e.g. a notebook's 256 MB); the unit names stay kB, MB, GB. */
  binary?: boolean;
}

/**
 * A size for people, with at most one decimal: `183.2 MB`, `1.5 kB`, `12 B`. One formatter for every size the
 * product prints (output limits, file limits, download progress).
 *
 * @param n a count of bytes
 * @param options binary (default false: powers of 1000)
 * @example
 * formatBytes(183_240_000) // '183.2 MB'
 * formatBytes(1500) // '1.5 kB'
 * formatBytes(700 * 2 ** 20, { binary: true }) // '700 MB'
 */
export function formatBytes(n: number, options: ByteFormat = {}): string {
  const k = options.binary ? 1024 : 1000;
  const units: [number, string][] = [
    [k ** 3, 'GB'],
    [k ** 2, 'MB'],
    [k, 'kB'],
  ];
  for (const [size, unit] of units) if (n >= size) return `${Number((n / size).toFixed(1))} ${unit}`;
  return `${n} B`;
}
