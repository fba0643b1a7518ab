/**
 * The split a run's table came from, with its lineage: fingerprint hashes of the table that was split
 * and of both parts, so the split-before-fit checkpoint can tell from the records alone whether a fit
 * used the train part, the test part or the whole table. Fingerprints are cached per table, since the
 * same parts are fitted, cross-validated and evaluated many times in one notebook.
 */
import type { ColumnTable } from 'arquero';
import { dataFingerprint, rowHashes, type DataFingerprint } from '../../core/data/fingerprint';
import { isColumnTable } from '../../core/features/tableInput';
import { _recentSplits, _splitOf, _splitPartsOf, type SplitLineage, type SplitRecord, type SplitRole } from '../../core/validation/trainTestSplit';

const fingerprints = new WeakMap<ColumnTable, DataFingerprint>();

/**
 * A table's fingerprint, computed once per table object.
 *
 * @example
 * tableFingerprint(train).hash
 */
export function tableFingerprint(table: ColumnTable): DataFingerprint {
  let fp = fingerprints.get(table);
  if (!fp) fingerprints.set(table, (fp = dataFingerprint(table)));
  return fp;
}

/** The record of `lineage`'s split with its hashes, and for derived data the role it was judged to have and how. */
function withParts(lineage: SplitLineage, derived?: { role: SplitRole; note: string }): SplitRecord | undefined {
  const split = _splitOf(lineage.train);
  if (!split) return undefined;
  const parts = { source: tableFingerprint(lineage.source).hash, train: tableFingerprint(lineage.train).hash, test: tableFingerprint(lineage.test).hash };
  return { ...split, params: { ...split.params, parts: { ...parts, ...derived } } };
}

const sameInOrder = (a: Float64Array, b: Float64Array): boolean => a.length === b.length && a.every((h, i) => h === b[i]);

/** How the columns of `data` relate to the split's: selected, added, or both (renamed, replaced). */
function columnNote(data: ColumnTable, columns: readonly string[], all: readonly string[]): string {
  const fewer = columns.length < all.length;
  const more = data.numCols() > columns.length;
  return fewer && more ? 'columns selected and added' : fewer ? 'columns selected' : more ? 'columns added' : 'columns unchanged';
}

/**
 * Which table of `lineage` `data` is, when column operations or a row subset made it from one:
 * the same rows in the same order as a part (or the table split), compared on the columns both
 * have; or a row subset with every row in the train part and at least one row found only there
 * (none only in the test part), or the same of the test part.
 */
function derivedRole(data: ColumnTable, lineage: SplitLineage): { role: SplitRole; note: string } | undefined {
  const all = lineage.source.columnNames();
  const columns = data.columnNames().filter((c) => all.includes(c));
  if (columns.length === 0) return undefined;
  const own = rowHashes(data, columns);
  const compared = `compared on ${columns.length} of ${all.length} columns`;
  for (const role of ['train', 'test', 'source'] as const) {
    const part = lineage[role];
    if (part.numRows() === data.numRows() && sameInOrder(own, rowHashes(part, columns))) return { role, note: `${columnNote(data, columns, all)}: the same rows in order, ${compared}` };
  }
  const train = new Set(rowHashes(lineage.train, columns));
  const test = new Set(rowHashes(lineage.test, columns));
  let onlyTrain = 0;
  let onlyTest = 0;
  for (const h of own) {
    if (!train.has(h) && !test.has(h)) return undefined; // a row from neither part: not derived from this split by a row subset
    if (!test.has(h)) onlyTrain++;
    else if (!train.has(h)) onlyTest++;
  }
  const rows = `${data.numRows()} rows`;
  if (onlyTest === 0 && onlyTrain > 0) return { role: 'train', note: `a row subset: ${rows}, all in the train part, ${onlyTrain} only there, none only in the test part, ${compared}` };
  if (onlyTrain === 0 && onlyTest > 0) return { role: 'test', note: `a row subset: ${rows}, all in the test part, ${onlyTest} only there, ${compared}` };
  if (onlyTrain > 0 && onlyTest > 0) return { role: 'source', note: `rows of both parts: ${onlyTrain} only in the train part, ${onlyTest} only in the test part, ${compared}` };
  return undefined; // every row is in both parts: content cannot tell
}

/**
 * The trainTestSplit record of a train or test part, with the hashes of the table split and its
 * parts in `params.parts`. For a table made from a part (or the table split) of one of the latest
 * splits by column operations (select, derive, rename) or a row subset (filter, sample), the same
 * record with `parts.role` and `parts.note` saying which it was judged to be and how; undefined for
 * any other value.
 *
 * @example
 * splitWithLineage(test)?.params.parts // { source: '…', train: '…', test: '…' }
 * splitWithLineage(train.select(['age', 'label']))?.params.parts?.role // 'train'
 */
export function splitWithLineage(table: unknown): SplitRecord | undefined {
  const split = _splitOf(table);
  const parts = _splitPartsOf(table);
  try {
    if (split) return (parts && withParts(parts)) ?? split;
    if (!isColumnTable(table)) return undefined;
    for (const lineage of _recentSplits()) {
      const derived = derivedRole(table, lineage);
      if (derived) return withParts(lineage, derived);
    }
    return undefined;
  } catch {
    return split; // a table that cannot be fingerprinted: the split is recorded without its lineage
  }
}
