import type { PredictionSet } from '../review/contract';
import { demographicParityDifference, demographicParityRatio, equalizedOddsDifference, equalOpportunityDifference, type FairnessOptions } from '../evaluation/fairness/fairness';
import type { MetricResult } from '../evaluation/metrics/types';
import { CARD_FAIRNESS_METRICS, type CardFairness, type CardFairnessMetric, type Sourced } from './contract';

type FairnessFn = (yTrue: ArrayLike<string | number>, yPred: ArrayLike<string | number>, options: FairnessOptions) => MetricResult;

const FUNCTIONS: Record<CardFairnessMetric, FairnessFn> = {
  demographicParityDifference,
  demographicParityRatio,
  equalizedOddsDifference,
  equalOpportunityDifference,
};

/**
 * Fairness metrics per sensitive attribute, from an evaluation's kept predictions, with core's
 * fairness functions (Fairlearn's definitions, 'between_groups'). The attributes are the declared
 * ones (`problem().sensitiveAttributes`), else every slice column; a declared attribute the
 * evaluation kept no slice of, or a task that is not binary, is listed without metrics and says why.
 * NaN (undefined, e.g. a single group) becomes null.
 *
 * @example
 * collectCardFairness(set, run.id, ['sex'])
 * // [{ attribute: 'sex', declared: true, groups: 2, metrics: { demographicParityDifference: { value: 0.12, source: { runId, field: 'predictions.fairness.sex.demographicParityDifference' } }, … } }]
 */
export function collectCardFairness(set: PredictionSet, runId: string, declared: readonly string[] = []): CardFairness[] {
  const sliced = Object.keys(set.slices ?? {});
  const attributes = declared.length ? [...new Set(declared)].sort() : [...sliced].sort();
  return attributes.map((attribute) => {
    const base = { attribute, declared: declared.length > 0 };
    const groups = set.slices?.[attribute];
    if (!groups) return { ...base, reason: 'not-sliced' };
    if (set.task !== 'binary' || set.positiveLabel === undefined) return { ...base, reason: 'not-binary' };
    const yTrue = set.yTrue.map(String);
    const yPred = set.yPred.map(String);
    const options: FairnessOptions = { sensitiveFeatures: groups, positiveLabel: set.positiveLabel };
    const metrics = {} as Record<CardFairnessMetric, Sourced<number | null>>;
    for (const name of CARD_FAIRNESS_METRICS) {
      const value = valueOf(FUNCTIONS[name], yTrue, yPred, options);
      metrics[name] = { value: Number.isFinite(value) ? value : null, source: { runId, field: `predictions.fairness.${attribute}.${name}` } };
    }
    return { ...base, groups: new Set(groups.map((g) => g ?? null)).size, metrics };
  });
}

/** The metric's value, NaN when it cannot be computed (e.g. the positive label never occurs in these rows). */
function valueOf(fn: FairnessFn, yTrue: string[], yPred: string[], options: FairnessOptions): number {
  try {
    return fn(yTrue, yPred, options).value;
  } catch {
    return NaN;
  }
}
