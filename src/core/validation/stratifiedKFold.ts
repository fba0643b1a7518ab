import { createRng } from '../linalg/random';
import type { Fold, SplitData, Splitter } from './contract';
import { checkRows, checkSplits, foldFromMask, uniqueInverse } from './foldUtils';
import type { KFoldOptions } from './kFold';
import { validationMessage } from './messages';
import { argsortAscending } from '../linalg/argsort';

/**
 * k folds that keep each class's share, as scikit-learn's StratifiedKFold (same allocation
 * and, without shuffle, the same indices); with shuffle, each class's fold labels are permuted
 * by a seeded generator.
 *
 * @example
 * new StratifiedKFold({ nSplits: 5 }).split(t.numRows(), { y: t.array('species') }) // class shares kept in every fold
 */
export class StratifiedKFold implements Splitter {
  readonly type = 'StratifiedKFold';
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly seed: number;

  /**
   * @example
   * new StratifiedKFold({ nSplits: 5 }).split(table.numRows(), { y: table.array('species') })
   */
  constructor(options: KFoldOptions = {}) {
    this.nSplits = checkSplits(options.nSplits ?? 5, 'StratifiedKFold');
    this.shuffle = options.shuffle ?? false;
    this.seed = options.seed ?? 0;
  }

  split(rows: number, data: SplitData = {}): Fold[] {
    checkRows(rows, 'StratifiedKFold.split');
    if (!data.y) throw new TypeError(validationMessage.stratifyNeedsLabels('StratifiedKFold.split'));
    if (data.y.length !== rows) throw new RangeError(validationMessage.lengthMismatch('StratifiedKFold.split', 'y', data.y.length, 'labels', rows));
    const testFold = makeTestFolds(data.y, this.nSplits, this.shuffle ? createRng(this.seed) : undefined);
    return Array.from({ length: this.nSplits }, (_, f) => foldFromMask((i) => testFold[i] === f, rows));
  }

  spec(): { type: string; params: Record<string, unknown> } {
    return { type: this.type, params: { nSplits: this.nSplits, shuffle: this.shuffle, seed: this.seed } };
  }
}

/** sklearn's _make_test_folds: round-robin allocation over the labels sorted by first appearance. */
function makeTestFolds(y: ArrayLike<unknown>, nSplits: number, rng: { shuffle<T extends { length: number; [i: number]: unknown }>(v: T): T } | undefined): Int32Array {
  const { inverse, firstIndex } = uniqueInverse(y, 'StratifiedKFold.split');
  // Encode classes by order of first appearance, as sklearn does.
  const byAppearance = argsortAscending(Float64Array.from(firstIndex));
  const classPerm = new Int32Array(firstIndex.length);
  byAppearance.forEach((k, rank) => (classPerm[k] = rank));
  const encoded = Int32Array.from(inverse, (k) => classPerm[k]);
  const nClasses = firstIndex.length;
  const counts = new Int32Array(nClasses);
  for (const c of encoded) counts[c]++;
  if (counts.every((c) => nSplits > c)) throw new RangeError(validationMessage.stratifiedTooFewMembers(nSplits, Math.max(...counts)));
  const sorted = Int32Array.from(encoded).sort();
  // allocation[f][k]: rows of class k in test fold f (bincount of sorted[f::nSplits]).
  const allocation = Array.from({ length: nSplits }, (_, f) => {
    const a = new Int32Array(nClasses);
    for (let i = f; i < sorted.length; i += nSplits) a[sorted[i]]++;
    return a;
  });
  const testFold = new Int32Array(y.length);
  for (let k = 0; k < nClasses; k++) {
    const folds: number[] = [];
    for (let f = 0; f < nSplits; f++) for (let r = 0; r < allocation[f][k]; r++) folds.push(f);
    if (rng) rng.shuffle(folds);
    let next = 0;
    for (let i = 0; i < y.length; i++) if (encoded[i] === k) testFold[i] = folds[next++];
  }
  return testFold;
}
