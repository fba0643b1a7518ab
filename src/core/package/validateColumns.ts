import type { InputColumn, InputColumns, InputSchema, RowProblem } from './contract';
import { packageMessage } from './messages';
import { _checkCell } from './validateRecords';

/**
 * Checks input columns against an input schema, column by column, with the same problems in the
 * same order (by row, then schema column) as `validateRecords` gives for the same rows as records.
 * A column absent from `columns`, or `undefined` at a row, is absent from that row; a Float64Array
 * number column is checked without looking at its values one by one beyond missing ones.
 *
 * @example
 * validateColumns(schema, { age: Float64Array.of(41, NaN), plan: ['pro', 'gold'] }, 2) // problems of row 2
 */
export function validateColumns(schema: InputSchema, columns: InputColumns, rows: number): RowProblem[] {
  const found = schema.columns.map((c) => checkColumn(c, columns[c.name], rows));
  const problems = found.flat();
  if (found.filter((p) => p.length > 0).length < 2) return problems;
  const order = new Map(schema.columns.map((c, k) => [c.name, k]));
  return problems.sort((a, b) => a.row - b.row || order.get(a.column)! - order.get(b.column)!);
}

function checkColumn(c: InputColumn, values: ArrayLike<unknown> | undefined, rows: number): RowProblem[] {
  const problems: RowProblem[] = [];
  if (values === undefined) {
    if (!c.nullable) for (let row = 0; row < rows; row++) problems.push({ row, column: c.name, kind: 'missing-column', message: packageMessage.missingColumn(row, c.name) });
    return problems;
  }
  if (values instanceof Float64Array && (c.type === 'number' || c.type === 'date')) {
    // Every value is a number; only a missing one (NaN) can fail, where training saw none.
    if (!c.nullable) for (let row = 0; row < rows; row++) if (Number.isNaN(values[row])) problems.push(_checkCell(c, undefined, row, true, values[row])!);
    return problems;
  }
  const known = c.categories ? new Set<unknown>(c.categories) : undefined;
  for (let row = 0; row < rows; row++) {
    const v = values[row];
    const problem = _checkCell(c, known, row, v !== undefined, v);
    if (problem) problems.push(problem);
  }
  return problems;
}
