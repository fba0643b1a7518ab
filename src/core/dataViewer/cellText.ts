/** The significant digits a number that is not whole is shown with. */
export const SHOWN_DIGITS = 7;

/**
 * How a data viewer cell reads: numbers to 7 significant digits (whole numbers whole, no
 * separators: ids and years stay as written), booleans as `true`/`false`, text as it is, missing
 * as ''. A copied cell (TSV) reads the same.
 *
 * @example
 * cellText(0.123456789) // '0.1234568'
 * cellText(1815) // '1815'
 * cellText(null) // ''
 */
export function cellText(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(SHOWN_DIGITS)));
  return String(v);
}
