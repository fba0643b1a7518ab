import { fromBigInts } from '../../args/columns';
import type { ClassLabel, Features, Target } from '../../models/contract';
import { _featureFrame, _featureIndex } from '../inputs/featureFrame';
import { _resolveScorer, type Predictor, type Scoring } from '../inputs/scoring';
import { _createRng } from '../random';
import { checkInteger, checkNumber } from '../metrics/validate';
import { makeYielder } from '../intervals/bootstrap';
import { kernelService } from '../../kernel/service';
import { evaluationMessage } from '../messages';

export interface PermutationImportanceOptions {
  /** Metric name or { score, greaterIsBetter } (default: 'accuracy' for classifiers, 'r2' otherwise). */
  scoring?: Scoring;
  /** Shuffles per feature (default 5). */
  nRepeats?: number;
  /** Seed of the shuffles (default 0); every feature sees the same sequence of permutations, as in scikit-learn. */
  seed?: number;
  /** Features to score, by name or index (default: all). */
  features?: (string | number)[];
  /** Names of Matrix / row columns (default x0, x1, …). */
  featureNames?: string[];
  /** Binary label metrics: the positive class (default: the classifier's second class). */
  positiveLabel?: ClassLabel;
  /** Stops between predictions when aborted (default: the running cell's interrupt signal). */
  signal?: AbortSignal;
}

export interface FeatureImportance {
  feature: string;
  /** Mean drop in score when the feature is shuffled (positive = the model relies on it). */
  importanceMean: number;
  /** Population standard deviation over the repeats, as scikit-learn. */
  importanceStd: number;
  importances: number[];
}

export interface PermutationImportance {
  scoring: string;
  baselineScore: number;
  nRepeats: number;
  seed: number;
  /** Sorted by importanceMean, largest first. */
  features: FeatureImportance[];
}

/**
 * Permutation feature importance (scikit-learn's `permutation_importance`): how much the score
 * worsens when one feature's values are shuffled across rows, repeated `nRepeats` times.
 * For losses (log loss, RMSE …) "worse" means higher, so importances stay positive for useful
 * features. Model-agnostic: any fitted model or predict function over a table or Matrix.
 *
 * @example
 * const imp = await permutationImportance(model, test.select(features), test.array('churn'), { scoring: 'auc', nRepeats: 10, seed: 1 });
 * imp.features[0]; // { feature: 'tenure', importanceMean: 0.12, importanceStd: 0.01, importances: [...] }
 */
export async function permutationImportance(model: Predictor, x: Features, target: Target, options: PermutationImportanceOptions = {}): Promise<PermutationImportance> {
  const fn = 'permutationImportance';
  const y = fromBigInts(fn, 'y', target);
  const frame = _featureFrame(fn, x, options.featureNames);
  if (!y || (y as ArrayLike<unknown>).length !== frame.rows) throw new RangeError(evaluationMessage.yLengthDiffers(fn, (y as ArrayLike<unknown>)?.length, frame.rows));
  const nRepeats = checkInteger(fn, 'nRepeats', options.nRepeats ?? 5, 1);
  const seed = checkNumber(fn, 'seed', options.seed ?? 0);
  const scorer = _resolveScorer(fn, model, y, options.scoring, options.positiveLabel);
  const which = (options.features ?? frame.names).map((f) => _featureIndex(fn, frame, f));
  const yieldNow = makeYielder(options.signal ?? kernelService()?.signal);
  const baselineScore = await scorer.run(x);
  const sign = scorer.greaterIsBetter ? 1 : -1;
  const features: FeatureImportance[] = [];
  for (const j of which) {
    const rng = _createRng(seed);
    const original = frame.column(j);
    const order = new Uint32Array(frame.rows).map((_, i) => i);
    const importances: number[] = [];
    for (let r = 0; r < nRepeats; r++) {
      rng.shuffle(order);
      const permuted = Array.from(order, (i) => original[i]);
      const score = await scorer.run(frame.withColumn(j, permuted));
      importances.push(sign * (baselineScore - score));
      await yieldNow();
    }
    const mean = importances.reduce((a, b) => a + b, 0) / nRepeats;
    const std = Math.sqrt(importances.reduce((a, b) => a + (b - mean) ** 2, 0) / nRepeats);
    features.push({ feature: frame.names[j], importanceMean: mean, importanceStd: std, importances });
  }
  features.sort((a, b) => b.importanceMean - a.importanceMean);
  return { scoring: scorer.name, baselineScore, nRepeats, seed, features };
}
