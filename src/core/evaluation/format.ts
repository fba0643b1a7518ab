import { formatNumber } from '../text/number';

/* Intervals and JSON numbers for gate reasons, the cell report and Markdown (single numbers: text/number). */

/** An interval as '[lo, hi]', or '' when absent. */
export function formatCi(ci: { lower: number | null; upper: number | null } | undefined): string {
  if (!ci) return '';
  return `[${formatNumber(ci.lower)}, ${formatNumber(ci.upper)}]`;
}

/** A number as JSON can carry it: finite or null. */
export function jsonNumber(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
