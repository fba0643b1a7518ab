import type { ColumnTable } from 'arquero';
import { isColumnTable, rowsAt } from '../features/tableInput';
import { createRng, type Rng } from '../linalg/random';
import { uniqueInverse } from './foldUtils';
import { validationMessage } from './messages';

export interface TrainTestSplitOptions {
  /** Test share (0–1) or row count. Default 0.25 (or the complement of trainSize). */
  testSize?: number;
  /** Train share (0–1) or row count. Default: the rest. */
  trainSize?: number;
  /** Shuffle before splitting. Default true. */
  shuffle?: boolean;
  /** Keep class shares in both parts: the label column's name, or the labels. */
  stratify?: string | ArrayLike<unknown>;
  /** Seed of the shuffle. Default 0. */
  seed?: number;
}

/** The two parts of a table and the row indices behind them. */
export interface TrainTestSplit {
  train: ColumnTable;
  test: ColumnTable;
  trainIndex: Int32Array;
  testIndex: Int32Array;
}

/** How a table came out of `trainTestSplit`: the splitter record a fit or an evaluation on it keeps (seed null: none given, 0 used). */
export interface SplitRecord {
  kind: 'trainTestSplit';
  params: {
    testSize: number | null;
    trainSize: number | null;
    shuffle: boolean;
    stratify: string | null;
    seed: number | null;
    trainRows: number;
    testRows: number;
    /**
     * Fingerprint hashes of the table split and of its two parts (the split's lineage), added where a
     * run records the split. For data derived from a part or the table by column operations or a row
     * subset, `role` says which one it was judged to be and `note` how.
     */
    parts?: { source: string; train: string; test: string; role?: SplitRole; note?: string };
  };
}

const splits = new WeakMap<object, SplitRecord>();

/** The split that made `table` (its train or test part, as returned), if `trainTestSplit` did. */
export function _splitOf(table: unknown): SplitRecord | undefined {
  return typeof table === 'object' && table !== null ? splits.get(table) : undefined;
}

/** The train part split off with `test` (a test part as `trainTestSplit` returned it), if any. */
export function _trainPartOf(test: unknown): ColumnTable | undefined {
  const parts = _splitPartsOf(test);
  return parts && parts.test === test ? parts.train : undefined;
}

/** The table `part` was split from and both parts, for a train or test part as `trainTestSplit` returned it. */
export function _splitPartsOf(part: unknown): SplitLineage | undefined {
  return typeof part === 'object' && part !== null ? lineages.get(part) : undefined;
}
const lineages = new WeakMap<object, SplitLineage>();

/** Which table of a split some data is: the table split, or one of its parts. */
export type SplitRole = 'source' | 'train' | 'test';
/** A split's table and both parts. */
export type SplitLineage = Record<SplitRole, ColumnTable>;

/** The latest splits, held weakly (a split whose parts the notebook dropped is forgotten). */
const recent: WeakRef<SplitLineage>[] = [];
const RECENT_SPLITS = 16;

/** The latest splits whose parts are still alive, newest first (for data derived from a part, which carries no split of its own). */
export function _recentSplits(): SplitLineage[] {
  return recent
    .map((r) => r.deref())
    .filter((l): l is SplitLineage => l !== undefined)
    .reverse();
}

/**
 * Splits a table into train and test parts, seeded and optionally stratified, with
 * scikit-learn's train_test_split sizes (test = ceil(testSize·n), train = floor(trainSize·n) or
 * the rest) and, when stratified, its per-class allocation. Rows come out in shuffled order.
 *
 * @example
 * const { train, test } = trainTestSplit(penguins, { testSize: 0.2, stratify: 'species', seed: 42 });
 */
export function trainTestSplit(data: ColumnTable, options: TrainTestSplitOptions = {}): TrainTestSplit {
  if (!isColumnTable(data)) throw new TypeError(validationMessage.splitNotTable);
  const labels = typeof options.stratify === 'string' ? columnOf(data, options.stratify) : options.stratify;
  const { train, test } = trainTestIndices(data.numRows(), { ...options, stratify: labels });
  const parts = { train: rowsAt(data, train), test: rowsAt(data, test) };
  const record: SplitRecord = {
    kind: 'trainTestSplit',
    params: {
      testSize: options.testSize ?? null,
      trainSize: options.trainSize ?? null,
      shuffle: options.shuffle ?? true,
      stratify: typeof options.stratify === 'string' ? options.stratify : options.stratify === undefined ? null : 'labels',
      // null when the cell gave none (the default 0 was used): the seeds-fixed checkpoint asks for one written down
      seed: options.seed ?? null,
      trainRows: train.length,
      testRows: test.length,
    },
  };
  splits.set(parts.train, record);
  splits.set(parts.test, record);
  const lineage = { source: data, ...parts };
  lineages.set(parts.train, lineage);
  lineages.set(parts.test, lineage);
  recent.push(new WeakRef(lineage));
  if (recent.length > RECENT_SPLITS) recent.shift();
  return { ...parts, trainIndex: train, testIndex: test };
}

/**
 * The row indices of a train/test split of `rows` rows (see trainTestSplit).
 *
 * @example
 * const { train, test } = trainTestIndices(1000, { testSize: 0.2, seed: 1 });
 */
export function trainTestIndices(rows: number, options: Omit<TrainTestSplitOptions, 'stratify'> & { stratify?: ArrayLike<unknown> } = {}): { train: Int32Array; test: Int32Array } {
  const { nTrain, nTest } = splitSizes(rows, options.testSize, options.trainSize);
  const shuffle = options.shuffle ?? true;
  if (!shuffle) {
    if (options.stratify) throw new RangeError(validationMessage.stratifyNeedsShuffle);
    return { train: range(0, nTrain), test: range(nTrain, nTrain + nTest) };
  }
  const rng = createRng(options.seed ?? 0);
  if (options.stratify) return stratifiedIndices(options.stratify, rows, nTrain, nTest, rng);
  const perm = rng.shuffle(range(0, rows));
  return { train: perm.slice(nTest, nTest + nTrain), test: perm.slice(0, nTest) };
}

function splitSizes(n: number, testSize: number | undefined, trainSize: number | undefined): { nTrain: number; nTest: number } {
  const check = (v: number | undefined, name: string) => {
    if (v === undefined) return;
    if (!((v > 0 && v < 1) || (Number.isInteger(v) && v >= 1 && v <= n))) throw new RangeError(validationMessage.badSplitSize(name, n, v));
  };
  check(testSize, 'testSize');
  check(trainSize, 'trainSize');
  const test = testSize ?? (trainSize === undefined ? 0.25 : undefined);
  let nTest = test === undefined ? undefined : test < 1 ? Math.ceil(test * n) : test;
  let nTrain = trainSize === undefined ? undefined : trainSize < 1 ? Math.floor(trainSize * n) : trainSize;
  nTrain ??= n - nTest!;
  nTest ??= n - nTrain;
  if (nTrain + nTest > n) throw new RangeError(validationMessage.splitSizesExceed(nTrain, nTest, n));
  if (nTrain <= 0 || nTest <= 0) throw new RangeError(validationMessage.splitEmptyPart(n, nTrain, nTest));
  return { nTrain, nTest };
}

function stratifiedIndices(labels: ArrayLike<unknown>, rows: number, nTrain: number, nTest: number, rng: Rng): { train: Int32Array; test: Int32Array } {
  if (labels.length !== rows) throw new RangeError(validationMessage.lengthMismatch('trainTestSplit', 'stratify', labels.length, 'labels', rows));
  const { unique, inverse } = uniqueInverse(labels, 'trainTestSplit');
  const counts = new Float64Array(unique.length);
  for (const k of inverse) counts[k]++;
  if (Math.min(...counts) < 2) throw new RangeError(validationMessage.classTooSmall);
  if (nTrain < unique.length || nTest < unique.length) throw new RangeError(validationMessage.splitNeedsEveryClass(unique.length));
  const nI = approximateMode(counts, nTrain, rng);
  const tI = approximateMode(
    counts.map((c, k) => c - nI[k]),
    nTest,
    rng,
  );
  const byClass: number[][] = unique.map(() => []);
  inverse.forEach((k, i) => byClass[k].push(i));
  const train: number[] = [];
  const test: number[] = [];
  byClass.forEach((rowsOfClass, k) => {
    const perm = rng.shuffle([...rowsOfClass]);
    train.push(...perm.slice(0, nI[k]));
    test.push(...perm.slice(nI[k], nI[k] + tI[k]));
  });
  return { train: Int32Array.from(rng.shuffle(train)), test: Int32Array.from(rng.shuffle(test)) };
}

/** sklearn's _approximate_mode: floor the proportional shares, hand out the rest by largest remainder (ties at random). */
function approximateMode(counts: Float64Array, draws: number, rng: Rng): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  const continuous = Array.from(counts, (c) => (c / total) * draws);
  const floored = continuous.map(Math.floor);
  let need = draws - floored.reduce((a, b) => a + b, 0);
  const remainders = [...new Set(continuous.map((c, k) => c - floored[k]))].sort((a, b) => b - a);
  for (const value of remainders) {
    if (need <= 0) break;
    const inds = rng.shuffle(continuous.map((_, k) => k).filter((k) => continuous[k] - floored[k] === value));
    const now = Math.min(inds.length, need);
    for (const k of inds.slice(0, now)) floored[k]++;
    need -= now;
  }
  return floored;
}

function columnOf(table: ColumnTable, name: string): ArrayLike<unknown> {
  if (!table.columnNames().includes(name)) throw new RangeError(validationMessage.noStratifyColumn(name, table.columnNames()));
  return table.array(name) as ArrayLike<unknown>;
}

function range(from: number, to: number): Int32Array {
  return Int32Array.from({ length: to - from }, (_, k) => from + k);
}
