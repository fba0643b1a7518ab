import { buildRunTable, type RunTableView } from './columns';
import type { RunSummary } from './summary';
import { runMessage } from './messages';
import { csvLine } from '../text/csv';

export interface CsvOptions {
  /** Column paths; default: `defaultColumns(rows)`. */
  columns?: readonly string[];
  /** Header text: the column path (default, unambiguous) or its short label. */
  header?: 'key' | 'label';
  /** Default '\n'. */
  lineEnding?: '\n' | '\r\n';
}

/**
 * Runs as CSV (RFC 4180 quoting): one header row, one row per run, numbers at full precision,
 * missing values empty, lists and objects as JSON text. Reads back with pandas `read_csv`.
 *
 * @example
 * toRunsCsv(rows, { columns: ['name', 'metrics.auc', 'params.lr'] })
 * // 'name,metrics.auc,params.lr\nmlp,0.91,0.01\n'
 */
export function toRunsCsv(rows: readonly RunSummary[], options: CsvOptions = {}): string {
  if (!Array.isArray(rows)) throw new TypeError(runMessage.needs('toRunsCsv', 'an array of run summaries (e.g. index.query(...).rows)'));
  const table = options.columns ? buildRunTable(rows, options.columns) : buildRunTable(rows);
  return tableToCsv(table, options);
}

/**
 * A table view model as CSV (see `toRunsCsv`).
 *
 * @example
 * tableToCsv(buildRunTable(rows, ['name']))
 */
export function tableToCsv(table: RunTableView, options: Pick<CsvOptions, 'header' | 'lineEnding'> = {}): string {
  const eol = options.lineEnding ?? '\n';
  const lines = [csvLine(table.columns.map((c) => (options.header === 'label' ? c.label : c.key)))];
  for (const row of table.rows) lines.push(csvLine(row.values));
  return lines.join(eol) + eol;
}
