import type { HistoryPoint, MetricEstimate, MetricInterval } from './contract';
import { runMessage } from './messages';

/**
 * Final metrics as callers pass them (plain numbers, or estimates with an interval) split into the
 * record's `metrics` and `intervals`. Non-finite values become null ("could not be computed").
 *
 * @example
 * splitMetrics({ auc: { value: 0.91, low: 0.88, high: 0.93 }, loss: 0.3 })
 * // { metrics: { auc: 0.91, loss: 0.3 }, intervals: { auc: { low: 0.88, high: 0.93, level: 0.95 } } }
 */
export function splitMetrics(input: Record<string, number | null | MetricEstimate>): { metrics: Record<string, number | null>; intervals: Record<string, MetricInterval> } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new TypeError(runMessage.recorderBadMetrics('logMetrics'));
  const metrics: Record<string, number | null> = {};
  const intervals: Record<string, MetricInterval> = {};
  for (const [name, v] of Object.entries(input)) {
    if (v === null || typeof v === 'number') {
      metrics[name] = finiteOrNull(v);
      continue;
    }
    if (typeof v !== 'object' || !('value' in v) || (v.value !== null && typeof v.value !== 'number')) throw new TypeError(runMessage.recorderBadMetric(name, v));
    metrics[name] = finiteOrNull(v.value);
    if (typeof v.low === 'number' && typeof v.high === 'number' && Number.isFinite(v.low) && Number.isFinite(v.high)) {
      intervals[name] = { low: v.low, high: v.high, level: v.level ?? 0.95, ...(v.method ? { method: v.method } : {}) };
    }
  }
  return { metrics, intervals };
}

/** Significant digits kept for history values (final metrics keep full precision). */
export const HISTORY_DIGITS = 6;

/**
 * One history point from an epoch's metrics, with the same checks as `logEpoch`; values are
 * rounded to 6 significant digits.
 *
 * @example
 * historyPoint(3, { loss: 0.4123456789, valLoss: NaN }) // { epoch: 3, metrics: { loss: 0.412346, valLoss: null } }
 */
export function historyPoint(epoch: number, metrics: Record<string, number | null>, elapsedMs?: number): HistoryPoint {
  if (typeof epoch !== 'number' || !Number.isFinite(epoch) || epoch < 0) throw new RangeError(runMessage.recorderBadEpoch(epoch));
  if (typeof metrics !== 'object' || metrics === null || Array.isArray(metrics)) throw new TypeError(runMessage.recorderBadMetrics('logEpoch'));
  const clean: Record<string, number | null> = {};
  for (const [name, v] of Object.entries(metrics)) {
    if (v !== null && typeof v !== 'number') throw new TypeError(runMessage.recorderBadMetric(name, v));
    // Curves need no more than 6 significant digits; full float text would double the record size.
    const f = finiteOrNull(v);
    clean[name] = f === null ? null : Number(f.toPrecision(HISTORY_DIGITS));
  }
  const point: HistoryPoint = { epoch, metrics: clean };
  if (typeof elapsedMs === 'number' && Number.isFinite(elapsedMs) && elapsedMs >= 0) point.elapsedMs = Math.round(elapsedMs);
  return point;
}

function finiteOrNull(v: number | null): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}
