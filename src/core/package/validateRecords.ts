import type { InputColumn, InputSchema, RowProblem } from './contract';
import { isMissing } from './inferInputSchema';
import { packageMessage } from './messages';

/**
 * Checks records (objects keyed by input column) against an input schema: a column absent from a
 * record ('missing-column', unless training saw it missing), a missing value where training never
 * saw one ('missing-value'), a value of the wrong type ('wrong-type'), a category training never
 * saw ('unknown-category'). Rows are 0-based in the result, 1-based in the messages.
 *
 * @example
 * validateRecords(schema, [{ age: 'old', plan: 'pro' }])[0].message // 'Row 1: column "age" is "old" (string), but the model expects a number. …'
 */
export function validateRecords(schema: InputSchema, records: readonly Record<string, unknown>[]): RowProblem[] {
  if (!Array.isArray(records)) throw new TypeError(packageMessage.notRecords('validateRecords'));
  const problems: RowProblem[] = [];
  const known = schema.columns.map((c) => (c.categories ? new Set<unknown>(c.categories) : undefined));
  for (let row = 0; row < records.length; row++) {
    const r = records[row];
    if (typeof r !== 'object' || r === null) {
      for (const c of schema.columns) if (!c.nullable) problems.push({ row, column: c.name, kind: 'missing-column', message: packageMessage.missingColumn(row, c.name) });
      continue;
    }
    schema.columns.forEach((c, k) => {
      const problem = _checkValue(c, known[k], row, r);
      if (problem) problems.push(problem);
    });
  }
  return problems;
}

/** The problem with one cell, if any. */
export function _checkValue(c: InputColumn, known: Set<unknown> | undefined, row: number, record: Record<string, unknown>): RowProblem | undefined {
  return _checkCell(c, known, row, c.name in record, record[c.name]);
}

/** The problem with one cell, if any, given whether the row has the column at all (`present`) and its value. */
export function _checkCell(c: InputColumn, known: Set<unknown> | undefined, row: number, present: boolean, v: unknown): RowProblem | undefined {
  const column = c.name;
  if (!present) return c.nullable ? undefined : { row, column, kind: 'missing-column', message: packageMessage.missingColumn(row, column) };
  if (isMissing(v)) return c.nullable ? undefined : { row, column, kind: 'missing-value', message: packageMessage.missingValue(row, column, v) };
  if (!hasType(v, c.type)) return { row, column, kind: 'wrong-type', message: packageMessage.wrongType(row, column, v, c.type) };
  if (known && !known.has(v)) return { row, column, kind: 'unknown-category', message: packageMessage.unknownCategory(row, column, v, c.categories ?? []) };
  return undefined;
}

function hasType(v: unknown, type: InputColumn['type']): boolean {
  switch (type) {
    case 'number':
      return typeof v === 'number';
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    case 'date':
      return v instanceof Date || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && !Number.isNaN(Date.parse(v)));
  }
}
