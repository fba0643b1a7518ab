import type { ColumnTable } from 'arquero';
import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { badge, REPORT_CSS } from './html';
import { escapeHtml } from '../text/html';
import { formatNumber, formatShare } from '../text/number';
import { dataMessage } from './messages';
import { matchSensitiveName, type SensitiveNameKind } from './pii/names';
import { detectPII, maskValue, type PIIValueKind } from './pii/patterns';

export type { PIIValueKind, SensitiveNameKind };
export { detectPII, maskValue };

/** Options of `scanPII`. */
export interface PIIOptions {
  /** Rows checked per column (evenly spread over the table). Default 10 000. */
  sampleRows?: number;
  /** Share of checked values from which a value pattern flags the column. Default 0.05 (5%). */
  minShare?: number;
  /** Masked examples kept per finding. Default 3. */
  examples?: number;
}

export interface PIIMatch {
  kind: PIIValueKind;
  /** Checked non-missing values that matched, and their share. */
  matches: number;
  share: number;
  /** Matching values with their middle masked. */
  examples: string[];
}

export interface PIIColumn {
  column: string;
  /** What the column's name suggests (e.g. an e-mail address, gender), if anything. */
  name?: { kind: SensitiveNameKind; meaning: string };
  /** Value patterns found in at least `minShare` of the checked values. */
  values: PIIMatch[];
  /** Non-missing values checked. */
  checked: number;
}

export interface PIIReportData {
  kind: 'modelbook.piiScan';
  version: 1;
  rows: number;
  columns: PIIColumn[];
}

const KIND_TEXT: Record<PIIValueKind, string> = {
  email: 'e-mail addresses',
  phone: 'phone numbers',
  ssn: 'US social security numbers',
  creditCard: 'payment card numbers (Luhn-valid)',
  ipAddress: 'IP addresses',
  nationalId: 'long digit ids (national-id-like)',
};

/**
 * The result of a PII scan: flagged columns only; renders in a cell, serializes to JSON.
 *
 * @example
 * const pii = scanPII(customers);
 * pii.columns.map((c) => c.column); // e.g. ['email', 'phone']
 */
export class PIIReport implements Displayable, PIIReportData {
  readonly kind = 'modelbook.piiScan';
  readonly version = 1;

  constructor(
    readonly rows: number,
    readonly columns: PIIColumn[],
  ) {}

  /** Names of the flagged columns. */
  get flagged(): string[] {
    return this.columns.map((c) => c.column);
  }

  toJSON(): PIIReportData {
    return { kind: this.kind, version: this.version, rows: this.rows, columns: this.columns };
  }

  [MIME_BUNDLE](): MimeBundle {
    const rows = this.columns
      .map((c) => {
        const what = [
          ...(c.name
            ? [
                `${badge(c.name.kind === 'sensitiveAttribute' ? 'info' : 'warning', c.name.kind === 'sensitiveAttribute' ? 'sensitive' : c.name.kind === 'identifier' ? 'identifier' : 'quasi-id')} name suggests ${escapeHtml(c.name.meaning)}`,
              ]
            : []),
          ...c.values.map((m) => `${badge('error', 'values')} ${formatShare(m.share)} look like ${KIND_TEXT[m.kind]}, e.g. <code>${m.examples.map(escapeHtml).join('</code>, <code>')}</code>`),
        ];
        return `<tr><td><b>${escapeHtml(c.column)}</b></td><td>${what.join('<br>')}</td></tr>`;
      })
      .join('');
    const html =
      `<div class="mb-report"><style>${REPORT_CSS}</style><h3>PII scan</h3><p>${formatNumber(this.rows)} rows · ${this.columns.length} column${this.columns.length === 1 ? '' : 's'} flagged</p>` +
      (this.columns.length
        ? `<table><tbody>${rows}</tbody></table><p class="muted">Drop or pseudonymise identifiers before training or sharing; keep sensitive attributes out of the features but available for fairness checks.</p>`
        : '<p>No personal data found.</p>') +
      '</div>';
    const text = [
      `PII scan: ${this.columns.length} of the columns flagged`,
      ...this.columns.map(
        (c) =>
          `  ${c.column}: ${[c.name ? `name suggests ${c.name.meaning}` : '', ...c.values.map((m) => `${formatShare(m.share)} ${KIND_TEXT[m.kind]} (e.g. ${m.examples.join(', ')})`)].filter(Boolean).join('; ')}`,
      ),
    ];
    return { 'text/html': html, 'text/plain': text.join('\n') };
  }
}

/**
 * Looks for personal data: values that are e-mail addresses, phone numbers, US SSNs, Luhn-valid
 * card numbers, IP addresses or long digit ids (in a sample of rows per column), and column
 * names that suggest identifiers (name, email, phone, address, …) or sensitive attributes
 * (gender, race, religion, …). Each match reports its share and masked examples.
 * Defaults: 10 000 sampled rows, 5% minimum share, 3 examples.
 *
 * @example
 * const pii = scanPII(customers);
 * pii.flagged // ['email', 'phone', 'gender']
 */
export function scanPII(table: ColumnTable, options: PIIOptions = {}): PIIReport {
  const fn = 'scanPII';
  if (typeof table !== 'object' || table === null || typeof (table as ColumnTable).numRows !== 'function') throw new TypeError(dataMessage.notTable(fn));
  if (typeof options !== 'object' || options === null) throw new TypeError(dataMessage.badInput(fn, 'an options object, e.g. { sampleRows: 5000 }'));
  const { sampleRows = 10000, minShare = 0.05, examples = 3 } = options;
  if (!(Number.isInteger(sampleRows) && sampleRows >= 1)) throw new TypeError(dataMessage.badOption(fn, 'sampleRows', 'a whole number ≥ 1', sampleRows));
  if (!(typeof minShare === 'number' && minShare > 0 && minShare <= 1)) throw new TypeError(dataMessage.badOption(fn, 'minShare', 'a share in (0, 1]', minShare));
  if (!(Number.isInteger(examples) && examples >= 0)) throw new TypeError(dataMessage.badOption(fn, 'examples', 'a whole number ≥ 0', examples));
  const columns: PIIColumn[] = [];
  for (const name of table.columnNames()) {
    const c = scanColumn(table, name, sampleRows, minShare, examples);
    if (c.name || c.values.length) columns.push(c);
  }
  return new PIIReport(table.numRows(), columns);
}

function scanColumn(table: ColumnTable, column: string, sampleRows: number, minShare: number, exampleCount: number): PIIColumn {
  const n = table.numRows();
  const picks = Math.min(n, sampleRows);
  const found = new Map<PIIValueKind, { matches: number; examples: string[] }>();
  let checked = 0;
  for (let k = 0; k < picks; k++) {
    // Evenly spread over the table, so a sorted table is not judged by its first rows.
    const v = table.get(column, Math.floor((k * n) / picks));
    const text = typeof v === 'string' ? v : typeof v === 'number' && Number.isInteger(v) ? String(v) : typeof v === 'bigint' ? v.toString() : undefined;
    if (v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))) continue;
    checked++;
    if (text === undefined) continue;
    for (const kind of detectPII(text)) {
      const f = found.get(kind) ?? { matches: 0, examples: [] };
      f.matches++;
      if (f.examples.length < exampleCount) f.examples.push(maskValue(text));
      found.set(kind, f);
    }
  }
  const values = [...found]
    .map(([kind, f]) => ({ kind, matches: f.matches, share: checked ? f.matches / checked : 0, examples: f.examples }))
    .filter((m) => m.share >= minShare)
    .sort((a, b) => b.share - a.share);
  const name = matchSensitiveName(column);
  return { column, ...(name ? { name } : {}), values, checked };
}
