/**
 * The shapes splitters, cross-validation and search agree on. Folds are plain typed arrays of
 * row indices, so they cross process boundaries (structured clone) unchanged.
 */

/** One train/test split: row indices, ascending. */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

/** What a splitter may need besides the number of rows. */
export interface SplitData {
  /** Class labels, for stratified splitters. */
  y?: ArrayLike<unknown>;
  /** Group ids (e.g. patient or user ids), for group splitters: a group never spans train and test. */
  groups?: ArrayLike<unknown>;
}

/** A cross-validation splitter (KFold, StratifiedKFold, GroupKFold, TimeSeriesSplit, …). */
export interface Splitter {
  /** The class name, e.g. 'StratifiedKFold'. */
  readonly type: string;
  /** The number of folds `split` returns. */
  readonly nSplits: number;
  /** The folds for `rows` rows (row indices ascending within each fold). */
  split(rows: number, data?: SplitData): Fold[];
  /** Type and parameters, for run records and trials. */
  spec(): { type: string; params: Record<string, unknown> };
}

/** Folds of a splitter, or given explicitly. */
export type CvOption = number | Splitter | readonly Fold[];
