/**
 * The split a run's table came from, with its lineage: fingerprint hashes of the table that was split
 * and of both parts, so the split-before-fit checkpoint can tell from the records alone whether a fit
 * used the train part, the test part or the whole table. Fingerprints are cached per table, since the
 * same parts are fitted, cross-validated and evaluated many times in one notebook.
 */
import type { ColumnTable } from 'arquero';
import { dataFingerprint, type DataFingerprint } from '../../core/data/fingerprint';
import { _splitOf, _splitPartsOf, type SplitRecord } from '../../core/validation/trainTestSplit';

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

/**
 * The trainTestSplit record of a train or test part, with the hashes of the table split and its
 * parts in `params.parts`; undefined for any other value.
 *
 * @example
 * splitWithLineage(test)?.params.parts // { source: '…', train: '…', test: '…' }
 */
export function splitWithLineage(table: unknown): SplitRecord | undefined {
  const split = _splitOf(table);
  const parts = _splitPartsOf(table);
  if (!split || !parts) return split;
  try {
    return { ...split, params: { ...split.params, parts: { source: tableFingerprint(parts.source).hash, train: tableFingerprint(parts.train).hash, test: tableFingerprint(parts.test).hash } } };
  } catch {
    return split; // a table that cannot be fingerprinted: the split is recorded without its lineage
  }
}
