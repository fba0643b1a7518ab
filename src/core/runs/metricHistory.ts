import type { HistoryPoint, MetricHistory } from './contract';
import { runMessage } from './messages';

/**
 * The stored (columnar) form of logged history points: one array per metric, null where a point
 * lacks a metric; `elapsedMs` only when some point has it; `total` when more were logged.
 *
 * @example
 * toMetricHistory([{ epoch: 1, metrics: { loss: 0.7 } }, { epoch: 2, metrics: { loss: 0.5, valLoss: 0.6 } }])
 * // { epoch: [1, 2], metrics: { loss: [0.7, 0.5], valLoss: [null, 0.6] } }
 */
export function toMetricHistory(points: readonly HistoryPoint[], total?: number): MetricHistory {
  if (!Array.isArray(points)) throw new TypeError(runMessage.needs('toMetricHistory', 'an array of history points'));
  const names = new Set<string>();
  for (const p of points) for (const k in p.metrics) names.add(k);
  const metrics: Record<string, (number | null)[]> = {};
  for (const name of [...names].sort()) metrics[name] = points.map((p) => p.metrics[name] ?? null);
  const out: MetricHistory = { epoch: points.map((p) => p.epoch), metrics };
  if (points.some((p) => p.elapsedMs !== undefined)) out.elapsedMs = points.map((p) => p.elapsedMs ?? null);
  if (total !== undefined && total > points.length) out.total = total;
  return out;
}

/**
 * A stored history as one point per epoch (what charts and tables often want).
 *
 * @example
 * historyPoints(record.history)[0] // { epoch: 1, metrics: { loss: 0.7, valLoss: null } }
 */
export function historyPoints(history: MetricHistory): HistoryPoint[] {
  const names = Object.keys(history.metrics);
  return history.epoch.map((epoch, i) => {
    const point: HistoryPoint = { epoch, metrics: Object.fromEntries(names.map((n) => [n, history.metrics[n][i] ?? null])) };
    const elapsed = history.elapsedMs?.[i];
    if (typeof elapsed === 'number') point.elapsedMs = elapsed;
    return point;
  });
}

/**
 * How many points were logged (more than stored when the history was downsampled).
 *
 * @example
 * historyLength(record.history) // 100000, with 300 points kept
 */
export function historyLength(history: MetricHistory): number {
  return history.total ?? history.epoch.length;
}
