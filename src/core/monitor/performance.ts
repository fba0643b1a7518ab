/**
 * Performance decay once labels arrive: the evaluation's own metrics with bootstrap intervals on
 * the current batch (core's evaluatePredictions, not re-implemented), against the reference metrics.
 */
import type { ColumnTable } from 'arquero';
import { evaluatePredictions } from '../evaluation/evaluate/fromPredictions';
import type { OutputSchema } from '../package/contract';
import type { MetricComparison, PerformanceReport } from './contract';

/** What `reference/metrics.json` may hold: the evaluation's MetricView list, `{ metrics: [...] }`, or name → value. */
export type ReferenceMetrics = { name: string; value: number | null }[] | { metrics: { name: string; value: number | null }[] } | Record<string, number | null | { value: number | null }>;

/**
 * Reads reference metrics in any of the accepted shapes as name → value.
 *
 * @example
 * referenceMetricValues({ auc: 0.91 }); // Map { 'auc' => 0.91 }
 */
export function referenceMetricValues(m: ReferenceMetrics | undefined): Map<string, number | null> {
  const out = new Map<string, number | null>();
  if (!m || typeof m !== 'object') return out;
  const list = Array.isArray(m) ? m : Array.isArray((m as { metrics?: unknown }).metrics) ? (m as { metrics: { name: string; value: number | null }[] }).metrics : undefined;
  if (list) for (const x of list) out.set(x.name, x.value);
  else for (const [k, v] of Object.entries(m)) out.set(k, typeof v === 'number' || v === null ? v : (v?.value ?? null));
  return out;
}

/**
 * Evaluates the batch's predictions (`scoreColumn`: the positive-class score for binary, the
 * prediction for regression / multiclass) against `labels`.
 *
 * @example
 * await comparePerformance(batch, 'churned', 'score', output, { auc: 0.91 }, { resamples: 200 });
 */
export async function comparePerformance(
  table: ColumnTable,
  labels: string,
  scoreColumn: string,
  output: OutputSchema | undefined,
  reference: ReferenceMetrics | undefined,
  bootstrap: { resamples: number; seed: number },
): Promise<PerformanceReport> {
  const yTrue = table.array(labels) as ArrayLike<unknown> as unknown[];
  const scores = table.array(scoreColumn) as ArrayLike<unknown>;
  const numericScores = scores instanceof Float64Array || (scores.length > 0 && typeof scores[0] === 'number');
  const binary = output?.task === 'binary' || (output === undefined && numericScores && isUnitInterval(scores as ArrayLike<number>));
  const options = {
    bootstrap,
    ...(binary ? { task: 'binary' as const } : {}),
    ...(output?.task === 'binary' && output.positiveLabel !== undefined ? { positiveLabel: output.positiveLabel } : {}),
    ...(output?.task === 'binary' && output.threshold !== undefined ? { threshold: output.threshold } : {}),
  };
  const ev = await evaluatePredictions(binary ? { yTrue: yTrue as never, yScore: scores as ArrayLike<number> } : { yTrue: yTrue as never, yPred: scores as never }, options);
  const ref = referenceMetricValues(reference);
  const metrics: MetricComparison[] = ev.view.metrics.map((m) => {
    const r = ref.get(m.name) ?? null;
    const ci = m.ci ? { lower: m.ci.lower, upper: m.ci.upper, level: m.ci.level } : null;
    const worse = r !== null && ci !== null && (m.higherIsBetter ? ci.upper !== null && ci.upper < r : ci.lower !== null && ci.lower > r);
    return { name: m.name, label: m.label, higherIsBetter: m.higherIsBetter, reference: r, current: m.value, currentCi: ci, delta: r !== null && m.value !== null ? m.value - r : null, worse };
  });
  return { labels, task: ev.view.task as PerformanceReport['task'], rows: table.numRows(), metrics };
}

function isUnitInterval(a: ArrayLike<number>): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] < 0 || a[i] > 1) return false;
  return true;
}
