import { fromBigInts } from '../../args/columns';
import type { ColumnTable } from 'arquero';
import type { Estimator, Features, Target } from '../../models/contract';
import { isClassifier, isRegressor } from '../../models/contract';
import type { Predictions } from '../inputs/predictions';
import { _evaluateView, _groupsWithoutBigInts, type EvaluationOptions } from './fromPredictions';
import { Evaluation } from '../view/evaluationResult';
import { describe } from '../metrics/validate';
import type { Normalized } from '../inputs/predictions';
import { _collectEvaluatedRows, type EvaluationWithRows, type RowSource } from './evaluatedRows';
import { evaluationMessage } from '../messages';

/** Test data: an arquero table holding the label (and slice) columns, or features with targets. */
export type EvaluationData = ColumnTable | { x: Features; y: Target; groups?: Record<string, ArrayLike<unknown>> };

export interface EvaluateOptions extends Omit<EvaluationOptions, 'baseline'> {
  /** The target column, when testData is a table. */
  label?: string;
  /** Columns passed to the model (default: every column but the label). */
  features?: string[];
  /** A baseline model (evaluated on the same rows) or its predictions. */
  baseline?: Estimator | Predictions;
  /**
   * A column of unique row ids (tables only; never a feature). A recorded evaluation keeps its
   * predictions by these ids, so a model diff matches rows across revisions even when features
   * change; without it rows are matched by a hash of all their values.
   *
   * @example
   * await evaluate(model, test, { label: 'churn', idColumn: 'customerId' });
   */
  idColumn?: string;
}

/**
 * Evaluates a fitted model on test data, as an ML engineer would sign off: metrics with
 * bootstrap confidence intervals, curves and a threshold table, slices and fairness, a paired
 * comparison with a baseline, and gates. Classifiers are scored through `predictProba`,
 * regressors through `predict`.
 *
 * @param model a fitted model: an estimator (LogisticRegression, MLPClassifier, …) or a Pipeline ending in one
 * @param testData a table with the `label` column (and slice columns), or { x, y, groups? }
 * @param options label, slices, baseline, gates, positiveLabel, threshold (0.5), bootstrap
 *   ({ resamples: 1000, seed: 0, method: 'percentile' }), minGroupSize (30), task, idColumn (unique row ids kept with
 *   recorded predictions for model diffs)
 * @example
 * const ev = await evaluate(model, test, {
 *   label: 'churn', positiveLabel: 'yes', slices: ['sex', 'region'], baseline: oldModel,
 *   gates: ['auc >= 0.8', 'auc drop <= 0.01', 'recall[sex] >= 0.7', 'equalizedOddsDifference <= 0.1'],
 * });
 * ev.passed;       // false when a gate failed
 * ev.toMarkdown(); // for the pull request
 */
export async function evaluate(model: Estimator, testData: EvaluationData, options: EvaluateOptions = {}): Promise<Evaluation> {
  return (await _evaluateWithRows(model, testData, options)).evaluation;
}

/** `evaluate`, also giving the evaluated rows (what the kernel keeps as `<run id>.predictions`). */
export async function _evaluateWithRows(model: Estimator, testData: EvaluationData, options: EvaluateOptions = {}): Promise<EvaluationWithRows> {
  const fn = 'evaluate';
  if (!isClassifier(model) && !isRegressor(model)) throw new TypeError(evaluationMessage.notAModel(fn, describe(model)));
  const { x, y, groups, features } = splitData(fn, testData, options);
  const predictions = await predictionsOf(fn, model, x);
  let baseline: Predictions | undefined;
  if (options.baseline !== undefined) {
    const b = options.baseline;
    if (isClassifier(b) || isRegressor(b)) {
      if (b.kind !== model.kind) throw new TypeError(evaluationMessage.baselineKindDiffers(fn, b.kind, model.kind));
      baseline = await predictionsOf(`${fn} (baseline)`, b, x);
    } else baseline = b;
  }
  let spec: { type: string; params?: Record<string, unknown> } | undefined;
  try {
    spec = model.spec();
  } catch {
    spec = undefined;
  }
  const baselineName = options.baselineName ?? (baseline && (isClassifier(options.baseline) || isRegressor(options.baseline)) ? safeType(options.baseline) : undefined);
  const positiveLabel = options.positiveLabel ?? (isClassifier(model) && model.classes.length === 2 ? model.classes[1] : undefined);
  let kept: { data: Normalized; threshold: number } | undefined;
  const view = await _evaluateView(
    fn,
    { yTrue: y, ...predictions, ...(groups ? { groups } : {}) },
    { ...options, baseline, positiveLabel, ...(baselineName ? { baselineName } : {}) },
    spec,
    (data, threshold) => (kept = { data, threshold }),
  );
  const source: RowSource = isTable(testData)
    ? { table: testData, features: features!, ...(options.idColumn ? { idColumn: options.idColumn } : {}), ...(groups ? { groups } : {}) }
    : { ...(isTable(x) ? { table: x, features: x.columnNames() } : { x }), y: y as ArrayLike<unknown>, ...(groups ? { groups } : {}) };
  return { evaluation: new Evaluation(view), rows: () => _collectEvaluatedRows(kept!.data, kept!.threshold, source) };
}

function safeType(e: Estimator): string | undefined {
  try {
    return e.spec().type;
  } catch {
    return undefined;
  }
}

async function predictionsOf(fn: string, model: Estimator, x: Features): Promise<Predictions> {
  if (isClassifier(model)) {
    const proba = await model.predictProba(x);
    if (!proba || !(proba.data instanceof Float64Array) || !Array.isArray(proba.classes)) throw new TypeError(evaluationMessage.badPredictProba(fn, describe(proba)));
    return { yProba: proba };
  }
  return { yPred: await model.predict(x) };
}

function isTable(v: unknown): v is ColumnTable {
  const t = v as Partial<ColumnTable> | null;
  return typeof t === 'object' && t !== null && typeof t.numRows === 'function' && typeof t.columnNames === 'function' && typeof t.array === 'function';
}

function splitData(fn: string, data: EvaluationData, options: EvaluateOptions): { x: Features; y: Target; groups?: Record<string, ArrayLike<unknown>>; features?: string[] } {
  if (options.idColumn !== undefined && !isTable(data)) throw new TypeError(evaluationMessage.idColumnNeedsTable(fn, describe(data)));
  if (isTable(data)) {
    const names = data.columnNames();
    if (!options.label) throw new TypeError(evaluationMessage.noLabelOption(fn, names.join(', ')));
    if (!names.includes(options.label)) throw new RangeError(evaluationMessage.noLabelColumn(fn, options.label, names.join(', ')));
    if (options.idColumn !== undefined) checkIdColumn(fn, data, options);
    const features = options.features ?? names.filter((c) => c !== options.label && c !== options.idColumn);
    const missing = features.filter((c) => !names.includes(c));
    if (missing.length) throw new RangeError(evaluationMessage.missingFeatures(fn, missing.join(', ')));
    const sliceColumns = [...new Set((options.slices ?? []).flat())];
    const absent = sliceColumns.filter((c) => !names.includes(c));
    if (absent.length) throw new RangeError(evaluationMessage.missingSliceColumns(fn, absent.join(', '), names.join(', ')));
    const groups = sliceColumns.length ? Object.fromEntries(sliceColumns.map((c) => [c, fromBigInts(fn, c, data.array(c) as ArrayLike<unknown>)])) : undefined;
    return { x: data.select(features), y: fromBigInts(fn, options.label, data.array(options.label) as Target), ...(groups ? { groups } : {}), features };
  }
  const d = data as { x?: Features; y?: Target; groups?: Record<string, ArrayLike<unknown>> } | null;
  if (typeof d !== 'object' || d === null || d.x === undefined || d.y === undefined) throw new TypeError(evaluationMessage.badTestData(fn, describe(data)));
  return { x: d.x, y: fromBigInts(fn, 'y', d.y), ...(d.groups ? { groups: _groupsWithoutBigInts(fn, d.groups) } : {}) };
}

/** An id column is a column of the table, not the label nor a feature, with a unique non-empty value per row. */
function checkIdColumn(fn: string, data: ColumnTable, options: EvaluateOptions): void {
  const id = options.idColumn;
  const names = data.columnNames();
  if (typeof id !== 'string' || !names.includes(id)) throw new RangeError(evaluationMessage.badIdColumn(fn, names.join(', '), describe(id)));
  if (id === options.label || options.features?.includes(id)) throw new RangeError(evaluationMessage.idColumnIsInput(fn, id));
  const seen = new Set<string>();
  const values = data.array(id) as ArrayLike<unknown>;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined || v === '') throw new RangeError(evaluationMessage.idEmpty(fn, id, i));
    const key = String(v);
    if (seen.has(key)) throw new RangeError(evaluationMessage.idRepeats(fn, id, JSON.stringify(key)));
    seen.add(key);
  }
}
