import type { ClassLabel, Features, Probabilities } from '../../models/contract';
import { isClassifier } from '../../models/contract';
import { _featureFrame, _featureIndex } from '../inputs/featureFrame';
import type { Prediction, Predictor } from '../inputs/scoring';
import { linspace, mquantilesSorted } from '../intervals/quantile';
import { checkInteger, describe } from '../metrics/validate';
import { makeYielder } from '../intervals/bootstrap';
import { kernelService } from '../../kernel/service';
import { evaluationMessage } from '../messages';

export interface PartialDependenceOptions {
  /** Grid points for a numeric feature (default 100); fewer unique values use the values themselves. */
  gridResolution?: number;
  /** Quantiles bounding the numeric grid (default [0.05, 0.95], scipy's mquantiles as scikit-learn). */
  percentiles?: [number, number];
  /** An explicit grid instead. */
  values?: (number | string | boolean)[];
  /** 'average' (default), 'individual' (ICE curves per row) or 'both'. */
  kind?: 'average' | 'individual' | 'both';
  /** Names of Matrix / row columns (default x0, x1, …). */
  featureNames?: string[];
  /** Stops between grid points when aborted (default: the running cell's interrupt signal). */
  signal?: AbortSignal;
}

export interface PartialDependence {
  feature: string;
  grid: (number | string | boolean)[];
  /**
   * Averaged predictions per grid point: one series for regression and binary classification (the
   * positive = second class's probability, as scikit-learn), one per class for multiclass.
   */
  average: { output: string; values: number[] }[];
  /** Per-row predictions (rows × grid) for the first output, with kind 'individual' or 'both'. */
  individual?: number[][];
}

/**
 * Partial dependence of the predictions on one feature (scikit-learn's `partial_dependence`,
 * method 'brute'): for each grid value, set the feature to it in every row, predict, average.
 * Classifiers are read through predictProba; regressors and functions through what they return.
 *
 * @example
 * const pd = await partialDependence(model, test, 'tenure', { gridResolution: 20 });
 * display(buildPartialDependenceSpec(pd));
 */
export async function partialDependence(model: Predictor, x: Features, feature: string | number, options: PartialDependenceOptions = {}): Promise<PartialDependence> {
  const fn = 'partialDependence';
  const frame = _featureFrame(fn, x, options.featureNames);
  const j = _featureIndex(fn, frame, feature);
  const grid = options.values ?? _gridFor(fn, frame.column(j), checkInteger(fn, 'gridResolution', options.gridResolution ?? 100, 2), options.percentiles ?? [0.05, 0.95]);
  const kind = options.kind ?? 'average';
  const yieldNow = makeYielder(options.signal ?? kernelService()?.signal);
  const predict = async (features: Features): Promise<Prediction> => (typeof model === 'function' ? model(features) : isClassifier(model) ? model.predictProba(features) : model.predict(features));
  let outputs: string[] | undefined;
  const average: number[][] = [];
  const individual: number[][] = Array.from({ length: frame.rows }, () => []);
  for (const value of grid) {
    const columns = asSeries(fn, await predict(frame.withColumn(j, new Array(frame.rows).fill(value))), frame.rows);
    outputs ??= columns.map((c) => c.output);
    columns.forEach((c, k) => {
      (average[k] ??= []).push(c.values.reduce((a, b) => a + b, 0) / c.values.length);
    });
    if (kind !== 'average') columns[0].values.forEach((v, i) => individual[i].push(v));
    await yieldNow();
  }
  const out: PartialDependence = { feature: frame.names[j], grid, average: (outputs ?? []).map((output, k) => ({ output, values: average[k] })) };
  if (kind !== 'average') out.individual = individual;
  return out;
}

/** scikit-learn's grid: unique values when fewer than the resolution, else linspace between the quantiles. */
export function _gridFor(fn: string, column: ArrayLike<unknown>, resolution: number, percentiles: [number, number]): (number | string | boolean)[] {
  const values = Array.from(column);
  if (values.some((v) => typeof v !== 'number')) return [...new Set(values as (string | boolean)[])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const sorted = Float64Array.from(values as number[]).sort();
  const unique = [...new Set(sorted)];
  if (unique.length < resolution) return unique;
  const lo = mquantilesSorted(sorted, percentiles[0]);
  const hi = mquantilesSorted(sorted, percentiles[1]);
  if (Math.abs(hi - lo) <= 1e-8 + 1e-5 * Math.abs(hi)) throw new RangeError(evaluationMessage.percentilesEqual(fn, percentiles.join(', ')));
  return Array.from(linspace(lo, hi, resolution));
}

function asSeries(fn: string, p: Prediction, rows: number): { output: string; values: number[] }[] {
  const proba = p as Probabilities;
  if (typeof p === 'object' && p !== null && Array.isArray(proba.classes) && proba.data instanceof Float64Array) {
    const k = proba.classes.length;
    const series = proba.classes.map((c: ClassLabel, j) => ({ output: String(c), values: Array.from({ length: proba.rows }, (_, i) => proba.data[i * k + j]) }));
    return k === 2 ? [series[1]] : series;
  }
  const arr = p as ArrayLike<unknown>;
  if (!arr || arr.length !== rows || typeof arr[0] !== 'number') throw new TypeError(evaluationMessage.badModelOutput(fn, describe(p)));
  return [{ output: 'prediction', values: Array.from(arr as ArrayLike<number>) }];
}
