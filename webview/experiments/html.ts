/** Text helpers of the Experiments panel's HTML. */
import { formatNumber } from '../../src/core/runs/format';

export function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A table cell's text: dates readable, numbers formatted, objects as JSON. */
export function cellText(v: unknown, kind: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return kind === 'date' ? new Date(v).toISOString() : formatNumber(v);
  if (typeof v === 'string') return kind === 'date' ? v.replace('T', ' ').slice(0, 19) : v;
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
