import { escapeHtml as e } from '../text/html';
import { ANNEX_IV_ITEMS, CARD_SECTIONS, type ModelCard } from './contract';
import { collectCardCharts } from './charts';
import { sectionProse, sectionTables, type CardTable } from './renderCommon';

const STYLE = `:root{color-scheme:light}body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;background:#fff;margin:0 auto;max-width:1000px;padding:16px 24px}
h1{font-size:20px;margin:8px 0}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:14px;margin:14px 0 6px}
.missing{padding:8px 12px;border-left:5px solid #d62728;background:#fff5f5;font-weight:600}.muted{color:#59636e}.prose{white-space:pre-wrap}
table{border-collapse:collapse;margin:6px 0}th,td{padding:3px 10px;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}.charts svg{max-width:100%;height:auto}code{font-size:12px}
@media print{body{max-width:none;padding:0;font-size:11px}h2{break-after:avoid}table,.charts>div,tr{break-inside:avoid}.missing{-webkit-print-color-adjust:exact;print-color-adjust:exact}}`;

/** Already-rendered SVG text per chart id (see collectCardCharts). */
export type CardChartSvgs = Record<string, string>;

function table(t: CardTable): string {
  const cls = (i: number) => (t.numeric?.includes(i) ? ' class="num"' : '');
  return `<table><thead><tr>${t.head.map((h, i) => `<th${cls(i)}>${e(h)}</th>`).join('')}</tr></thead><tbody>${t.rows
    .map((r) => `<tr>${r.map((c, i) => `<td${cls(i)}>${e(c)}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/**
 * The card as one self-contained HTML page: no scripts, no URLs, styles inline, charts as inline
 * SVG handed in already rendered (store/card/renderCardReport.ts renders them in Node with vega),
 * print CSS so it prints to PDF. Prose is escaped text (line breaks kept), never raw HTML.
 *
 * @example
 * fs.writeFileSync('card.html', renderCardHtml(card, await renderCardChartSvgs(card)));
 */
export function renderCardHtml(card: ModelCard, svgs: CardChartSvgs = {}): string {
  const charts = collectCardCharts(card);
  const svgOf = (prefix: string) =>
    charts
      .filter((c) => (c.id === prefix || c.id.startsWith(`${prefix}-`)) && svgs[c.id])
      .map((c) => `<div data-chart="${e(c.id)}">${svgs[c.id]}</div>`)
      .join('');
  const title = `Model card: ${card.name}`;
  const out: string[] = [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(title)}</h1>`,
  ];
  if (card.missing.length) out.push(`<p class="missing">Missing required prose: ${e(card.missing.join(', '))}</p>`);
  if (card.problem) {
    const p = card.problem;
    const rows: [string, string][] = [
      ['Objective', p.objective],
      ['Target', p.target],
      ['Users', p.users],
      ['Decision', p.decision],
      ['Success criteria', p.successCriteria],
      ['Constraints', p.constraints],
    ];
    out.push(`<section id="problem"><h2>Problem</h2>${table({ head: ['', ''], rows })}</section>`);
  }
  for (const { id, title: t } of CARD_SECTIONS) {
    out.push(`<section id="${id}"><h2>${e(t)}</h2>`);
    const missing = card.sections[id].missing;
    if (missing.length) out.push(`<p class="missing">Missing: ${e(missing.join(', '))}</p>`);
    for (const [label, text] of sectionProse(card, id)) if (text) out.push(`<p><strong>${e(label)}:</strong> <span class="prose">${e(text)}</span></p>`);
    const chartHtml = id === 'metrics' ? svgOf('metrics') : id === 'quantitativeAnalyses' ? svgOf('slices') : '';
    if (chartHtml) out.push(`<div class="charts">${chartHtml}</div>`);
    for (const tb of sectionTables(card, id)) out.push(`${tb.title ? `<h3>${e(tb.title)}</h3>` : ''}${table(tb.table)}`);
    out.push('</section>');
  }
  const open = card.annexIv.filter((r) => r.status !== 'answered').map((r) => r.item);
  out.push(
    `<section id="annexIv"><h2>EU AI Act Annex IV</h2><p class="muted">Which section of this card answers which item of Annex IV (Regulation (EU) 2024/1689). Unanswered or partial: ${e(open.join(', ') || 'none')} (of ${ANNEX_IV_ITEMS.length} items).</p>`,
    table({ head: ['Item', 'Requirement', 'Answered by', 'Status'], rows: card.annexIv.map((r) => [r.item, r.title, r.sections.join(', ') || '—', r.note ? `${r.status}: ${r.note}` : r.status]) }),
    '</section>',
    `<p class="muted">Sources: runs ${e(card.runIds.join(', '))}</p>`,
    '</body></html>',
  );
  return `${out.join('\n')}\n`;
}
