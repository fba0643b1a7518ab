import type { Fold, Splitter } from './contract';
import { checkInteger } from '../args/checkInteger';
import { checkRows, checkSplits } from './foldUtils';
import { validationMessage } from './messages';

export interface TimeSeriesSplitOptions {
  /** Number of splits. Default 5. */
  nSplits?: number;
  /** Cap on the training window (most recent rows). Default: no cap. */
  maxTrainSize?: number | null;
  /** Rows per test window. Default floor(rows / (nSplits + 1)). */
  testSize?: number | null;
  /** Rows left out between the end of train and the start of test. Default 0. */
  gap?: number;
}

/**
 * Expanding-window splits for time-ordered rows (train always before test), as scikit-learn's
 * TimeSeriesSplit. Rows must already be in time order.
 *
 * @example
 * new TimeSeriesSplit({ nSplits: 3 }).split(12) // train on the past, test on the next window, 3 times
 */
export class TimeSeriesSplit implements Splitter {
  readonly type = 'TimeSeriesSplit';
  readonly nSplits: number;
  readonly maxTrainSize: number | null;
  readonly testSize: number | null;
  readonly gap: number;

  /**
   * @example
   * new TimeSeriesSplit({ nSplits: 3, gap: 7 }).split(365)
   */
  constructor(options: TimeSeriesSplitOptions = {}) {
    this.nSplits = checkSplits(options.nSplits ?? 5, 'TimeSeriesSplit');
    this.maxTrainSize = options.maxTrainSize ?? null;
    this.testSize = options.testSize ?? null;
    this.gap = options.gap ?? 0;
    checkInteger('TimeSeriesSplit', 'gap', this.gap, 0);
  }

  split(rows: number): Fold[] {
    checkRows(rows, 'TimeSeriesSplit.split');
    const folds = this.nSplits + 1;
    const testSize = this.testSize ?? Math.floor(rows / folds);
    if (folds > rows) throw new RangeError(validationMessage.tooManySplits('TimeSeriesSplit', 'number of folds', folds, 'rows', rows));
    if (rows - this.gap - testSize * this.nSplits <= 0) throw new RangeError(validationMessage.timeSeriesTooManySplits(this.nSplits, rows, testSize, this.gap));
    const out: Fold[] = [];
    for (let start = rows - this.nSplits * testSize; start < rows; start += testSize) {
      const trainEnd = start - this.gap;
      const trainStart = this.maxTrainSize !== null && this.maxTrainSize < trainEnd ? trainEnd - this.maxTrainSize : 0;
      out.push({ train: range(trainStart, trainEnd), test: range(start, Math.min(start + testSize, rows)) });
    }
    return out;
  }

  spec(): { type: string; params: Record<string, unknown> } {
    return { type: this.type, params: { nSplits: this.nSplits, maxTrainSize: this.maxTrainSize, testSize: this.testSize, gap: this.gap } };
  }
}

function range(from: number, to: number): Int32Array {
  return Int32Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);
}
