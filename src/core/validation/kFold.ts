import { createRng } from '../linalg/random';
import type { Fold, Splitter } from './contract';
import { checkRows, checkSplits, foldFromMask } from './foldUtils';
import { validationMessage } from './messages';

export interface KFoldOptions {
  /** Number of folds. Default 5. */
  nSplits?: number;
  /** Shuffle rows before cutting the folds. Default false (contiguous folds, as sklearn). */
  shuffle?: boolean;
  /** Seed of the shuffle. Default 0. */
  seed?: number;
}

/**
 * k contiguous folds (the first n % k folds one row larger), as scikit-learn's KFold; with
 * shuffle, rows are permuted by a seeded generator first (so indices differ from numpy's).
 *
 * @example
 * new KFold({ nSplits: 5, shuffle: true, seed: 1 }).split(100) // [{ train: Int32Array(80), test: Int32Array(20) }, …]
 */
export class KFold implements Splitter {
  readonly type = 'KFold';
  readonly nSplits: number;
  readonly shuffle: boolean;
  readonly seed: number;

  /**
   * @example
   * new KFold({ nSplits: 5, shuffle: true, seed: 42 }).split(100) // 5 folds of 20 test rows
   */
  constructor(options: KFoldOptions = {}) {
    this.nSplits = checkSplits(options.nSplits ?? 5, 'KFold');
    this.shuffle = options.shuffle ?? false;
    this.seed = options.seed ?? 0;
  }

  split(rows: number): Fold[] {
    checkRows(rows, 'KFold.split');
    if (this.nSplits > rows) throw new RangeError(validationMessage.kFoldTooFewRows(this.nSplits, rows));
    const order = Int32Array.from({ length: rows }, (_, i) => i);
    if (this.shuffle) createRng(this.seed).shuffle(order);
    const fold = new Int32Array(rows);
    let start = 0;
    for (let f = 0; f < this.nSplits; f++) {
      const size = Math.floor(rows / this.nSplits) + (f < rows % this.nSplits ? 1 : 0);
      for (let k = start; k < start + size; k++) fold[order[k]] = f;
      start += size;
    }
    return Array.from({ length: this.nSplits }, (_, f) => foldFromMask((i) => fold[i] === f, rows));
  }

  spec(): { type: string; params: Record<string, unknown> } {
    return { type: this.type, params: { nSplits: this.nSplits, shuffle: this.shuffle, seed: this.seed } };
  }
}
