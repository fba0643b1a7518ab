/**
 * Class labels as scikit-learn handles them: sorted unique labels (numbers ascending, strings by
 * code point, false < true) and each row's index into them.
 */
import { fromBigInts } from '../../args/columns';
import type { ClassLabel } from './types';
import { describe, isArrayLike } from './validate';
import { formatLabel, evaluationMessage } from '../messages';

/** Checks a target array and returns it as an array-like of labels (bigints as numbers, see fromBigInts). */
export function toLabels(fn: string, name: string, column: unknown): ArrayLike<ClassLabel> {
  const values = fromBigInts(fn, name, column);
  if (!isArrayLike(values)) throw new TypeError(evaluationMessage.notLabelArray(fn, name, describe(values)));
  return values as ArrayLike<ClassLabel>;
}

/** The sorted union of the labels in the given arrays. */
export function uniqueLabels(fn: string, ...arrays: { name: string; values: ArrayLike<ClassLabel> }[]): ClassLabel[] {
  const seen = new Set<ClassLabel>();
  let kind: string | undefined;
  for (const { name, values } of arrays) {
    if (values instanceof Float64Array || values instanceof Int32Array || values instanceof Float32Array || values instanceof Uint8Array) {
      // Typed arrays: numbers only; a fast path for 1M-row label columns.
      let last = NaN;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v === last) continue;
        if (!Number.isFinite(v)) throw new RangeError(evaluationMessage.labelNotFinite(fn, name, i, v));
        last = v;
        seen.add(v);
      }
      kind = checkKind(fn, kind, 'number', name);
      continue;
    }
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      const t = typeof v;
      if (t !== 'number' && t !== 'string' && t !== 'boolean') throw new TypeError(evaluationMessage.badLabel(fn, name, i, describe(v)));
      if (t === 'number' && !Number.isFinite(v)) throw new RangeError(evaluationMessage.labelNotFinite(fn, name, i, v));
      kind = checkKind(fn, kind, t, name);
      seen.add(v);
    }
  }
  return sortLabels([...seen]);
}

function checkKind(fn: string, kind: string | undefined, t: string, name: string): string {
  if (kind !== undefined && kind !== t) throw new TypeError(evaluationMessage.mixedLabelTypes(fn, name, kind, t));
  return t;
}

/** Labels sorted as numpy sorts them. */
export function sortLabels(labels: ClassLabel[]): ClassLabel[] {
  return labels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Each value's index into `classes`; a value outside `classes` is an error naming it. */
export function encodeLabels(fn: string, name: string, values: ArrayLike<ClassLabel>, classes: readonly ClassLabel[]): Int32Array {
  const index = new Map<ClassLabel, number>();
  classes.forEach((c, i) => index.set(c, i));
  const codes = new Int32Array(values.length);
  let last: ClassLabel | undefined;
  let lastCode = -1;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== last) {
      const code = index.get(v);
      if (code === undefined) throw new RangeError(evaluationMessage.labelNotAClass(fn, name, i, formatLabel(v), classes.map(formatLabel).join(', ')));
      last = v;
      lastCode = code;
    }
    codes[i] = lastCode;
  }
  return codes;
}

/**
 * The positive class of a binary problem: the given one, or else the greater label when labels
 * are numbers or booleans ({0, 1} → 1, {-1, 1} → 1, {false, true} → true). String labels need it named.
 */
export function resolvePositiveLabel(fn: string, classes: readonly ClassLabel[], given: ClassLabel | undefined): ClassLabel {
  if (given !== undefined && given !== null) return given;
  if (classes.length === 0) return 1;
  const last = classes[classes.length - 1];
  if (typeof last === 'string') {
    throw new RangeError(evaluationMessage.stringLabelsNeedPositive(fn, classes.map(formatLabel).join(', '), formatLabel(last)));
  }
  if (classes.length === 1) return typeof last === 'boolean' ? true : last === 0 || last === -1 ? 1 : last;
  return last;
}

/** 1 where the label equals the positive class, else 0. */
export function binarize(values: ArrayLike<ClassLabel>, positive: ClassLabel): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] === positive ? 1 : 0;
  return out;
}
