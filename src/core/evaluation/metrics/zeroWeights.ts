import type { MetricResult, SampleWeight } from './types';
import { message, warning } from '../messages';

/**
 * `result`, unless sample weights were given and are all 0: then every row is weighted out and
 * the metric is undefined, so NaN with an 'undefined-metric' warning (as accuracyScore gives on
 * zero total weight), instead of whatever 0 / 0 became inside the metric (NaN silently, or 1 for
 * R²). Call it with the metric's own result so its argument checks still run first.
 *
 * @example
 * _unlessAllWeightsZero([0, 0], 'Mean squared error', 'mse', meanSquaredErrorResult) // { value: NaN, warnings: [undefined-metric] }
 */
export function _unlessAllWeightsZero(sampleWeight: SampleWeight | undefined, what: string, metric: string, result: MetricResult): MetricResult {
  if (sampleWeight === undefined || sampleWeight === null || sampleWeight.length === 0) return result;
  for (let i = 0; i < sampleWeight.length; i++) if (sampleWeight[i] !== 0) return result;
  return { value: NaN, warnings: [warning('undefined-metric', message.zeroWeights(what), { metric })] };
}
