import { createRng } from '../linalg/random';
import type { Fold, SplitData, Splitter } from './contract';
import { checkInteger } from '../args/checkInteger';
import { checkSplits } from './foldUtils';
import { KFold } from './kFold';
import { StratifiedKFold } from './stratifiedKFold';

export interface RepeatedKFoldOptions {
  /** Folds per repetition. Default 5. */
  nSplits?: number;
  /** Repetitions, each with a fresh shuffle. Default 10. */
  nRepeats?: number;
  /** Seed of the shuffles. Default 0. */
  seed?: number;
}

/** k-fold repeated with a different seeded shuffle each time (nSplits × nRepeats folds). */
abstract class RepeatedSplitter implements Splitter {
  readonly nSplits: number;
  readonly nRepeats: number;
  readonly seed: number;
  private readonly k: number;

  protected constructor(
    readonly type: string,
    private readonly stratified: boolean,
    options: RepeatedKFoldOptions,
  ) {
    this.k = checkSplits(options.nSplits ?? 5, type);
    this.nRepeats = options.nRepeats ?? 10;
    checkInteger(type, 'nRepeats', this.nRepeats, 1);
    this.nSplits = this.k * this.nRepeats;
    this.seed = options.seed ?? 0;
  }

  split(rows: number, data: SplitData = {}): Fold[] {
    const rng = createRng(this.seed);
    const out: Fold[] = [];
    for (let r = 0; r < this.nRepeats; r++) {
      const options = { nSplits: this.k, shuffle: true, seed: rng.nextInt(2 ** 31) };
      out.push(...(this.stratified ? new StratifiedKFold(options).split(rows, data) : new KFold(options).split(rows)));
    }
    return out;
  }

  spec(): { type: string; params: Record<string, unknown> } {
    return { type: this.type, params: { nSplits: this.k, nRepeats: this.nRepeats, seed: this.seed } };
  }
}

/**
 * KFold repeated with a different seeded shuffle each time: the usual input of the corrected
 * resampled t-test (compareModels).
 *
 * @example
 * await crossValidate(pipe, data, { label: 'y', cv: new RepeatedKFold({ nSplits: 5, nRepeats: 3, seed: 1 }) })
 */
export class RepeatedKFold extends RepeatedSplitter {
  /**
   * @example
   * new RepeatedKFold({ nSplits: 5, nRepeats: 10, seed: 1 }).split(200).length // 50
   */
  constructor(options: RepeatedKFoldOptions = {}) {
    super('RepeatedKFold', false, options);
  }
}

/**
 * StratifiedKFold repeated with a different seeded shuffle each time.
 *
 * @example
 * await crossValidate(pipe, data, { label: 'species', cv: new RepeatedStratifiedKFold({ nSplits: 5, nRepeats: 3, seed: 1 }) })
 */
export class RepeatedStratifiedKFold extends RepeatedSplitter {
  /**
   * @example
   * crossValidate(model, data, { label: 'y', cv: new RepeatedStratifiedKFold({ nSplits: 5, nRepeats: 10 }) })
   */
  constructor(options: RepeatedKFoldOptions = {}) {
    super('RepeatedStratifiedKFold', true, options);
  }
}
