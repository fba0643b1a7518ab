import type { MetricWarning } from '../metrics/types';
import type { CiView, ComparisonView, EstimateView, MetricView, SliceView } from '../contract';
import { METRIC_INFO } from '../metrics/metricCatalog';
import type { PreparedMetrics } from '../inputs/prepared';
import { _interval, _jackknife, _runBootstrap, type ConfidenceInterval, type ResolvedBootstrap } from '../intervals/bootstrap';
import { _comparePrepared } from '../intervals/compareModels';
import { collectGroups, type Grouping } from '../fairness/groups';
import { _evaluateSlices, type MetricEstimate, type SliceResult } from '../fairness/sliceMetrics';
import { jsonNumber } from '../format';
import { evaluationMessage } from '../messages';

export function ciView(ci: ConfidenceInterval): CiView {
  return { lower: jsonNumber(ci.lower), upper: jsonNumber(ci.upper), level: ci.level, method: ci.method };
}

export function estimateView(e: MetricEstimate): EstimateView {
  return e.ci ? { value: jsonNumber(e.value), ci: ciView(e.ci) } : { value: jsonNumber(e.value) };
}

/** The observed metrics, each with its bootstrap interval when a bootstrap is configured. */
export async function _collectMetricViews(prepared: PreparedMetrics, bootstrap: ResolvedBootstrap | undefined): Promise<{ metrics: MetricView[]; warnings: MetricWarning[] }> {
  const observed = prepared.evaluate();
  const warnings: MetricWarning[] = [];
  let replicates: Float64Array[] | undefined;
  let jackknife: Float64Array[] | undefined;
  if (bootstrap) {
    replicates = await _runBootstrap(prepared.n, prepared.metrics.length, (c) => prepared.evaluate(c), bootstrap, true);
    if (bootstrap.method === 'bca') jackknife = _jackknife(prepared.n, prepared.metrics.length, (c) => prepared.evaluate(c), bootstrap.seed);
  }
  const metrics = prepared.metrics.map((name, j): MetricView => {
    const view: MetricView = { name, label: METRIC_INFO[name].label, value: jsonNumber(observed[j]), higherIsBetter: METRIC_INFO[name].higherIsBetter };
    if (replicates && bootstrap) {
      const r = _interval(replicates[j], observed[j], bootstrap, name, jackknife?.[j]);
      view.ci = ciView(r.ci);
      warnings.push(...r.warnings);
    }
    return view;
  });
  return { metrics, warnings };
}

/** Paired comparisons of model and baseline, as views; without a bootstrap, the differences alone. */
export async function _collectComparisons(
  model: PreparedMetrics,
  baseline: PreparedMetrics,
  bootstrap: ResolvedBootstrap | undefined,
): Promise<{ comparisons: ComparisonView[]; warnings: MetricWarning[] }> {
  if (!bootstrap) {
    const a = model.evaluate();
    const b = baseline.evaluate();
    const comparisons = model.metrics
      .filter((m) => baseline.metrics.includes(m))
      .map((metric): ComparisonView => {
        const x = a[model.metrics.indexOf(metric)];
        const y = b[baseline.metrics.indexOf(metric)];
        return { metric, model: jsonNumber(x), baseline: jsonNumber(y), difference: jsonNumber(x - y), pValue: null, significantlyBetter: false, significantlyWorse: false };
      });
    return { comparisons, warnings: [] };
  }
  const { comparisons, warnings } = await _comparePrepared(model, baseline, bootstrap);
  return {
    warnings,
    comparisons: comparisons.map((c) => ({
      metric: c.metric,
      model: jsonNumber(c.model),
      baseline: jsonNumber(c.baseline),
      difference: jsonNumber(c.difference),
      ci: ciView(c.ci),
      pValue: jsonNumber(c.pValue),
      significantlyBetter: c.significantlyBetter,
      significantlyWorse: c.significantlyWorse,
    })),
  };
}

/** Which slicings to evaluate: the named ones, or every group column plus their intersection. */
export function _resolveSlicings(groups: Record<string, ArrayLike<unknown>> | undefined, slices: (string | string[])[] | undefined, intersections: boolean): string[][] {
  if (!groups) {
    if (slices?.length) throw new RangeError(evaluationMessage.slicesWithoutGroups(JSON.stringify(slices)));
    return [];
  }
  const singles = slices ? slices.filter((s): s is string => typeof s === 'string') : Object.keys(groups);
  const out = slices ? slices.map((s) => (Array.isArray(s) ? s : [s])) : singles.map((s) => [s]);
  if (intersections && singles.length >= 2 && singles.length <= 3 && !out.some((s) => s.length === singles.length && singles.every((c) => s.includes(c)))) out.push(singles);
  return out;
}

/** Every slicing evaluated, as views; `extra` adds task-specific data per group (threshold counts). */
export async function _collectSlices(
  groups: Record<string, ArrayLike<unknown>>,
  slicings: string[][],
  n: number,
  prepareGroup: (rows: Uint32Array) => PreparedMetrics,
  settings: { minGroupSize: number; bootstrap?: ResolvedBootstrap; positive?: Uint8Array; yieldNow: () => Promise<void> },
  extra?: (grouping: Grouping, result: SliceResult, view: SliceView) => void,
): Promise<{ slices: SliceView[]; warnings: MetricWarning[] }> {
  const slices: SliceView[] = [];
  const warnings: MetricWarning[] = [];
  for (let s = 0; s < slicings.length; s++) {
    const grouping = collectGroups(groups, slicings[s], n);
    const result = await _evaluateSlices(grouping, prepareGroup, { ...settings, index: s });
    const view: SliceView = {
      name: grouping.name,
      columns: grouping.columns,
      groups: result.groups.map((g) => ({
        key: g.key,
        values: g.values,
        size: g.size,
        metrics: Object.fromEntries(Object.entries(g.metrics).map(([m, e]) => [m, estimateView(e as MetricEstimate)])),
        warnings: g.warnings,
      })),
    };
    if (result.fairness) view.fairness = Object.fromEntries(Object.entries(result.fairness).map(([m, e]) => [m, estimateView(e as MetricEstimate)]));
    extra?.(grouping, result, view);
    slices.push(view);
    warnings.push(...result.warnings);
  }
  return { slices, warnings };
}

/** Copies of arrays restricted to rows. */
export function subset<T extends Float64Array | Uint8Array | Int32Array>(values: T, rows: Uint32Array): T {
  const out = new (values.constructor as { new (n: number): T })(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = values[rows[k]];
  return out;
}
