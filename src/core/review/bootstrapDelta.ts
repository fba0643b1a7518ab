import type { MetricDelta } from './contract';
import type { MetricName } from '../evaluation/metrics/metricCatalog';
import { METRIC_INFO } from '../evaluation/metrics/metricCatalog';
import { _interval } from '../evaluation/intervals/bootstrap';
import { _pairedPValue } from '../evaluation/intervals/compareModels';
import { jsonNumber } from '../evaluation/format';

/**
 * A metric's delta (head − base) with the percentile interval of the resampled deltas and the
 * two-sided bootstrap p-value core's paired comparison uses (the share of resampled deltas on the
 * far side of 0, doubled, as (1 + count) / (1 + resamples): never exactly 0, and below
 * 1 − confidence exactly when the percentile interval excludes 0, up to the +1).
 * `baseReps[b]` and `headReps[b]` come from the same resample (paired) or from independent ones
 * (unpaired); resamples where either is undefined (NaN) are left out.
 */
export function _bootstrapDelta(
  name: MetricName,
  base: number,
  head: number,
  baseReps: Float64Array,
  headReps: Float64Array,
  confidence: number,
  method: 'paired-bootstrap' | 'unpaired-bootstrap',
): MetricDelta {
  const diffs = new Float64Array(baseReps.length);
  for (let b = 0; b < diffs.length; b++) diffs[b] = headReps[b] - baseReps[b];
  const delta = head - base;
  const { ci } = _interval(diffs, delta, { method: 'percentile', confidence }, name);
  const pValue = _pairedPValue(diffs);
  const interval: [number, number] | null = Number.isFinite(ci.lower) && Number.isFinite(ci.upper) ? [ci.lower, ci.upper] : null;
  return _deltaView(name, base, head, interval, pValue, method);
}

/**
 * The JSON-able delta with its direction-aware verdict: significant when the interval excludes
 * 0; then 'better' or 'worse' by the metric's direction (log loss lower is better); 'unknown'
 * when either value or the interval is undefined.
 */
export function _deltaView(
  name: MetricName,
  base: number,
  head: number,
  ci: [number, number] | null,
  pValue: number,
  method: MetricDelta['method'],
  significant = ci !== null && (ci[0] > 0 || ci[1] < 0),
): MetricDelta {
  const higherIsBetter = METRIC_INFO[name].higherIsBetter;
  const delta = head - base;
  const known = Number.isFinite(delta) && ci !== null;
  const better = higherIsBetter ? delta > 0 : delta < 0;
  return {
    name,
    base: jsonNumber(base),
    head: jsonNumber(head),
    delta: jsonNumber(delta),
    ci: ci ? [ci[0], ci[1]] : null,
    pValue: jsonNumber(pValue),
    significant: known && significant,
    higherIsBetter,
    verdict: !known ? 'unknown' : significant ? (better ? 'better' : 'worse') : 'unchanged',
    method,
  };
}
