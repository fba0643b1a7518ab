import { kernelService } from '../kernel/service';
import type { Features, FitOptions, Target } from '../models/contract';
import type { CvOption } from './contract';
import { foldSignature, prepareCvData, resolveFolds, takeFeatures, takeTarget } from './cvData';
import { CVResult, type FoldResult } from './cvResult';
import { cloneModel, type Model } from './model';
import { defaultScoring, getScorer, scoreModel } from './scoring';
import { validationMessage } from './messages';

export interface CrossValidateOptions {
  /** The label column's name in `data` (a table), or the target values. */
  label: string | Target;
  /** Folds: a number k (StratifiedKFold for classifiers, KFold otherwise), a splitter, or explicit folds. Default 5. */
  cv?: CvOption;
  /** Metric name(s): 'accuracy', 'rocAuc', 'logLoss', 'r2', 'rmse', … Default accuracy / r2. */
  scoring?: string | readonly string[];
  /** Group per row for GroupKFold: a column name or the values (the column is not a feature). */
  groups?: string | ArrayLike<unknown>;
  /** Also score each fold's model on its own training rows. Default false. */
  returnTrainScore?: boolean;
  /** Stops between folds. Default: the running cell's interrupt signal. */
  signal?: AbortSignal;
  /** Called after each fold. */
  onFold?: (fold: FoldResult) => void;
}

/**
 * Cross-validates a model or pipeline: each fold fits a fresh, unfitted copy on its training
 * rows (a pipeline refits its preprocessing inside the fold) and scores it on the held-out
 * rows. Returns per-fold scores and mean ± sd.
 *
 * @example
 * const cv = await crossValidate(pipe, penguins, { label: 'species', cv: 5, scoring: ['accuracy', 'logLoss'] });
 * cv.mean.accuracy; cv.std.accuracy; cv.table();
 */
export async function crossValidate(model: Model, data: Features, options: CrossValidateOptions): Promise<CVResult> {
  if (typeof (model as { fit?: unknown })?.fit !== 'function') throw new TypeError(validationMessage.badModel('crossValidate', 'with fit and predict'));
  if (typeof options !== 'object' || options === null || options.label === undefined) throw new TypeError(validationMessage.needsLabel('crossValidate'));
  const d = prepareCvData(data, options.label, options.groups, 'crossValidate');
  const kind = model.kind;
  const metrics = typeof options.scoring === 'string' ? [options.scoring] : options.scoring ? [...options.scoring] : [defaultScoring(kind)];
  const directions = Object.fromEntries(metrics.map((m) => [m, getScorer(m).greaterIsBetter]));
  const folds = resolveFolds(options.cv ?? 5, kind, d, 'crossValidate');
  const results: FoldResult[] = [];
  const signal = options.signal ?? kernelService()?.signal;
  for (const [i, fold] of folds.entries()) {
    if (signal?.aborted) throw Object.assign(new Error(validationMessage.interrupted('crossValidate')), { name: 'AbortError' });
    const m = cloneModel(model);
    const t0 = now();
    const fit: FitOptions = { signal };
    await m.fit(takeFeatures(d.x, fold.train), takeTarget(d.y, fold.train), fit);
    const t1 = now();
    const test = await scoreModel(m, takeFeatures(d.x, fold.test), takeTarget(d.y, fold.test), metrics);
    const train = options.returnTrainScore ? await scoreModel(m, takeFeatures(d.x, fold.train), takeTarget(d.y, fold.train), metrics) : undefined;
    const r: FoldResult = { fold: i, trainRows: fold.train.length, testRows: fold.test.length, fitMs: t1 - t0, scoreMs: now() - t1, test, ...(train ? { train } : {}) };
    results.push(r);
    options.onFold?.(r);
    // Let an interrupt (and live output) through between folds.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return new CVResult(model.spec().type, metrics, results, foldSignature(folds), directions);
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
