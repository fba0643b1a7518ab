import type { ColumnTable } from 'arquero';
import { collectColumn, type CollectedColumn } from '../columns';
import { countValues, summarizeNumbers } from '../stats';
import type { ColumnQuality } from './contract';

/**
 * Schema, missing values, distinct values, range and most frequent value of one column.
 *
 * @example
 * collectColumnQuality(aq.table({ a: [1, 1, null] }), 'a') // { kind: 'number', missing: 1, distinct: 1, top: 1, topShare: 1, … }
 */
export function collectColumnQuality(table: ColumnTable, name: string, collected: CollectedColumn = collectColumn(table, name)): ColumnQuality {
  const rows = table.numRows();
  if (collected.kind === 'number' || collected.kind === 'date' || collected.kind === 'empty') {
    const s = summarizeNumbers(collected.values);
    const asDate = (v: number) => (Number.isFinite(v) ? new Date(v).toISOString() : undefined);
    const q: ColumnQuality = { name, kind: collected.kind, count: s.count, missing: s.missing, missingShare: rows ? s.missing / rows : 0, distinct: s.distinct };
    if (s.count > 0) {
      q.min = collected.kind === 'date' ? asDate(s.min) : s.min;
      q.max = collected.kind === 'date' ? asDate(s.max) : s.max;
      if (collected.kind === 'number') q.mean = s.mean;
      q.top = collected.kind === 'date' ? asDate(s.mode) : s.mode;
      q.topShare = s.modeCount / s.count;
    }
    return q;
  }
  const other = collected.kind === 'other';
  const counts = countValues((collected.values as unknown[]).map((v) => (other && v !== null && typeof v === 'object' ? JSON.stringify(v) : v)));
  const count = counts.reduce((a, c) => a + c.count, 0);
  const q: ColumnQuality = { name, kind: collected.kind, count, missing: rows - count, missingShare: rows ? (rows - count) / rows : 0, distinct: counts.length };
  if (count > 0) {
    q.top = counts[0].value;
    q.topShare = counts[0].count / count;
  }
  return q;
}
