import type { MetricName, Task } from '../metrics/metricCatalog';

/**
 * Every metric of a task, ready to be recomputed many times under different row weights: the
 * data are sorted and transformed once, then each `evaluate(counts)` is one or two linear
 * passes. Bootstraps, paired comparisons and slices all go through this.
 */
export interface PreparedMetrics {
  readonly task: Task;
  /** Names of the values `evaluate` returns, in order. */
  readonly metrics: readonly MetricName[];
  /** Number of rows (positions). */
  readonly n: number;
  /**
   * Original row index of each position, when positions are not rows (sorted evaluators built
   * for paired comparisons). Absent: positions are rows, or the order does not matter because
   * the counts are drawn per position (exchangeable rows).
   */
  readonly order?: Uint32Array;
  /** Metric values (in `metrics` order) with position k weighted by counts[k]; absent: every row once. */
  readonly evaluate: (counts?: ArrayLike<number>) => Float64Array;
  /** `evaluate` with position k weighted by counts[index[k]], without a gathered copy where the evaluator can read through the index. */
  readonly evaluateAt?: (counts: ArrayLike<number>, index: Uint32Array) => Float64Array;
}

/** Counts given per original row, reordered into a prepared evaluator's positions. */
export function gatherCounts(prepared: PreparedMetrics, rowCounts: ArrayLike<number>, scratch: Float64Array): ArrayLike<number> {
  const order = prepared.order;
  if (!order) return rowCounts;
  for (let k = 0; k < order.length; k++) scratch[k] = rowCounts[order[k]];
  return scratch;
}
