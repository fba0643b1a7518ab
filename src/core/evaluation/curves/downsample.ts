import type { CurveView } from '../contract';
import { jsonNumber } from '../format';

/**
 * Points of a curve to draw, at most `maxPoints`: the first and last, and every point at least
 * 1/(maxPoints − 2) of the curve's L1 length from the last one kept. Every kept point is an exact
 * point of the curve (no smoothing), and steps and bends survive because they carry length.
 */
export function _downsampleIndices(x: ArrayLike<number>, y: ArrayLike<number>, maxPoints: number): number[] {
  const n = x.length;
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => i);
  let length = 0;
  for (let i = 1; i < n; i++) length += Math.abs(x[i] - x[i - 1]) + Math.abs(y[i] - y[i - 1]);
  const step = length / Math.max(1, maxPoints - 2);
  const keep = [0];
  let lastX = x[0];
  let lastY = y[0];
  for (let i = 1; i < n - 1; i++) {
    if (Math.abs(x[i] - lastX) + Math.abs(y[i] - lastY) >= step) {
      keep.push(i);
      lastX = x[i];
      lastY = y[i];
    }
  }
  keep.push(n - 1);
  return keep;
}

/** A curve for the view: downsampled, JSON-safe (NaN and Infinity become null). */
export function _curveView(x: ArrayLike<number>, y: ArrayLike<number>, thresholds: ArrayLike<number | null>, area: number, maxPoints: number): CurveView {
  const keep = _downsampleIndices(x, y, maxPoints);
  return {
    x: keep.map((i) => jsonNumber(x[i]) ?? 0),
    y: keep.map((i) => jsonNumber(y[i]) ?? 0),
    thresholds: keep.map((i) => {
      const t = thresholds[i];
      return t === null ? null : jsonNumber(t);
    }),
    points: x.length,
    area: jsonNumber(area),
  };
}
