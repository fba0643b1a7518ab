import { table as aqTable, type ColumnTable } from 'arquero';
import { readOnlyColumn } from '../data/columns';
import type { InputColumns, InputSchema, InvalidRowPolicy, OutputSchema, TablePredictions } from './contract';
import { isMissing } from './inferInputSchema';
import { packageMessage } from './messages';
import { _labels, type ScoringModel } from './scoreRecords';
import { validateColumns } from './validateColumns';

/**
 * Validates and scores columns with a fitted model: `LoadedModel.predictTable`. The same
 * predictions as `scoreRecords` on the same rows as records; a Float64Array number column goes to
 * the model as it is (no copy, no value boxed), other columns as `recordsToTable` makes them.
 *
 * @example
 * const out = await predictTable(pipe, schema, output, { age: Float64Array.of(41), plan: ['pro'] }, { proba: true });
 * out.predictions[0] // 'yes'
 */
export async function predictTable(
  model: ScoringModel,
  schema: InputSchema,
  output: OutputSchema,
  input: ColumnTable | InputColumns,
  options: { proba?: boolean; onInvalid?: InvalidRowPolicy } = {},
): Promise<TablePredictions> {
  const { columns, rows } = columnsOf(input);
  const problems = validateColumns(schema, columns, rows);
  const invalid = new Uint8Array(rows);
  for (const p of problems) invalid[p.row] = 1;
  const bad = problems.length === 0 ? 0 : invalid.reduce((n, b) => n + b, 0);
  if (bad > 0 && (options.onInvalid ?? 'fail') === 'fail') throw new RangeError(packageMessage.invalidRows(bad, problems[0].message));
  const keep = bad > 0 ? invalid.map((b) => 1 - b) : undefined;
  const kept = rows - bad;
  const x = kept > 0 ? _columnsToTable(schema, columns, rows, keep) : undefined;
  if (output.task === 'regression') {
    const predictions = new Float64Array(rows).fill(NaN);
    if (x) spread(Float64Array.from(await model.predict(x), Number), predictions, 1, keep);
    return { rows, predictions, invalid, problems };
  }
  if (typeof model.predictProba !== 'function') throw new TypeError(packageMessage.badModel('predictTable'));
  const predictions = new Array<string | number | boolean | null>(rows).fill(null);
  if (!x)
    return {
      rows,
      predictions,
      invalid,
      problems,
      ...(options.proba ? { probabilities: { classes: output.classes.map(String), data: new Float64Array(rows * output.classes.length).fill(NaN) } } : {}),
    };
  const p = await model.predictProba(x);
  spread(_labels(p, output), predictions, 1, keep);
  if (!options.proba) return { rows, predictions, invalid, problems };
  const k = p.classes.length;
  const data = keep ? new Float64Array(rows * k).fill(NaN) : p.data;
  if (keep) spread(p.data, data, k, keep);
  return { rows, predictions, invalid, problems, probabilities: { classes: p.classes.map(String), data } };
}

/** Copies `from` (kept rows only, `width` values each) into `to` at the kept rows. */
function spread<T>(from: ArrayLike<T>, to: { [i: number]: T; length: number }, width: number, keep: Uint8Array | undefined): void {
  if (!keep) {
    for (let i = 0; i < from.length; i++) to[i] = from[i];
    return;
  }
  let r = 0;
  for (let i = 0; i < keep.length; i++) {
    if (!keep[i]) continue;
    for (let j = 0; j < width; j++) to[i * width + j] = from[r * width + j];
    r++;
  }
}

function columnsOf(data: ColumnTable | InputColumns): { columns: InputColumns; rows: number } {
  if (typeof (data as ColumnTable).columnNames === 'function' && typeof (data as ColumnTable).numRows === 'function') {
    const t = data as ColumnTable;
    return { columns: Object.fromEntries(t.columnNames().map((n) => [n, readOnlyColumn(t, n)])), rows: t.numRows() };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new TypeError(packageMessage.notColumns('predictTable'));
  const lengths = Object.entries(data as InputColumns).map(([name, v]) => {
    if (typeof v?.length !== 'number') throw new TypeError(packageMessage.notColumns('predictTable'));
    return [name, v.length] as const;
  });
  const rows = lengths[0]?.[1] ?? 0;
  const other = lengths.find(([, n]) => n !== rows);
  if (other) throw new RangeError(packageMessage.columnLengths('predictTable', lengths[0][0], rows, other[0], other[1]));
  return { columns: data as InputColumns, rows };
}

/**
 * The table a fitted model takes, from validated columns (only the rows where `keep` is 1, when
 * given): the input schema's columns in its order, missing values as null, dates as Date; a
 * Float64Array number column stays as it is (NaN for missing).
 */
export function _columnsToTable(schema: InputSchema, columns: InputColumns, rows: number, keep?: Uint8Array): ColumnTable {
  const n = keep ? keep.reduce((s, b) => s + b, 0) : rows;
  const out: Record<string, ArrayLike<unknown>> = {};
  for (const c of schema.columns) {
    const values = columns[c.name];
    if (values instanceof Float64Array && c.type === 'number') {
      out[c.name] = keep ? values.filter((_, i) => keep[i] === 1) : values;
      continue;
    }
    const col = new Array<unknown>(n);
    for (let i = 0, r = 0; i < rows; i++) {
      if (keep && !keep[i]) continue;
      const v = values?.[i];
      col[r++] = isMissing(v) ? null : c.type === 'date' && !(v instanceof Date) ? new Date(v as string | number) : v;
    }
    out[c.name] = col;
  }
  return aqTable(out);
}
