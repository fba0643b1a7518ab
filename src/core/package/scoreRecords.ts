import { table as aqTable, type ColumnTable } from 'arquero';
import type { ClassLabel, Probabilities } from '../models/contract';
import type { InputSchema, OutputSchema, Prediction } from './contract';
import { isMissing } from './inferInputSchema';
import { packageMessage } from './messages';

/** What scoring needs of a model: a fitted estimator or pipeline, or a TF.js adapter. */
export interface ScoringModel {
  readonly kind: 'classifier' | 'regressor' | 'transformer';
  predict(x: ColumnTable): Promise<ArrayLike<unknown>>;
  predictProba?(x: ColumnTable): Promise<Probabilities>;
}

/**
 * The table a fitted model takes, from records: the input schema's columns in its order, a
 * missing value as null, dates (ISO text or epoch ms) as Date. Validate the records first.
 *
 * @example
 * recordsToTable(schema, [{ age: 41, plan: 'pro' }]).numRows() // 1
 */
export function recordsToTable(schema: InputSchema, records: readonly Record<string, unknown>[]): ColumnTable {
  const columns: Record<string, unknown[]> = {};
  for (const c of schema.columns) {
    const values = new Array<unknown>(records.length);
    for (let i = 0; i < records.length; i++) {
      const v = records[i]?.[c.name];
      values[i] = isMissing(v) ? null : c.type === 'date' && !(v instanceof Date) ? new Date(v as string | number) : v;
    }
    columns[c.name] = values;
  }
  return aqTable(columns);
}

/**
 * Scores records with a fitted model: one Prediction per record. Binary classifiers predict the
 * positive class when its score is at least the output schema's threshold (default 0.5), as the
 * evaluation counted it; multiclass takes the most probable class; regressors their value.
 * `proba` adds the class probabilities.
 *
 * @example
 * const [p] = await scoreRecords(pipe, schema, { task: 'binary', classes: ['no', 'yes'], positiveLabel: 'yes', threshold: 0.3 }, [{ age: 41 }], { proba: true });
 * p // { prediction: 'yes', probabilities: { no: 0.62, yes: 0.38 } }
 */
export async function scoreRecords(
  model: ScoringModel,
  input: InputSchema,
  output: OutputSchema,
  records: readonly Record<string, unknown>[],
  options: { proba?: boolean } = {},
): Promise<Prediction[]> {
  if (!Array.isArray(records)) throw new TypeError(packageMessage.notRecords('scoreRecords'));
  if (typeof model?.predict !== 'function') throw new TypeError(packageMessage.badModel('scoreRecords'));
  if (records.length === 0) return [];
  const x = recordsToTable(input, records);
  if (output.task === 'regression') {
    const values = await model.predict(x);
    return Array.from({ length: records.length }, (_, i) => ({ prediction: Number(values[i]) }));
  }
  if (typeof model.predictProba !== 'function') throw new TypeError(packageMessage.badModel('scoreRecords'));
  return _labelProbabilities(await model.predictProba(x), output, options.proba === true);
}

/** Predictions from class probabilities under the output schema (see `scoreRecords`). */
export function _labelProbabilities(p: Probabilities, output: Exclude<OutputSchema, { task: 'regression' }>, withProba: boolean): Prediction[] {
  const k = p.classes.length;
  const labels = _labels(p, output);
  const out: Prediction[] = new Array(p.rows);
  for (let i = 0; i < p.rows; i++) {
    const prediction: Prediction = { prediction: labels[i] };
    if (withProba) {
      const probabilities: Record<string, number> = {};
      for (let j = 0; j < k; j++) probabilities[String(p.classes[j])] = p.data[i * k + j];
      prediction.probabilities = probabilities;
    }
    out[i] = prediction;
  }
  return out;
}

/** The predicted label of each row: the positive class at or above the threshold (binary), else the most probable class. */
export function _labels(p: Probabilities, output: Exclude<OutputSchema, { task: 'regression' }>): ClassLabel[] {
  const k = p.classes.length;
  const out: ClassLabel[] = new Array(p.rows);
  const positive = output.task === 'binary' && k === 2 ? Math.max(0, p.classes.indexOf(output.positiveLabel ?? p.classes[1])) : -1;
  const threshold = output.threshold ?? 0.5;
  if (positive >= 0) {
    const [yes, no] = [p.classes[positive], p.classes[1 - positive]];
    for (let i = 0; i < p.rows; i++) out[i] = p.data[i * k + positive] >= threshold ? yes : no;
    return out;
  }
  for (let i = 0; i < p.rows; i++) {
    let best = 0;
    for (let j = 1; j < k; j++) if (p.data[i * k + j] > p.data[i * k + best]) best = j;
    out[i] = p.classes[best];
  }
  return out;
}
