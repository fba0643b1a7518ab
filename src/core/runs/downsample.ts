import type { HistoryPoint } from './contract';
import { runMessage } from './messages';
import { checkInteger } from '../args/checkInteger';

/** Default cap on history points in a record: keeps a 100k-epoch run's file near 30 KB. */
export const DEFAULT_MAX_HISTORY_POINTS = 300;

/**
 * At most `max` points of a metric history, in epoch order: always the first and the last point
 * and, for every metric, the point of its minimum and of its maximum (so "best epoch" survives),
 * then points spread evenly over the rest. Returns the input unchanged when it is short enough.
 *
 * @example
 * downsampleHistory(points, 300) // ≤ 300 points; includes the epoch of the lowest loss
 */
export function downsampleHistory(points: readonly HistoryPoint[], max: number = DEFAULT_MAX_HISTORY_POINTS): HistoryPoint[] {
  if (!Array.isArray(points)) throw new TypeError(runMessage.needs('downsampleHistory', 'an array of history points'));
  checkInteger('downsampleHistory', 'max', max, 2);
  if (points.length <= max) return points.slice();
  return _downsample(points, max);
}

function _downsample(points: readonly HistoryPoint[], max: number): HistoryPoint[] {
  const keep = new Set<number>([0, points.length - 1]);
  for (const i of extremeIndices(points)) keep.add(i);
  // Extremes of many metrics could exceed the cap; the first/last are added first and survive.
  const mandatory = [...keep].slice(0, max);
  const chosen = new Set(mandatory);
  const free = max - chosen.size;
  if (free > 0) {
    const step = (points.length - 1) / (free + 1);
    for (let k = 1; k <= free; k++) {
      let i = Math.round(k * step);
      // Walk to the nearest index not taken yet, so the count stays exactly `max`.
      while (chosen.has(i) && i < points.length - 1) i++;
      while (chosen.has(i) && i > 0) i--;
      chosen.add(i);
    }
  }
  return [...chosen].sort((a, b) => a - b).map((i) => points[i]);
}

function extremeIndices(points: readonly HistoryPoint[]): number[] {
  const min = new Map<string, [number, number]>();
  const max = new Map<string, [number, number]>();
  for (let i = 0; i < points.length; i++) {
    const m = points[i].metrics;
    for (const name in m) {
      const v = m[name];
      if (typeof v !== 'number' || !Number.isFinite(v)) continue;
      const lo = min.get(name);
      if (!lo || v < lo[0]) min.set(name, [v, i]);
      const hi = max.get(name);
      if (!hi || v > hi[0]) max.set(name, [v, i]);
    }
  }
  return [...min.values(), ...max.values()].map(([, i]) => i);
}
