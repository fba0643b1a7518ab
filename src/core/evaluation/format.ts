/** Number formatting shared by gate reasons, the cell report and Markdown. */

/** A metric value for people: 4 significant digits, '—' when undefined. */
export function formatValue(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return '—';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  if (v !== 0 && (Math.abs(v) >= 1e5 || Math.abs(v) < 1e-3)) return v.toExponential(2);
  return Number(v.toPrecision(4)).toString();
}

/** An interval as '[lo, hi]', or '' when absent. */
export function formatCi(ci: { lower: number | null; upper: number | null } | undefined): string {
  if (!ci) return '';
  return `[${formatValue(ci.lower)}, ${formatValue(ci.upper)}]`;
}

/** A number as JSON can carry it: finite or null. */
export function jsonNumber(v: number): number | null {
  return Number.isFinite(v) ? v : null;
}
