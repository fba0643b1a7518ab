import { METRIC_INFO, type MetricName } from '../evaluation/metrics/metricCatalog';
import type { JsonValue } from '../runs/contract';
import type { CheckpointDefinition, CheckpointOutcome } from './contract';
import { checkpointMessage as m } from './messages';
import { latestRun, outcome } from './sessionRuns';

/** One comparison as an evaluation record keeps it (`params.baseline.comparisons`). */
interface RecordedComparison {
  metric: string;
  model: number | null;
  baseline: number | null;
  difference: number | null;
  low?: number;
  high?: number;
  level?: number;
}

/**
 * The primary metric of a task when the cell names none: ROC AUC for binary, accuracy for
 * multiclass, RMSE (the first error metric) for regression.
 *
 * @example
 * primaryMetric('binary') // 'auc'
 */
export function primaryMetric(task: JsonValue | undefined): MetricName {
  return task === 'regression' ? 'rmse' : task === 'multiclass' ? 'accuracy' : 'auc';
}

function comparisonsOf(v: JsonValue | undefined): RecordedComparison[] {
  const list = typeof v === 'object' && v !== null && !Array.isArray(v) ? v.comparisons : undefined;
  return Array.isArray(list) ? (list.filter((c) => typeof c === 'object' && c !== null && typeof (c as { metric?: unknown }).metric === 'string') as unknown as RecordedComparison[]) : [];
}

/**
 * The latest evaluation compared the model with a baseline on the primary metric (option `metric`)
 * and the bootstrap interval of the difference lies entirely on the better side of zero.
 *
 * @example
 * await checkpoint('beats-baseline', { metric: 'auc' })
 */
export const beatsBaseline: CheckpointDefinition = {
  id: 'beats-baseline',
  title: m.baselineTitle,
  why: m.baselineWhy,
  check(ctx): CheckpointOutcome {
    const ev = latestRun(ctx.runs, 'evaluation');
    if (!ev) return outcome([m.noEvaluation], [], []);
    const subject = [ev.id];
    const comparisons = comparisonsOf(ev.params.baseline);
    if (comparisons.length === 0) return outcome([m.noBaseline(ev.id)], [], subject);
    const metric = typeof ctx.options.metric === 'string' ? ctx.options.metric : primaryMetric(ev.params.task);
    const c = comparisons.find((x) => x.metric === metric);
    if (!c)
      return outcome(
        [
          m.noComparison(
            metric,
            comparisons.map((x) => x.metric),
          ),
        ],
        [],
        subject,
      );
    if (typeof c.low !== 'number' || typeof c.high !== 'number' || c.difference === null) return outcome([m.bareEstimate(metric, c.difference)], [], subject);
    const higherIsBetter = METRIC_INFO[metric as MetricName]?.higherIsBetter ?? true;
    const line = m.beats(metric, c.model, c.baseline, c.low, c.high, c.level ?? 0.95);
    const better = higherIsBetter ? c.low > 0 : c.high < 0;
    return outcome(better ? [] : [m.notBetter(metric, c.difference, c.low, c.high, higherIsBetter)], [line], subject);
  },
};
