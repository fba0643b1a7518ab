import { fromBigInts } from '../../args/columns';
import type { ClassLabel } from '../metrics/types';
import type { Task } from '../metrics/metricCatalog';
import type { Gate } from '../gates/gateTypes';
import type { EvaluationView } from '../contract';
import { EVALUATION_VIEW_KIND, EVALUATION_VIEW_VERSION } from '../contract';
import { makeYielder, resolveBootstrap, type BootstrapOptions } from '../intervals/bootstrap';
import { inferTask, normalizePredictions, type Normalized, type Predictions, type PredictionsInput } from '../inputs/predictions';
import { _collectBinary, type CollectSettings } from '../view/collectBinary';
import { _collectMulticlass } from '../view/collectMulticlass';
import { _collectRegression } from '../view/collectRegression';
import { _resolveSlicings } from '../view/collectCommon';
import { evaluateGates } from '../gates/gates';
import { parseGate } from '../gates/parseGate';
import { checkInteger, checkNumber, checkOneOf, describe, isArrayLike } from '../metrics/validate';
import { _collectEvaluatedRows, type EvaluationWithRows, type RowSource } from './evaluatedRows';
import { MIN_GROUP_SIZE } from '../fairness/sliceMetrics';
import { Evaluation } from '../view/evaluationResult';
import { kernelService } from '../../kernel/service';
import { evaluationMessage } from '../messages';

export interface EvaluationOptions {
  /** 'binary' | 'multiclass' | 'regression' (default: inferred: yScore → binary; yProba → by its columns; yPred → regression when non-integer or > 50 distinct numbers, else by the labels). */
  task?: Task;
  /** Binary: the positive class (default: the model's second class, else the greater label). */
  positiveLabel?: ClassLabel;
  /** Binary: predict positive when score ≥ threshold (default 0.5). */
  threshold?: number;
  /** Group columns to slice by; an array names an intersection, e.g. ['sex', ['sex', 'island']]. Default: every group column. */
  slices?: (string | string[])[];
  /** Add the intersection of the single-column slices when there are 2–3 of them (default true). */
  intersections?: boolean;
  /** Predictions of a baseline model on the same rows, for paired comparisons and relative gates. */
  baseline?: Predictions;
  baselineName?: string;
  /** The evaluated model's name in reports (default 'model'). */
  name?: string;
  /** Gates to judge, e.g. ['auc >= 0.8', 'auc drop <= 0.01', 'recall[sex] >= 0.7']. */
  gates?: Gate[];
  /** Bootstrap intervals (default { resamples: 1000, seed: 0, method: 'percentile' }); false: no resampling at all (no intervals, baseline differences without p-values). */
  bootstrap?: BootstrapOptions | false;
  /** Groups smaller than this are flagged and skipped by slice gates (default 30). */
  minGroupSize?: number;
  /** Most points per drawn curve (default 500). */
  maxCurvePoints?: number;
  /** Most rows of the threshold table (default 1000). */
  thresholdRows?: number;
  /** Bins of the calibration curve and the ECE (default 10, equal width). */
  calibrationBins?: number;
  /** Stops the bootstrap when aborted (default: the running cell's interrupt signal). */
  signal?: AbortSignal;
}

/**
 * Evaluates predictions you already have: metrics with bootstrap intervals, curves, a threshold
 * table, slices and fairness, a paired comparison with a baseline, and gates. The task follows
 * from the inputs (yScore → binary; yProba → binary or multiclass; numeric yPred → regression)
 * unless `task` says otherwise.
 *
 * @example
 * const ev = await evaluatePredictions(
 *   { yTrue: test.array('churn'), yScore: scores, groups: { sex: test.array('sex') } },
 *   { positiveLabel: 'yes', gates: ['auc >= 0.8', 'recall[sex] >= 0.7'], bootstrap: { resamples: 1000, seed: 1 } },
 * );
 * ev.passed; // false when a gate failed
 */
export async function evaluatePredictions(input: PredictionsInput, options: EvaluationOptions = {}): Promise<Evaluation> {
  return (await _evaluatePredictionsWithRows(input, options)).evaluation;
}

/** `evaluatePredictions`, also giving the evaluated rows (what the kernel keeps as `<run id>.predictions`). */
export async function _evaluatePredictionsWithRows(given: PredictionsInput, options: EvaluationOptions = {}): Promise<EvaluationWithRows> {
  const fn = 'evaluatePredictions';
  if (typeof given !== 'object' || given === null) throw new TypeError(evaluationMessage.badPredictionsInput(fn, describe(given)));
  const input = withoutBigInts(fn, given);
  if (typeof options !== 'object' || options === null) throw new TypeError(evaluationMessage.optionsNotObject(fn, describe(options)));
  if (input.ids !== undefined) checkIds(fn, input.ids, input.yTrue?.length);
  let kept: { data: Normalized; threshold: number } | undefined;
  const view = await _evaluateView(fn, input, options, undefined, (data, threshold) => (kept = { data, threshold }));
  const source: RowSource = { y: input.yTrue as ArrayLike<unknown>, ...(input.ids ? { ids: input.ids } : {}), ...(input.groups ? { groups: input.groups } : {}) };
  return { evaluation: new Evaluation(view), rows: () => _collectEvaluatedRows(kept!.data, kept!.threshold, source) };
}

/** The columns of `input` with their bigints as numbers (fromBigInts); ids stay as given, String() reads them exactly. */
function withoutBigInts(fn: string, input: PredictionsInput): PredictionsInput {
  const out: PredictionsInput = { ...input, yTrue: fromBigInts(fn, 'yTrue', input.yTrue) };
  if (input.yPred !== undefined) out.yPred = fromBigInts(fn, 'yPred', input.yPred);
  if (input.yScore !== undefined) out.yScore = fromBigInts(fn, 'yScore', input.yScore);
  if (input.groups !== undefined) out.groups = _groupsWithoutBigInts(fn, input.groups);
  return out;
}

/** Group columns with their bigints as numbers, so an int64 column slices like any number column. */
export function _groupsWithoutBigInts(fn: string, groups: Record<string, ArrayLike<unknown>>): Record<string, ArrayLike<unknown>> {
  if (typeof groups !== 'object' || groups === null) return groups;
  return Object.fromEntries(Object.entries(groups).map(([name, values]) => [name, fromBigInts(fn, `groups.${name}`, values)]));
}

function checkIds(fn: string, ids: unknown, n: number | undefined): void {
  if (!isArrayLike(ids) || ids.length !== n) throw new TypeError(evaluationMessage.idsLength(fn, String(n), describe(ids)));
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    const key = String(ids[i]);
    if (ids[i] === null || ids[i] === undefined || seen.has(key)) throw new RangeError(evaluationMessage.idsNotUnique(fn, i, JSON.stringify(ids[i] ?? null)));
    seen.add(key);
  }
}

/** `keep` sees the normalized predictions (a recording host keeps them for diffs, see evaluatedRows.ts). */
export async function _evaluateView(
  fn: string,
  input: PredictionsInput,
  options: EvaluationOptions,
  model?: EvaluationView['model'],
  keep?: (data: Normalized, threshold: number) => void,
): Promise<EvaluationView> {
  const task = options.task !== undefined ? checkOneOf(fn, 'task', options.task, ['binary', 'multiclass', 'regression'] as const) : inferTask(fn, input);
  const threshold = checkNumber(fn, 'threshold', options.threshold ?? 0.5);
  const gates = (options.gates ?? []).map(parseGate);
  const data = normalizePredictions(fn, task, input, options.positiveLabel);
  const n = rowsOf(data);
  keep?.(data, threshold);
  const signal = options.signal ?? kernelService()?.signal;
  const bootstrap = options.bootstrap === false ? undefined : resolveBootstrap(fn, { ...(options.bootstrap ?? {}), signal }, n);
  const minGroupSize = checkInteger(fn, 'minGroupSize', options.minGroupSize ?? MIN_GROUP_SIZE, 1);
  const settings: CollectSettings = {
    threshold,
    bootstrap,
    groups: input.groups,
    slicings: _resolveSlicings(input.groups, options.slices, options.intersections ?? true),
    minGroupSize,
    maxCurvePoints: checkInteger(fn, 'maxCurvePoints', options.maxCurvePoints ?? 500, 10),
    thresholdRows: checkInteger(fn, 'thresholdRows', options.thresholdRows ?? 1000, 10),
    calibrationBins: checkInteger(fn, 'calibrationBins', options.calibrationBins ?? 10, 1),
    yieldNow: makeYielder(signal),
  };
  const baselineName = options.baselineName ?? 'baseline';
  const base = options.baseline !== undefined ? normalizePredictions(fn, task, { ...options.baseline, yTrue: input.yTrue }, options.positiveLabel, data) : undefined;
  let parts: Partial<EvaluationView>;
  if (data.task === 'binary') parts = await _collectBinary(data, settings, base?.task === 'binary' ? { data: base, name: baselineName } : undefined);
  else if (data.task === 'multiclass') parts = await _collectMulticlass(data, settings, base?.task === 'multiclass' ? { data: base, name: baselineName } : undefined);
  else parts = await _collectRegression(data, { ...settings, seed: bootstrap?.seed ?? 0 }, base?.task === 'regression' ? { data: base, name: baselineName } : undefined);
  const view: EvaluationView = {
    kind: EVALUATION_VIEW_KIND,
    version: EVALUATION_VIEW_VERSION,
    task,
    name: options.name ?? (model?.type ? model.type : 'model'),
    ...(model ? { model } : {}),
    rows: n,
    ...parts,
    metrics: parts.metrics ?? [],
    curves: parts.curves ?? {},
    slices: parts.slices ?? [],
    gates: [],
    passed: true,
    ...(bootstrap ? { bootstrap: { resamples: bootstrap.resamples, seed: bootstrap.seed, method: bootstrap.method, confidence: bootstrap.confidence, sampling: bootstrap.sampling } } : {}),
    warnings: dedupe(parts.warnings ?? []),
  };
  view.gates = evaluateGates(view, gates, { minGroupSize });
  view.passed = view.gates.every((g) => g.passed);
  return view;
}

function rowsOf(d: Normalized): number {
  return d.task === 'binary' ? d.positive.length : d.task === 'multiclass' ? d.trueCodes.length : d.yTrue.length;
}

function dedupe<T extends { code: string; message: string }>(warnings: T[]): T[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}\u0000${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
