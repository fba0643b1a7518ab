/**
 * The stakeholder report as Markdown and as one self-contained HTML page (styles inline, charts as
 * inline SVG rendered beforehand in Node — see store/report/renderStakeholderHtml.ts —, no script,
 * no URL, one printed page). Same report → same bytes.
 */
import { escapeHtml as e } from '../text/html';
import type { ReportCell, ReportNumber, ReportTable, StakeholderReport } from './contract';
import { reportMessage as msg } from './messages';
import { fillLine } from './numbers';

/** Where each chart goes: beside the section it illustrates. */
const CHART_OF: Record<string, string> = { decides: 'importance', right: 'right', worse: 'groups' };

const footer = (r: StakeholderReport): string[] => [msg.sources(r.runIds.join(', ')), ...(r.missing.length ? [msg.missingProse(r.missing.join(', '))] : [])];

const cellText = (c: ReportCell): string => (typeof c === 'string' ? c : c.text);

/** A section's table as Markdown: the caption as a line, then a pipe table (numbers right-aligned). */
function tableMarkdown(t: ReportTable): string[] {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const align = t.head.map((_, i) => (i === 0 ? '---' : '---:'));
  return [fillLine(t.caption), '', `| ${t.head.map(esc).join(' | ')} |`, `| ${align.join(' | ')} |`, ...t.rows.map((r) => `| ${r.map((c) => esc(cellText(c))).join(' | ')} |`)];
}

/**
 * A section's table as HTML, each number marked up by `wrap` (its sources in a tooltip).
 *
 * @example
 * reportTableHtml(section.table, (n) => `<b>${n.text}</b>`)
 */
export function reportTableHtml(t: ReportTable, wrap: (n: ReportNumber) => string): string {
  const cell = (c: ReportCell, i: number, tag: 'td' | 'th') => (typeof c === 'string' ? `<${tag}${i > 0 ? ' class="num"' : ''}>${e(c)}</${tag}>` : `<${tag} class="num">${wrap(c)}</${tag}>`);
  return `<p class="caption">${fillLine(t.caption, e, wrap)}</p><table class="confusion"><thead><tr>${t.head.map((h, i) => cell(h, i, 'th')).join('')}</tr></thead><tbody>${t.rows
    .map((r) => `<tr>${r.map((c, i) => cell(c, i, i === 0 ? 'th' : 'td')).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

/**
 * The report as Markdown (no charts: they are in the HTML).
 *
 * @example
 * fs.writeFileSync('report.md', renderReportMarkdown(report));
 */
export function renderReportMarkdown(r: StakeholderReport): string {
  const out = [`# ${msg.title(r.name)}`, '', `_${msg.subtitle}_`, ''];
  for (const s of r.sections) out.push(`## ${s.title}`, '', ...s.lines.map((l) => `- ${fillLine(l)}`), '', ...(s.table ? [...tableMarkdown(s.table), ''] : []));
  out.push('---', '', ...footer(r).map((f) => `_${f}_`), '');
  return out.join('\n');
}

const STYLE = `@page{size:A4;margin:12mm}body{font:10.5pt/1.4 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;background:#fff;margin:0 auto;max-width:900px;padding:12px 20px}
h1{font-size:17pt;margin:0 0 2px}h2{font-size:12pt;margin:12px 0 4px;border-bottom:1px solid #d0d7de;padding-bottom:2px}.sub{color:#57606a;margin:0 0 6px}
section{display:flex;gap:16px;align-items:flex-start;break-inside:avoid}section>div.text{flex:1}ul{margin:0;padding-left:18px}li{margin:2px 0}
.n{font-weight:600;font-variant-numeric:tabular-nums}.chart svg{max-width:100%;height:auto}.chart{flex:0 0 auto}footer{color:#57606a;font-size:9pt;margin-top:10px;border-top:1px solid #d0d7de;padding-top:4px}
.fail{color:#b42318;font-weight:600}.caption{margin:8px 0 2px}div.table{break-inside:avoid}table.confusion{border-collapse:collapse;font-variant-numeric:tabular-nums}table.confusion th,table.confusion td{padding:2px 10px;white-space:nowrap;border-bottom:1px solid #d0d7de;text-align:left}table.confusion .num{text-align:right}table.confusion tbody th{font-weight:normal}table.confusion tr:last-child th,table.confusion tr:last-child td{border-bottom:0;font-weight:600}
@media print{body{padding:0;font-size:8.5pt;line-height:1.3}h1{font-size:13pt}h2{font-size:10pt;margin:6px 0 2px}li{margin:0}.chart svg{width:240px}.sub{margin:0 0 2px}footer{font-size:7.5pt;margin-top:4px}}`;

const numberHtml = (n: ReportNumber): string => `<span class="n" title="${e(n.sources.map((s) => `${s.runId} ${s.field}`).join('; '))}">${e(n.text)}</span>`;

/**
 * The full page; `svgs` maps chart ids ('right', 'groups', 'importance') to SVG text.
 *
 * @example
 * fs.writeFileSync('report.html', renderReportHtml(report, svgs));
 */
export function renderReportHtml(r: StakeholderReport, svgs: Record<string, string> = {}): string {
  const sections = r.sections.map((s) => {
    const items = s.lines.map((l) => `<li${/FAILED/.test(l.template) ? ' class="fail"' : ''}>${fillLine(l, e, numberHtml)}</li>`).join('');
    const chart = svgs[CHART_OF[s.id] ?? ''];
    // The table goes under the section, full width: beside a chart its labels would wrap word by word.
    const table = s.table ? `<div class="table" data-table="${s.id}">${reportTableHtml(s.table, numberHtml)}</div>` : '';
    return `<h2>${e(s.title)}</h2><section data-section="${s.id}"><div class="text"><ul>${items}</ul></div>${chart ? `<div class="chart" data-chart="${CHART_OF[s.id]}">${chart}</div>` : ''}</section>${table}`;
  });
  return [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${e(msg.title(r.name))}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(msg.title(r.name))}</h1><p class="sub">${e(msg.subtitle)}</p>`,
    ...sections,
    `<footer>${footer(r)
      .map((f) => `<p>${e(f)}</p>`)
      .join('')}</footer>`,
    '</body></html>',
    '',
  ].join('\n');
}
