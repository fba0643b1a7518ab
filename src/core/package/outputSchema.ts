import type { ClassLabel } from '../models/contract';
import type { OutputSchema } from './contract';

/**
 * The output schema of a fitted model: its classes (in predictProba's order), and for a binary
 * classifier the positive class and the decision threshold the evaluation chose (default 0.5, the
 * second class positive); regression otherwise.
 *
 * @example
 * inferOutputSchema({ kind: 'classifier', classes: ['no', 'yes'] }, ev.view, 'churn') // { task: 'binary', classes: ['no', 'yes'], positiveLabel: 'yes', threshold: 0.5, target: 'churn' }
 */
export function inferOutputSchema(model: { kind: string; classes?: ClassLabel[] }, evaluation?: { positiveLabel?: ClassLabel; threshold?: number }, target?: string): OutputSchema {
  const t = target !== undefined ? { target } : {};
  if (model.kind !== 'classifier') return { task: 'regression', ...t };
  const classes = [...(model.classes ?? [])];
  if (classes.length !== 2) return { task: 'multiclass', classes, ...t };
  const positiveLabel = evaluation?.positiveLabel !== undefined && classes.includes(evaluation.positiveLabel) ? evaluation.positiveLabel : classes[1];
  return { task: 'binary', classes, positiveLabel, threshold: evaluation?.threshold ?? 0.5, ...t };
}
