/**
 * One CSV line (RFC 4180 quoting) from cell values: numbers at full precision, missing values and
 * non-finite numbers empty, booleans as `true`/`false`, lists and objects as JSON text. Text a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR first) gets a leading apostrophe (OWASP's
 * CSV-injection advice): the values come from whoever wrote the records or ran the cells.
 *
 * @example
 * csvLine(['Allen, Miss', 29, null, '=SUM(A1)']) // '"Allen, Miss",29,,\'=SUM(A1)'
 */
export function csvLine(values: readonly unknown[]): string {
  return values.map((v) => csvField(cellText(v))).join(',');
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'string') return /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
