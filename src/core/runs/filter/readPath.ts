import { runMessage } from '../messages';
import { FilterSyntaxError } from './error';
import type { PathSegment } from './parse';

/**
 * The value at a path of a row (undefined where any step is missing).
 *
 * @example
 * readPath({ metrics: { auc: 0.9 } }, ['metrics', 'auc']) // 0.9
 */
export function readPath(row: unknown, segments: readonly PathSegment[]): unknown {
  let v: unknown = row;
  for (const s of segments) {
    // Own properties only: `params.constructor` must not reach Object.prototype.
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, s)) return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

/**
 * Throws a FilterSyntaxError when a path does not start with a known field, suggesting the
 * closest one (so `metric.auc` is caught instead of silently matching nothing).
 *
 * @example
 * checkPathRoot(['metric', 'auc'], SUMMARY_FIELDS, 0, 'metric.auc') // throws: Unknown field "metric" (did you mean "metrics"?)
 */
export function checkPathRoot(segments: readonly PathSegment[], fields: readonly string[], pos: number, expression: string): void {
  const root = String(segments[0]);
  if (fields.includes(root)) return;
  throw new FilterSyntaxError(runMessage.filterUnknownField(root, fields, closest(root, fields)), pos, expression);
}

function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(word.length / 3)) + 1;
  for (const o of options) {
    const d = distance(word.toLowerCase(), o.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [o, d];
  }
  return best;
}

function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = row;
  }
  return prev[b.length];
}
