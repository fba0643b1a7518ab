import type { MetricWarning } from '../metrics/types';
import type { MetricName } from '../metrics/metricCatalog';
import type { PreparedMetrics } from '../inputs/prepared';
import { groupRows, type Grouping } from './groups';
import { _interval, _runBootstrap, type ConfidenceInterval, type ResolvedBootstrap } from '../intervals/bootstrap';
import { _fairnessFromRates, FAIRNESS_METRICS, type FairnessMetricName, type GroupRates } from './fairness';
import { message, warning } from '../messages';

export interface MetricEstimate {
  value: number;
  ci?: ConfidenceInterval;
}

export interface GroupResult {
  key: string;
  values: Record<string, string | number | boolean | null>;
  size: number;
  metrics: Partial<Record<MetricName, MetricEstimate>>;
  warnings: MetricWarning[];
}

export interface SliceResult {
  grouping: Grouping;
  groups: GroupResult[];
  /** Binary only: Fairlearn's fairness metrics between these groups, with stratified-bootstrap CIs. */
  fairness?: Partial<Record<FairnessMetricName, MetricEstimate>>;
  warnings: MetricWarning[];
}

/** Groups with fewer rows are flagged as too small to trust: the default of every slice evaluation and diff. */
export const MIN_GROUP_SIZE = 30;

export interface SliceSettings {
  /** Groups smaller than this are flagged as too small to trust (default MIN_GROUP_SIZE, 30). */
  minGroupSize: number;
  bootstrap?: ResolvedBootstrap;
  /** Index of the slicing, to give each group its own resampling stream. */
  index: number;
  /** For single-class warnings: 1 per positive row (binary), absent otherwise. */
  positive?: Uint8Array;
  /** Checked between groups: a long slice bootstrap must stay interruptible. */
  yieldNow?: () => Promise<void>;
}

/**
 * Metrics per group of one grouping, each with a bootstrap interval from resampling within the
 * group (group sizes fixed: a stratified bootstrap). For binary evaluators, the fairness metrics
 * of the grouping get intervals from the same stratified resamples: replicate b combines every
 * group's replicate b.
 */
export async function _evaluateSlices(grouping: Grouping, prepareGroup: (rows: Uint32Array) => PreparedMetrics, s: SliceSettings): Promise<SliceResult> {
  const rows = groupRows(grouping);
  const groups: GroupResult[] = [];
  const replicates: Float64Array[][] = [];
  const observed: Float64Array[] = [];
  let metrics: readonly MetricName[] = [];
  const warnings: MetricWarning[] = [];
  for (let g = 0; g < rows.length; g++) {
    const key = `${grouping.name}=${grouping.keys[g]}`;
    const prepared = prepareGroup(rows[g]);
    metrics = prepared.metrics;
    const values = prepared.evaluate();
    observed.push(values);
    const result: GroupResult = { key: grouping.keys[g], values: grouping.values[g], size: rows[g].length, metrics: {}, warnings: [] };
    if (rows[g].length < s.minGroupSize) result.warnings.push(warning('small-group', message.smallGroup(key, rows[g].length, s.minGroupSize), { group: key }));
    if (s.positive) {
      let p = 0;
      for (const r of rows[g]) p += s.positive[r];
      if (p === 0 || p === rows[g].length) result.warnings.push(warning('single-class', message.singleClassGroup(key, p === 0 ? 'negative' : 'positive'), { group: key }));
    }
    let reps: Float64Array[] | undefined;
    if (s.bootstrap) {
      const o = { ...s.bootstrap, seed: s.bootstrap.seed + 1_000_003 * (s.index + 1) + 7919 * g, onProgress: undefined };
      reps = await _runBootstrap(prepared.n, prepared.metrics.length, (c) => prepared.evaluate(c), o, true);
      replicates.push(reps);
    }
    prepared.metrics.forEach((m, j) => {
      const est: MetricEstimate = { value: values[j] };
      if (reps && s.bootstrap) {
        const { ci, warnings: w } = _interval(reps[j], values[j], s.bootstrap, m);
        est.ci = ci;
        // Degenerate resamples are expected in tiny groups: one note per group is enough.
        if (w.length && !result.warnings.some((x) => x.code === 'bootstrap-degenerate')) result.warnings.push({ ...w[0], group: key });
      }
      result.metrics[m] = est;
    });
    groups.push(result);
    await s.yieldNow?.();
  }
  for (const g of groups) warnings.push(...g.warnings);
  const out: SliceResult = { grouping, groups, warnings };
  if (metrics.includes('selectionRate') && metrics.includes('recall') && metrics.includes('falsePositiveRate')) {
    out.fairness = fairnessEstimates(metrics, observed, replicates, s.bootstrap);
  }
  return out;
}

function fairnessEstimates(metrics: readonly MetricName[], observed: Float64Array[], replicates: Float64Array[][], o?: ResolvedBootstrap): Partial<Record<FairnessMetricName, MetricEstimate>> {
  const [sr, tpr, fpr] = (['selectionRate', 'recall', 'falsePositiveRate'] as const).map((m) => metrics.indexOf(m));
  const noOverall: GroupRates = { selectionRate: NaN, truePositiveRate: NaN, falsePositiveRate: NaN };
  const value = _fairnessFromRates(
    observed.map((x) => ({ selectionRate: x[sr], truePositiveRate: x[tpr], falsePositiveRate: x[fpr] })),
    noOverall,
  );
  const out: Partial<Record<FairnessMetricName, MetricEstimate>> = {};
  for (const m of FAIRNESS_METRICS) out[m] = { value: value[m] };
  if (!o || replicates.length !== observed.length) return out;
  const series = Object.fromEntries(FAIRNESS_METRICS.map((m) => [m, new Float64Array(o.resamples)])) as Record<FairnessMetricName, Float64Array>;
  for (let b = 0; b < o.resamples; b++) {
    const v = _fairnessFromRates(
      replicates.map((reps) => ({ selectionRate: reps[sr][b], truePositiveRate: reps[tpr][b], falsePositiveRate: reps[fpr][b] })),
      noOverall,
    );
    for (const m of FAIRNESS_METRICS) series[m][b] = v[m];
  }
  for (const m of FAIRNESS_METRICS) out[m] = { value: value[m], ci: _interval(series[m], value[m], { ...o, method: 'percentile' }, m).ci };
  return out;
}
