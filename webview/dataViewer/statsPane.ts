/** The column statistics side pane: missing, distinct, min/max, mean and the most frequent values of one column. */
import type { ColumnStats } from '../../src/core/kernel/variables';
import { formatNumber, formatShare } from '../../src/core/text/number';
import { escapeHtml as esc } from '../../src/core/text/html';

const value = (v: number | string | undefined) => (v === undefined ? '—' : typeof v === 'number' ? formatNumber(v) : esc(v));

export function statsHtml(s: ColumnStats): string {
  const rows: [string, string][] = [
    ['Rows', formatNumber(s.count)],
    ['Missing', `${formatNumber(s.missing)} (${formatShare(s.count ? s.missing / s.count : 0)})`],
    ['Distinct', s.distinct === undefined ? '—' : formatNumber(s.distinct)],
    ['Min', value(s.min)],
    ['Max', value(s.max)],
    ['Mean', s.mean === undefined ? '—' : formatNumber(s.mean)],
  ];
  const top = s.top ?? [];
  const most = Math.max(1, ...top.map((t) => t.count));
  return `<h3 title="${esc(s.column)}">${esc(s.column)}</h3><div class="muted">${esc(s.type)} · whole table, before the filter</div>
<table class="grid stats">${rows.map(([k, v]) => `<tr><th>${k}</th><td class="num">${v}</td></tr>`).join('')}</table>
${
  top.length
    ? `<h4>Most frequent</h4><ol class="top">${top
        .map(
          (t) =>
            `<li><span class="bar" style="width:${((t.count / most) * 100).toFixed(1)}%"></span><span class="v" title="${esc(t.value)}">${esc(t.value)}</span><span class="n">${formatNumber(t.count)}</span></li>`,
        )
        .join('')}</ol>`
    : ''
}`;
}
