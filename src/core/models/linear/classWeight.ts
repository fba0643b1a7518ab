import type { ClassLabel } from '../contract';
import { modelMessage } from '../messages';

/** 'balanced' weighs classes inversely to their frequency; a record maps labels (as text) to weights. */
export type ClassWeight = 'balanced' | Readonly<Record<string, number>> | null;

/**
 * One weight per class, as scikit-learn's `compute_class_weight`: 'balanced' gives
 * n / (K · count(class)); a record gives the listed weights and 1 for unlisted classes.
 *
 * @example
 * computeClassWeight('balanced', ['a', 'b'], Int32Array.from([0, 0, 0, 1])) // Float64Array [0.667, 2]
 */
export function computeClassWeight(classWeight: ClassWeight | undefined, classes: ClassLabel[], codes: Int32Array): Float64Array {
  const k = classes.length;
  const out = new Float64Array(k).fill(1);
  if (classWeight === null || classWeight === undefined) return out;
  if (classWeight === 'balanced') {
    const counts = new Float64Array(k);
    for (let i = 0; i < codes.length; i++) counts[codes[i]]++;
    for (let c = 0; c < k; c++) out[c] = codes.length / (k * counts[c]);
    return out;
  }
  if (typeof classWeight !== 'object') throw new TypeError(modelMessage.badParam('computeClassWeight', 'classWeight', "'balanced', null or a record of label → weight", classWeight));
  const known = new Set(classes.map(String));
  for (const [label, weight] of Object.entries(classWeight)) {
    if (!known.has(label)) throw new RangeError(modelMessage.classWeightUnknownClass(label, [...known]));
    if (!(weight >= 0) || !Number.isFinite(weight)) throw new RangeError(modelMessage.classWeightBadWeight(label, weight));
  }
  classes.forEach((c, i) => {
    const w = classWeight[String(c)];
    if (w !== undefined) out[i] = w;
  });
  return out;
}
