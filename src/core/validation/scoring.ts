import { fromBigInts } from '../args/columns';
import type { ClassLabel, Features, Probabilities, Target } from '../models/contract';
import { accuracyScore, balancedAccuracyScore, logLossScore, meanAbsoluteError, meanSquaredError, precisionRecallF1, r2Score, rocAucScore } from './metrics';
import { validationMessage } from './messages';

/** What a scorer needs from a fitted model. */
export interface ScorableModel {
  kind: 'classifier' | 'regressor' | 'transformer';
  classes?: ClassLabel[];
  predict(x: Features): Promise<ArrayLike<unknown>>;
  predictProba?(x: Features): Promise<Probabilities>;
}

/** Scores a fitted model on held-out data. */
export interface Scorer {
  /** True for accuracy-like scores, false for losses (search ranks accordingly). */
  greaterIsBetter: boolean;
  /** 'predict' uses predictions, 'proba' class probabilities. */
  needs: 'predict' | 'proba';
  compute(yTrue: Target, output: ArrayLike<unknown> | Probabilities, classes: ClassLabel[]): number;
}

/** Built-in scorer names; their definitions follow sklearn.metrics. */
export type ScorerName = 'accuracy' | 'balancedAccuracy' | 'f1' | 'precision' | 'recall' | 'f1Macro' | 'rocAuc' | 'logLoss' | 'r2' | 'mse' | 'rmse' | 'mae';

/** The positive class for binary precision/recall/F1: the second sorted class (sklearn's pos_label for 0/1). */
function averageFor(classes: ClassLabel[]): { average: 'binary'; positive: ClassLabel } | { average: 'macro' } {
  return classes.length === 2 ? { average: 'binary', positive: classes[1] } : { average: 'macro' };
}

const scorers = new Map<string, Scorer>([
  ['accuracy', { greaterIsBetter: true, needs: 'predict', compute: (y, p) => accuracyScore(y, p as ArrayLike<unknown>) }],
  ['balancedAccuracy', { greaterIsBetter: true, needs: 'predict', compute: (y, p) => balancedAccuracyScore(y, p as ArrayLike<unknown>) }],
  ['f1', { greaterIsBetter: true, needs: 'predict', compute: (y, p, c) => precisionRecallF1(y, p as ArrayLike<unknown>, averageFor(c)).f1 }],
  ['precision', { greaterIsBetter: true, needs: 'predict', compute: (y, p, c) => precisionRecallF1(y, p as ArrayLike<unknown>, averageFor(c)).precision }],
  ['recall', { greaterIsBetter: true, needs: 'predict', compute: (y, p, c) => precisionRecallF1(y, p as ArrayLike<unknown>, averageFor(c)).recall }],
  ['f1Macro', { greaterIsBetter: true, needs: 'predict', compute: (y, p) => precisionRecallF1(y, p as ArrayLike<unknown>, { average: 'macro' }).f1 }],
  ['rocAuc', { greaterIsBetter: true, needs: 'proba', compute: (y, p) => rocAucScore(y, p as Probabilities) }],
  ['logLoss', { greaterIsBetter: false, needs: 'proba', compute: (y, p) => logLossScore(y, p as Probabilities) }],
  ['r2', { greaterIsBetter: true, needs: 'predict', compute: (y, p) => r2Score(y as ArrayLike<number>, p as ArrayLike<number>) }],
  ['mse', { greaterIsBetter: false, needs: 'predict', compute: (y, p) => meanSquaredError(y as ArrayLike<number>, p as ArrayLike<number>) }],
  ['rmse', { greaterIsBetter: false, needs: 'predict', compute: (y, p) => Math.sqrt(meanSquaredError(y as ArrayLike<number>, p as ArrayLike<number>)) }],
  ['mae', { greaterIsBetter: false, needs: 'predict', compute: (y, p) => meanAbsoluteError(y as ArrayLike<number>, p as ArrayLike<number>) }],
]);

/**
 * Registers a scorer under a name usable in `scoring` (cross-validation and search). Trials in
 * other processes need it registered there too.
 *
 * @example
 * registerScorer('top2Accuracy', { greaterIsBetter: true, needs: 'proba', compute: (y, p) => … });
 */
export function registerScorer(name: string, scorer: Scorer): void {
  if (typeof name !== 'string' || !name) throw new TypeError(validationMessage.badScorerName);
  if (typeof scorer?.compute !== 'function' || typeof scorer.greaterIsBetter !== 'boolean' || !['predict', 'proba'].includes(scorer.needs)) throw new TypeError(validationMessage.badScorer(name));
  scorers.set(name, scorer);
}

/**
 * The scorer registered under `name`, or an error listing the known names.
 *
 * @example
 * getScorer('rocAuc').greaterIsBetter // true
 */
export function getScorer(name: string): Scorer {
  const s = scorers.get(name);
  if (!s) throw new RangeError(validationMessage.unknownScorer(name, [...scorers.keys()]));
  return s;
}

/**
 * The default metric of a model kind: accuracy for classifiers, R² for regressors (sklearn's score).
 *
 * @example
 * defaultScoring('regressor') // 'r2'
 */
export function defaultScoring(kind: string): string {
  return kind === 'regressor' ? 'r2' : 'accuracy';
}

/**
 * Scores a fitted model on (x, y) with several named scorers, predicting at most once and
 * computing probabilities at most once.
 *
 * @example
 * await scoreModel(model, xTest, yTest, ['accuracy', 'rocAuc']) // { accuracy: 0.91, rocAuc: 0.95 }
 */
export async function scoreModel(model: ScorableModel, x: Features, target: Target, names: readonly string[]): Promise<Record<string, number>> {
  const y = fromBigInts('scoreModel', 'y', target);
  const chosen = names.map((n) => [n, getScorer(n)] as const);
  let predicted: ArrayLike<unknown> | undefined;
  let proba: Probabilities | undefined;
  const out: Record<string, number> = {};
  for (const [name, s] of chosen) {
    if (s.needs === 'proba') {
      if (typeof model.predictProba !== 'function' || model.kind !== 'classifier') throw new TypeError(validationMessage.scorerNeedsProba(name, model.kind));
      proba ??= await model.predictProba(x);
      out[name] = s.compute(y, proba, proba.classes);
    } else {
      predicted ??= await model.predict(x);
      out[name] = s.compute(y, predicted, model.classes ?? []);
    }
  }
  return out;
}
