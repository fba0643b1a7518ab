/**
 * Rows of the current batch that break the package's input schema (a missing value where training
 * had none, a wrong type, a category unseen in training): the checks of h/pkg's `validate`, done
 * column by column here (one flag per row) so a 1M-row batch costs one pass per column. Counts
 * only: `modelbook predict` names each row and column.
 */
import type { ColumnTable } from 'arquero';
import { collectColumn } from '../data/columns';
import type { InputSchema } from '../package/contract';
import type { QualitySummary } from './contract';

/**
 * The invalid-row count and the schema columns the batch lacks.
 *
 * @example
 * checkQuality(batch, manifest.signature.inputs).invalidShare; // 0.004
 */
export function checkQuality(table: ColumnTable, schema: InputSchema | undefined): QualitySummary {
  const rows = table.numRows();
  if (!schema) return { rows, invalidRows: 0, invalidShare: 0, missingColumns: [], source: 'profile' };
  const names = new Set(table.columnNames());
  const bad = new Uint8Array(rows);
  const missingColumns: string[] = [];
  for (const col of schema.columns) {
    if (!names.has(col.name)) {
      missingColumns.push(col.name);
      continue;
    }
    const c = collectColumn(table, col.name);
    const allowed = col.categories ? new Set(col.categories.map(String)) : undefined;
    const wantNumber = col.type === 'number' || col.type === 'date';
    for (let i = 0; i < rows; i++) {
      const v = c.values[i];
      const missing = v === null || v === undefined || v === '' || v !== v;
      if (missing) {
        if (!col.nullable) bad[i] = 1;
        continue;
      }
      if (wantNumber !== (c.kind === 'number' || c.kind === 'date')) bad[i] = 1;
      else if (allowed && !allowed.has(String(v))) bad[i] = 1;
    }
  }
  let invalidRows = 0;
  for (let i = 0; i < rows; i++) invalidRows += bad[i];
  if (missingColumns.length) invalidRows = rows;
  return { rows, invalidRows, invalidShare: rows ? invalidRows / rows : 0, missingColumns, source: 'schema' };
}
