import type { LabelColumn } from '../../args/columns';
import type { ClassLabel, SampleWeight } from './types';
import { encodeLabels, toLabels, uniqueLabels } from './labels';
import { checkLengths, checkOneOf, toWeights } from './validate';
import { evaluationMessage } from '../messages';

export interface ConfusionMatrix {
  /** Row/column labels, sorted (or as given in `labels`). */
  labels: ClassLabel[];
  /** matrix[i][j]: (weighted) count of rows with true label i predicted as label j. */
  matrix: number[][];
}

export interface ConfusionMatrixOptions {
  /** Labels to index the matrix by, in order (default: sorted union of yTrue and yPred). */
  labels?: ClassLabel[];
  sampleWeight?: SampleWeight;
  /** Normalize over true rows, predicted columns or everything (default: counts). */
  normalize?: 'true' | 'pred' | 'all';
}

/**
 * The confusion matrix, as scikit-learn's `confusion_matrix`: rows are true labels, columns
 * predicted labels. Rows whose true or predicted label is not in `labels` are ignored.
 *
 * @example
 * confusionMatrix([0, 1, 1, 0], [0, 1, 0, 0]);
 * // { labels: [0, 1], matrix: [[2, 0], [1, 1]] }
 */
export function confusionMatrix(yTrue: LabelColumn, yPred: LabelColumn, options: ConfusionMatrixOptions = {}): ConfusionMatrix {
  const fn = 'confusionMatrix';
  const t = toLabels(fn, 'yTrue', yTrue);
  const p = toLabels(fn, 'yPred', yPred);
  checkLengths(fn, t.length, { yPred: p });
  const weights = toWeights(fn, t.length, options.sampleWeight);
  if (options.normalize !== undefined) checkOneOf(fn, 'normalize', options.normalize, ['true', 'pred', 'all'] as const);
  const labels = options.labels ?? uniqueLabels(fn, { name: 'yTrue', values: t }, { name: 'yPred', values: p });
  if (labels.length === 0) throw new RangeError(evaluationMessage.noLabels(fn));
  const counts = _confusionCounts(codesOrMissing(t, labels), codesOrMissing(p, labels), labels.length, weights);
  const k = labels.length;
  const matrix: number[][] = [];
  for (let i = 0; i < k; i++) matrix.push(Array.from(counts.subarray(i * k, i * k + k)));
  if (options.normalize) normalizeInPlace(matrix, options.normalize);
  return { labels: [...labels], matrix };
}

/** Row-major k×k (weighted) counts; rows with a code of -1 are skipped. */
export function _confusionCounts(trueCodes: Int32Array, predCodes: Int32Array, k: number, weights?: ArrayLike<number>): Float64Array {
  const counts = new Float64Array(k * k);
  for (let i = 0; i < trueCodes.length; i++) {
    const a = trueCodes[i];
    const b = predCodes[i];
    if (a < 0 || b < 0) continue;
    counts[a * k + b] += weights ? weights[i] : 1;
  }
  return counts;
}

/** Label codes for the classes, -1 for labels outside them (scikit-learn drops those rows). */
function codesOrMissing(values: ArrayLike<ClassLabel>, labels: readonly ClassLabel[]): Int32Array {
  const index = new Map<ClassLabel, number>();
  labels.forEach((c, i) => index.set(c, i));
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) codes[i] = index.get(values[i]) ?? -1;
  return codes;
}

/** Sorted labels of yTrue ∪ yPred and both arrays encoded against them. */
export function encodePair(fn: string, yTrue: unknown, yPred: unknown): { labels: ClassLabel[]; trueCodes: Int32Array; predCodes: Int32Array } {
  const t = toLabels(fn, 'yTrue', yTrue);
  const p = toLabels(fn, 'yPred', yPred);
  checkLengths(fn, t.length, { yPred: p });
  const labels = uniqueLabels(fn, { name: 'yTrue', values: t }, { name: 'yPred', values: p });
  return { labels, trueCodes: encodeLabels(fn, 'yTrue', t, labels), predCodes: encodeLabels(fn, 'yPred', p, labels) };
}

function normalizeInPlace(matrix: number[][], how: 'true' | 'pred' | 'all'): void {
  const k = matrix.length;
  // scikit-learn turns 0/0 into 0 here (np.nan_to_num).
  const safe = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  if (how === 'all') {
    const total = matrix.reduce((s, r) => s + r.reduce((x, y) => x + y, 0), 0);
    for (const r of matrix) for (let j = 0; j < k; j++) r[j] = safe(r[j], total);
  } else if (how === 'true') {
    for (const r of matrix) {
      const s = r.reduce((x, y) => x + y, 0);
      for (let j = 0; j < k; j++) r[j] = safe(r[j], s);
    }
  } else {
    for (let j = 0; j < k; j++) {
      let s = 0;
      for (let i = 0; i < k; i++) s += matrix[i][j];
      for (let i = 0; i < k; i++) matrix[i][j] = safe(matrix[i][j], s);
    }
  }
}
