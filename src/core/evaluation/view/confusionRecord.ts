import type { ConfusionRecord } from '../../runs/contract';
import type { EvaluationView } from '../contract';

/** More classes than this: the matrix is not recorded (k² cells; the record stays small). */
const MAX_RECORDED_CLASSES = 100;

/**
 * What an evaluation run record keeps of a classification's confusion: binary counts at the
 * view's threshold (tp, fp, tn, fn), or the multiclass matrix at the argmax, labels as strings.
 * `evaluate` takes no sample weights, so the counts are rows. Undefined for a regression, a view
 * without confusion, or more than `MAX_RECORDED_CLASSES` classes.
 *
 * @example
 * collectConfusionRecord(ev.view) // { kind: 'binary', threshold: 0.5, positiveLabel: 'yes', negativeLabel: 'no', tp: 201, fp: 29, tn: 380, fn: 61, counts: 'rows' }
 */
export function collectConfusionRecord(view: EvaluationView): ConfusionRecord | undefined {
  const c = view.confusion;
  if (!c || view.task === 'regression' || c.labels.length === 0 || c.labels.length > MAX_RECORDED_CLASSES) return undefined;
  const labels = c.labels.map(String);
  if (view.task === 'binary' && labels.length === 2 && view.threshold !== undefined && view.positiveLabel !== undefined) {
    // The binary view orders its matrix [negative, positive] (see collectBinary.ts).
    const [[tn, fp], [fn, tp]] = c.matrix;
    return { kind: 'binary', threshold: view.threshold, positiveLabel: String(view.positiveLabel), negativeLabel: labels[0], tp, fp, tn, fn, counts: 'rows' };
  }
  return { kind: 'multiclass', labels, matrix: c.matrix.map((row) => [...row]), counts: 'rows' };
}
