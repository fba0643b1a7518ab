import type { MetricWarning } from '../metrics/types';
import type { MetricName } from '../metrics/metricCatalog';
import { METRIC_INFO } from '../metrics/metricCatalog';
import { gatherCounts, type PreparedMetrics } from '../inputs/prepared';
import { _interval, _runBootstrap, resolveBootstrap, type BootstrapOptions, type ConfidenceInterval } from './bootstrap';
import { evaluationMessage } from '../messages';

export interface MetricComparison {
  metric: MetricName;
  model: number;
  baseline: number;
  /** model − baseline. */
  difference: number;
  /** Interval of the difference over paired resamples (the same rows for both models). */
  ci: ConfidenceInterval;
  /**
   * Two-sided bootstrap p-value of "no difference": the share of resampled differences on the
   * far side of 0, doubled, as (1 + count) / (1 + resamples) so it is never exactly 0. It is the
   * inversion of the percentile interval: p < 1 − level when the interval excludes 0 (up to the +1).
   */
  pValue: number;
  /** True when the model is better (per the metric's direction) and the interval excludes 0. */
  significantlyBetter: boolean;
  significantlyWorse: boolean;
}

/**
 * Paired bootstrap of model − baseline for every metric both evaluators compute: each resample
 * weights the same rows for both models (rows must be the same, in the same order), so the
 * interval reflects the models' difference rather than two independent noises.
 */
export async function _comparePrepared(model: PreparedMetrics, baseline: PreparedMetrics, options: BootstrapOptions = {}): Promise<{ comparisons: MetricComparison[]; warnings: MetricWarning[] }> {
  if (model.n !== baseline.n) throw new RangeError(evaluationMessage.compareRowsDiffer(model.n, baseline.n));
  const names = model.metrics.filter((m) => baseline.metrics.includes(m));
  const ia = names.map((m) => model.metrics.indexOf(m));
  const ib = names.map((m) => baseline.metrics.indexOf(m));
  const o = resolveBootstrap('compare', options, model.n);
  const observedA = model.evaluate();
  const observedB = baseline.evaluate();
  const scratchA = new Float64Array(model.n);
  const scratchB = new Float64Array(baseline.n);
  const diffs = await _runBootstrap(
    model.n,
    names.length,
    (counts) => {
      const a = model.evaluate(gatherCounts(model, counts, scratchA));
      const b = baseline.evaluate(gatherCounts(baseline, counts, scratchB));
      return names.map((_, j) => a[ia[j]] - b[ib[j]]);
    },
    o,
    true,
  );
  const warnings: MetricWarning[] = [];
  const comparisons = names.map((metric, j): MetricComparison => {
    const difference = observedA[ia[j]] - observedB[ib[j]];
    const { ci, warnings: w } = _interval(diffs[j], difference, { ...o, method: 'percentile' }, `${metric} difference`);
    warnings.push(...w);
    const pValue = _pairedPValue(diffs[j]);
    const better = METRIC_INFO[metric].higherIsBetter ? difference > 0 : difference < 0;
    const excludesZero = ci.lower > 0 || ci.upper < 0;
    return {
      metric,
      model: observedA[ia[j]],
      baseline: observedB[ib[j]],
      difference,
      ci,
      pValue,
      significantlyBetter: excludesZero && better,
      significantlyWorse: excludesZero && !better && difference !== 0,
    };
  });
  return { comparisons, warnings };
}

/** Two-sided p-value from resampled differences: 2·min(#≤0, #≥0), with the +1 correction. */
export function _pairedPValue(diffs: Float64Array): number {
  let le = 0;
  let ge = 0;
  let valid = 0;
  for (const d of diffs) {
    if (Number.isNaN(d)) continue;
    valid++;
    if (d <= 0) le++;
    if (d >= 0) ge++;
  }
  if (valid === 0) return NaN;
  return Math.min(1, (2 * (1 + Math.min(le, ge))) / (valid + 1));
}
