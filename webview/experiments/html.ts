/** Text helpers of the Experiments panel's HTML. */
import { formatNumber } from '../../src/core/text/number';
import { escapeHtml } from '../../src/core/text/html';

/** HTML escaping for the panel's markup: core's one escapeHtml. */
export const esc = escapeHtml;

/** A table cell's text: dates readable, numbers formatted, objects as JSON. */
export function cellText(v: unknown, kind: string): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return kind === 'date' ? new Date(v).toISOString() : formatNumber(v);
  if (typeof v === 'string') return kind === 'date' ? v.replace('T', ' ').slice(0, 19) : v;
  if (typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
