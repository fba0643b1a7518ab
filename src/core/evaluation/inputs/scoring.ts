import type { ClassLabel, Estimator, Features, Probabilities, Target } from '../../models/contract';
import { isClassifier, isRegressor } from '../../models/contract';
import { METRIC_INFO, isMetricName, type MetricName } from '../metrics/metricCatalog';
import { accuracyScore, balancedAccuracyScore } from '../metrics/accuracy';
import { f1Score, precisionScore, recallScore } from '../metrics/precisionRecallF';
import { matthewsCorrcoef } from '../metrics/matthews';
import { rocAucScore } from '../metrics/rocAuc';
import { averagePrecisionScore } from '../metrics/averagePrecision';
import { logLoss } from '../metrics/logLoss';
import { brierScoreLoss } from '../metrics/brierScore';
import { meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError, medianAbsoluteError, rootMeanSquaredError } from '../metrics/regressionErrors';
import { explainedVarianceScore, r2Score } from '../metrics/r2Score';
import { describe } from '../metrics/validate';
import { evaluationMessage } from '../messages';

/** What a predict function may return: class probabilities, labels, or numbers (regression values or scores). */
export type Prediction = Probabilities | readonly ClassLabel[] | ArrayLike<number>;

/** A fitted model, or any function from features to predictions. */
export type Predictor = Estimator | ((x: Features) => Prediction | Promise<Prediction>);

/** A scorer: a metric name, or a function of (yTrue, prediction) with its direction. */
export type Scoring = MetricName | { score: (yTrue: Target, prediction: Prediction) => number; greaterIsBetter: boolean; name?: string };

const PROBA: readonly MetricName[] = ['auc', 'aucWeighted', 'averagePrecision', 'logLoss', 'brier'];

export interface ResolvedScorer {
  name: string;
  greaterIsBetter: boolean;
  /** Predicts with the right method for the scorer and scores against yTrue. */
  run(x: Features): Promise<number>;
}

/** The scorer for a predictor: default accuracy for classifiers, R² otherwise (as scikit-learn's `score`). */
export function _resolveScorer(fn: string, predictor: Predictor, yTrue: Target, scoring: Scoring | undefined, positiveLabel?: ClassLabel): ResolvedScorer {
  if (typeof predictor !== 'function' && !isClassifier(predictor) && !isRegressor(predictor)) throw new TypeError(evaluationMessage.notAPredictor(fn, describe(predictor)));
  const chosen = scoring ?? (isClassifier(predictor) ? 'accuracy' : 'r2');
  if (typeof chosen === 'object') {
    if (typeof chosen.score !== 'function') throw new TypeError(evaluationMessage.badCustomScoring(fn));
    return { name: chosen.name ?? 'custom', greaterIsBetter: chosen.greaterIsBetter, run: async (x) => chosen.score(yTrue, await predictWith(predictor, x, false)) };
  }
  if (!isMetricName(chosen)) throw new RangeError(evaluationMessage.unknownScoring(fn, JSON.stringify(chosen), Object.keys(METRIC_INFO).join(', ')));
  const needsProba = PROBA.includes(chosen);
  const positive = positiveLabel ?? (isClassifier(predictor) && predictor.classes.length === 2 ? predictor.classes[1] : undefined);
  return { name: chosen, greaterIsBetter: METRIC_INFO[chosen].higherIsBetter, run: async (x) => scoreNamed(fn, chosen, yTrue, await predictWith(predictor, x, needsProba), positive) };
}

async function predictWith(p: Predictor, x: Features, proba: boolean): Promise<Prediction> {
  if (typeof p === 'function') return p(x);
  if (isClassifier(p)) return proba ? p.predictProba(x) : p.predict(x);
  return p.predict(x);
}

function isProbabilities(v: unknown): v is Probabilities {
  return typeof v === 'object' && v !== null && Array.isArray((v as Probabilities).classes) && (v as Probabilities).data instanceof Float64Array;
}

/** Labels from a prediction: as given, or the argmax class of probabilities. */
function labelsOf(p: Prediction): ArrayLike<ClassLabel> {
  if (!isProbabilities(p)) return p as ArrayLike<ClassLabel>;
  const k = p.classes.length;
  return Array.from({ length: p.rows }, (_, i) => {
    let best = 0;
    for (let j = 1; j < k; j++) if (p.data[i * k + j] > p.data[i * k + best]) best = j;
    return p.classes[best];
  });
}

function scoreNamed(fn: string, m: MetricName, y: Target, p: Prediction, positiveLabel?: ClassLabel): number {
  const t = y as ArrayLike<ClassLabel>;
  if (PROBA.includes(m)) {
    if (!isProbabilities(p)) throw new TypeError(evaluationMessage.scoringNeedsProba(fn, m, describe(p)));
    if (m === 'auc' || m === 'aucWeighted') return rocAucScore(t, p, { average: m === 'auc' ? 'macro' : 'weighted' }).value;
    if (m === 'averagePrecision') return averagePrecisionScore(t, p).value;
    if (m === 'logLoss') return logLoss(t, p).value;
    return brierScoreLoss(t, p).value;
  }
  const numeric = p as ArrayLike<number>;
  const yt = y as ArrayLike<number>;
  switch (m) {
    case 'rmse':
      return rootMeanSquaredError(yt, numeric).value;
    case 'mae':
      return meanAbsoluteError(yt, numeric).value;
    case 'mse':
      return meanSquaredError(yt, numeric).value;
    case 'r2':
      return r2Score(yt, numeric).value;
    case 'mape':
      return meanAbsolutePercentageError(yt, numeric).value;
    case 'medianAbsoluteError':
      return medianAbsoluteError(yt, numeric).value;
    case 'explainedVariance':
      return explainedVarianceScore(yt, numeric).value;
    default:
      break;
  }
  const labels = labelsOf(p);
  const classes = new Set([...Array.from(t), ...Array.from(labels)]);
  const average = classes.size > 2 ? ('macro' as const) : ('binary' as const);
  const pos = positiveLabel ?? (isProbabilities(p) && p.classes.length === 2 ? p.classes[1] : undefined);
  const positive = pos !== undefined ? { positiveLabel: pos } : {};
  switch (m) {
    case 'accuracy':
    case 'f1Micro':
      return accuracyScore(t, labels).value;
    case 'balancedAccuracy':
      return balancedAccuracyScore(t, labels).value;
    case 'f1':
      return f1Score(t, labels, { average, ...positive }).value;
    case 'f1Weighted':
      return f1Score(t, labels, { average: 'weighted' }).value;
    case 'precision':
      return precisionScore(t, labels, { average, ...positive }).value;
    case 'precisionWeighted':
      return precisionScore(t, labels, { average: 'weighted' }).value;
    case 'recall':
      return recallScore(t, labels, { average, ...positive }).value;
    case 'recallWeighted':
      return recallScore(t, labels, { average: 'weighted' }).value;
    case 'mcc':
      return matthewsCorrcoef(t, labels).value;
    default:
      throw new RangeError(evaluationMessage.scoringUnavailable(fn, m));
  }
}
