import { runMessage } from './messages';
import { escapeHtml } from '../text/html';

/**
 * An SVG sparkline of a series (a metric over epochs): one line, gaps where values are missing,
 * a dot on the last point. Self-contained markup (no scripts, no external styles) that takes the
 * surrounding text colour.
 *
 * @example
 * buildSparkline([0.69, 0.52, 0.41, 0.38]) // '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="18" …'
 */
export function buildSparkline(values: readonly (number | null)[], options: { width?: number; height?: number; label?: string } = {}): string {
  if (!Array.isArray(values)) throw new TypeError(runMessage.needs('buildSparkline', 'an array of numbers (null for gaps)'));
  const width = options.width ?? 80;
  const height = options.height ?? 18;
  const finite = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const label = escapeHtml(options.label ?? 'sparkline');
  const open = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">`;
  if (finite.length === 0) return `${open}</svg>`;
  const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
  const pad = 2;
  const x = (i: number) => (values.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (values.length - 1));
  const y = (v: number) => (hi === lo ? height / 2 : height - pad - ((v - lo) * (height - 2 * pad)) / (hi - lo));
  let d = '';
  let drawing = false;
  let last: [number, number] | undefined;
  values.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) return void (drawing = false);
    const [px, py] = [round(x(i)), round(y(v))];
    d += `${drawing ? 'L' : 'M'}${px} ${py}`;
    drawing = true;
    last = [px, py];
  });
  const dot = last ? `<circle cx="${last[0]}" cy="${last[1]}" r="1.8" fill="currentColor"/>` : '';
  return `${open}<path d="${d}" fill="none" stroke="currentColor" stroke-width="1.2" stroke-linejoin="round"/>${dot}</svg>`;
}

const BARS = '▁▂▃▄▅▆▇█';

/**
 * A text sparkline ('▇▅▃▂▁') for plain-text outputs and terminals, at most `width` characters
 * (longer series are averaged into buckets).
 *
 * @example
 * textSparkline([0.69, 0.52, 0.41, 0.38]) // '█▄▂▁'
 */
export function textSparkline(values: readonly (number | null)[], width = 16): string {
  const buckets: (number | null)[] = [];
  const n = values.length;
  const size = Math.max(1, n / width);
  for (let b = 0; b * size < n; b++) {
    const slice = values.slice(Math.floor(b * size), Math.floor((b + 1) * size) || 1).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    buckets.push(slice.length ? slice.reduce((a, c) => a + c, 0) / slice.length : null);
  }
  const finite = buckets.filter((v): v is number => v !== null);
  if (!finite.length) return '';
  const [lo, hi] = [Math.min(...finite), Math.max(...finite)];
  return buckets.map((v) => (v === null ? ' ' : BARS[hi === lo ? 3 : Math.round(((v - lo) / (hi - lo)) * (BARS.length - 1))])).join('');
}

function round(v: number): number {
  return Math.round(v * 10) / 10;
}
