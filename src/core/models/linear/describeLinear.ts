import type { MimeBundle } from '../../notebook/contract';
import { escapeHtml } from '../../text/html';
import { formatNumber } from '../../text/number';

/** What a fitted linear model shows in a cell: its coefficients per feature. */
export interface CoefficientView {
  title: string;
  /** One label per coefficient row (the class for multiclass models, '' for one row). */
  rowLabels: string[];
  featureNames: string[];
  coef: Float64Array;
  intercept: Float64Array;
  notes: string[];
}

/**
 * A MIME bundle with the coefficients as an HTML table and as aligned text.
 *
 * @example
 * coefficientBundle({ title: 'LinearRegression', rowLabels: [''], featureNames: ['x0'], coef, intercept, notes: [] })
 */
export function coefficientBundle(view: CoefficientView): MimeBundle {
  const { featureNames, rowLabels, coef, intercept } = view;
  const d = featureNames.length;
  const header = ['feature', ...rowLabels.map((r) => (r === '' ? 'coef' : `coef[${r}]`))];
  const rows: string[][] = featureNames.map((f, j) => [f, ...rowLabels.map((_, k) => fmt(coef[k * d + j]))]);
  rows.push(['(intercept)', ...rowLabels.map((_, k) => fmt(intercept[k]))]);
  const html = [
    `<div><b>${escapeHtml(view.title)}</b>${view.notes.map((n) => ` · ${escapeHtml(n)}`).join('')}</div>`,
    '<table><thead><tr>' + header.map((h) => `<th>${escapeHtml(h)}</th>`).join('') + '</tr></thead><tbody>',
    ...rows.map((r) => '<tr>' + r.map((c, i) => (i === 0 ? `<td>${escapeHtml(c)}</td>` : `<td style="text-align:right">${c}</td>`)).join('') + '</tr>'),
    '</tbody></table>',
  ].join('');
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  const text = [[view.title, ...view.notes].join(' · '), line(header), ...rows.map(line)].join('\n');
  return { 'text/html': html, 'text/plain': text };
}

/**
 * The bundle of a model that has not been fitted yet.
 *
 * @example
 * unfittedBundle('Ridge', { alpha: 1 })['text/plain'] // 'Ridge(alpha=1) · not fitted'
 */
export function unfittedBundle(title: string, params: Record<string, unknown>): MimeBundle {
  const text = `${title}(${Object.entries(params)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ')}) · not fitted`;
  return { 'text/plain': text, 'text/html': `<code>${escapeHtml(text)}</code>` };
}

function fmt(v: number): string {
  return formatNumber(v, { digits: 6 });
}
