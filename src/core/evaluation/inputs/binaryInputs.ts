import type { ClassLabel, SampleWeight } from '../metrics/types';
import { binarize, resolvePositiveLabel, toLabels, uniqueLabels } from '../metrics/labels';
import { checkLengths, toFloat64, toWeights } from '../metrics/validate';
import { formatLabel, evaluationMessage } from '../messages';

export interface BinaryInputs {
  positive: Uint8Array;
  score: Float64Array;
  weight?: Float64Array;
  positiveLabel: ClassLabel;
  /** Sorted labels present in yTrue. */
  classes: ClassLabel[];
}

/**
 * yTrue, one score per row and optional weights, checked and turned into 0/1 flags. Like
 * scikit-learn, more than two classes in yTrue are accepted only with an explicit positiveLabel.
 */
export function _binaryInputs(fn: string, yTrue: unknown, yScore: unknown, positiveLabel: ClassLabel | undefined, sampleWeight: SampleWeight | undefined): BinaryInputs {
  const t = toLabels(fn, 'yTrue', yTrue);
  const score = toFloat64(fn, 'yScore', yScore);
  checkLengths(fn, t.length, { yScore: score });
  const weight = toWeights(fn, t.length, sampleWeight);
  const classes = uniqueLabels(fn, { name: 'yTrue', values: t });
  if (classes.length > 2 && (positiveLabel === undefined || positiveLabel === null)) {
    throw new RangeError(evaluationMessage.notBinary(fn, classes.length, classes.slice(0, 5).map(formatLabel).join(', '), classes.length > 5));
  }
  const positive = resolvePositiveLabel(fn, classes, positiveLabel);
  return { positive: binarize(t, positive), score, weight, positiveLabel: positive, classes };
}
