import type { LabelColumn } from '../../args/columns';
import type { ClassLabel, MetricResult, MetricWarning, SampleWeight } from '../metrics/types';
import { binarize, resolvePositiveLabel, toLabels, uniqueLabels } from '../metrics/labels';
import { checkLengths, checkOneOf, isArrayLike, toWeights } from '../metrics/validate';
import { collectGroups } from './groups';
import { message, warning, evaluationMessage } from '../messages';

export const FAIRNESS_METRICS = [
  'demographicParityDifference',
  'demographicParityRatio',
  'equalizedOddsDifference',
  'equalizedOddsRatio',
  'equalOpportunityDifference',
  'equalOpportunityRatio',
] as const;
export type FairnessMetricName = (typeof FAIRNESS_METRICS)[number];

/** 'between_groups' compares the extreme groups; 'to_overall' compares each group with the whole data. */
export type FairnessMethod = 'between_groups' | 'to_overall';

/** The rates fairness metrics compare; NaN where undefined (no positives for TPR, no negatives for FPR). */
export interface GroupRates {
  selectionRate: number;
  truePositiveRate: number;
  falsePositiveRate: number;
}

export interface FairnessOptions {
  /** The group of each row: one array, or several named arrays (their intersection). */
  sensitiveFeatures: ArrayLike<unknown> | Record<string, ArrayLike<unknown>>;
  /** Default 'between_groups' (Fairlearn's default). */
  method?: FairnessMethod;
  /** The favourable prediction (default: the greater label; string labels must name it). */
  positiveLabel?: ClassLabel;
  sampleWeight?: SampleWeight;
}

/**
 * Fairlearn's fairness metrics from per-group rates (formulas in each public function's JSDoc).
 * Groups where a rate is undefined are left out of that rate's comparison (Fairlearn would count
 * them as 0 with scikit-learn's zero-division warning); with fewer than two groups left the
 * value is NaN.
 */
export function _fairnessFromRates(groups: GroupRates[], overall: GroupRates, method: FairnessMethod = 'between_groups'): Record<FairnessMetricName, number> {
  const diff = (pick: (r: GroupRates) => number): number => {
    const v = groups.map(pick).filter((x) => !Number.isNaN(x));
    if (method === 'to_overall') return v.length ? Math.max(...v.map((x) => Math.abs(x - pick(overall)))) : NaN;
    return v.length >= 2 ? Math.max(...v) - Math.min(...v) : NaN;
  };
  const ratio = (pick: (r: GroupRates) => number): number => {
    const v = groups.map(pick).filter((x) => !Number.isNaN(x));
    if (method === 'to_overall') {
      const o = pick(overall);
      if (!v.length || o === 0 || Number.isNaN(o)) return NaN;
      return Math.min(...v.map((x) => (x / o < 1 ? x / o : o / x)));
    }
    if (v.length < 2) return NaN;
    const max = Math.max(...v);
    return max === 0 ? NaN : Math.min(...v) / max;
  };
  const sr = (r: GroupRates) => r.selectionRate;
  const tpr = (r: GroupRates) => r.truePositiveRate;
  const fpr = (r: GroupRates) => r.falsePositiveRate;
  return {
    demographicParityDifference: diff(sr),
    demographicParityRatio: ratio(sr),
    equalizedOddsDifference: Math.max(diff(tpr), diff(fpr)),
    equalizedOddsRatio: Math.min(ratio(tpr), ratio(fpr)),
    equalOpportunityDifference: diff(tpr),
    equalOpportunityRatio: ratio(tpr),
  };
}

/** Rates from (weighted) confusion counts. */
export function _ratesFromCounts(tp: number, fp: number, fn: number, tn: number): GroupRates {
  const n = tp + fp + fn + tn;
  return {
    selectionRate: n > 0 ? (tp + fp) / n : NaN,
    truePositiveRate: tp + fn > 0 ? tp / (tp + fn) : NaN,
    falsePositiveRate: fp + tn > 0 ? fp / (fp + tn) : NaN,
  };
}

function fairness(fn: string, which: FairnessMetricName, yTrue: unknown, yPred: unknown, options: FairnessOptions): MetricResult {
  if (typeof options !== 'object' || options === null || options.sensitiveFeatures === undefined) throw new TypeError(evaluationMessage.noSensitiveFeatures(fn));
  const t = toLabels(fn, 'yTrue', yTrue);
  const p = toLabels(fn, 'yPred', yPred);
  checkLengths(fn, t.length, { yPred: p });
  const w = toWeights(fn, t.length, options.sampleWeight);
  const method = checkOneOf(fn, 'method', options.method ?? 'between_groups', ['between_groups', 'to_overall'] as const);
  const labels = uniqueLabels(fn, { name: 'yTrue', values: t }, { name: 'yPred', values: p });
  const positive = resolvePositiveLabel(fn, labels, options.positiveLabel);
  const yt = binarize(t, positive);
  const yp = binarize(p, positive);
  const sf = options.sensitiveFeatures;
  const columns = isArrayLike(sf) ? { group: sf } : sf;
  const grouping = collectGroups(columns, Object.keys(columns), t.length);
  const k = grouping.keys.length;
  const counts = new Float64Array(4 * k);
  const total = new Float64Array(4);
  for (let i = 0; i < t.length; i++) {
    const cell = (yt[i] ? 0 : 2) + (yp[i] ? 0 : 1); // tp, fn, fp, tn
    const wi = w ? w[i] : 1;
    counts[4 * grouping.codes[i] + cell] += wi;
    total[cell] += wi;
  }
  const rates = grouping.keys.map((_, g) => _ratesFromCounts(counts[4 * g], counts[4 * g + 2], counts[4 * g + 1], counts[4 * g + 3]));
  const value = _fairnessFromRates(rates, _ratesFromCounts(total[0], total[2], total[1], total[3]), method)[which];
  const warnings: MetricWarning[] = [];
  const undefinedGroups = grouping.keys.filter((_, g) =>
    which.startsWith('demographic') ? false : Number.isNaN(rates[g].truePositiveRate) || (which.startsWith('equalizedOdds') && Number.isNaN(rates[g].falsePositiveRate)),
  );
  if (undefinedGroups.length)
    warnings.push(warning('single-class', `Groups ${undefinedGroups.join(', ')} have only one true class: their undefined rates were left out of ${which}.`, { metric: which }));
  if (Number.isNaN(value)) warnings.push(warning('undefined-metric', message.undefinedRatio(which), { metric: which }));
  return { value, warnings };
}

/**
 * Demographic parity difference (Fairlearn): max_g P(ŷ = 1 | g) − min_g P(ŷ = 1 | g), the gap in
 * selection rate; 'to_overall': max_g |P(ŷ = 1 | g) − P(ŷ = 1)|. 0 is parity.
 *
 * @example
 * demographicParityDifference(yTrue, yPred, { sensitiveFeatures: table.array('sex') }).value;
 */
export function demographicParityDifference(yTrue: LabelColumn, yPred: LabelColumn, options: FairnessOptions): MetricResult {
  return fairness('demographicParityDifference', 'demographicParityDifference', yTrue, yPred, options);
}

/**
 * Demographic parity ratio (Fairlearn): min_g P(ŷ = 1 | g) / max_g P(ŷ = 1 | g); 'to_overall':
 * min_g min(r_g / r, r / r_g). 1 is parity (the "80% rule" asks ≥ 0.8).
 *
 * @example
 * demographicParityRatio(yTrue, yPred, { sensitiveFeatures: { sex, race } }).value;
 */
export function demographicParityRatio(yTrue: LabelColumn, yPred: LabelColumn, options: FairnessOptions): MetricResult {
  return fairness('demographicParityRatio', 'demographicParityRatio', yTrue, yPred, options);
}

/**
 * Equalized odds difference (Fairlearn): the larger of the true positive rate gap
 * max_g TPR_g − min_g TPR_g and the false positive rate gap max_g FPR_g − min_g FPR_g.
 *
 * @example
 * equalizedOddsDifference(yTrue, yPred, { sensitiveFeatures: table.array('sex') }).value;
 */
export function equalizedOddsDifference(yTrue: LabelColumn, yPred: LabelColumn, options: FairnessOptions): MetricResult {
  return fairness('equalizedOddsDifference', 'equalizedOddsDifference', yTrue, yPred, options);
}

/**
 * Equalized odds ratio (Fairlearn): the smaller of min_g TPR_g / max_g TPR_g and min_g FPR_g / max_g FPR_g.
 *
 * @example
 * equalizedOddsRatio(yTrue, yPred, { sensitiveFeatures: table.array('sex') }).value;
 */
export function equalizedOddsRatio(yTrue: LabelColumn, yPred: LabelColumn, options: FairnessOptions): MetricResult {
  return fairness('equalizedOddsRatio', 'equalizedOddsRatio', yTrue, yPred, options);
}

/**
 * Equal opportunity difference (Fairlearn): max_g TPR_g − min_g TPR_g, the gap in recall.
 *
 * @example
 * equalOpportunityDifference(yTrue, yPred, { sensitiveFeatures: table.array('sex') }).value;
 */
export function equalOpportunityDifference(yTrue: LabelColumn, yPred: LabelColumn, options: FairnessOptions): MetricResult {
  return fairness('equalOpportunityDifference', 'equalOpportunityDifference', yTrue, yPred, options);
}

/**
 * Equal opportunity ratio (Fairlearn): min_g TPR_g / max_g TPR_g.
 *
 * @example
 * equalOpportunityRatio(yTrue, yPred, { sensitiveFeatures: table.array('sex') }).value;
 */
export function equalOpportunityRatio(yTrue: LabelColumn, yPred: LabelColumn, options: FairnessOptions): MetricResult {
  return fairness('equalOpportunityRatio', 'equalOpportunityRatio', yTrue, yPred, options);
}
