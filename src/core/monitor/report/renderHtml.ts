/**
 * The monitoring report as one self-contained HTML page (no scripts, no URLs, styles inline,
 * charts as inline SVG rendered beforehand in Node, see store/monitor/renderMonitorReport.ts), and
 * the compact HTML a notebook cell shows.
 */
import { escapeHtml as e } from '../../text/html';
import { formatNumber, formatShare } from '../../text/number';
import type { FeatureReport, MonitorReport } from '../contract';
import { collectMonitorCharts } from './charts';
import { formatP, sortFeatures, summaryLine } from './renderText';

const STYLE = `body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;background:#fff;margin:0 auto;max-width:1100px;padding:16px 24px}
h1{font-size:20px}h2{font-size:16px;border-bottom:1px solid #d0d7de;padding-bottom:4px}.verdict{padding:10px 14px;border-left:5px solid #1a7f37;background:#f6f8fa;font-weight:600}
.verdict.warning{border-left-color:#9a6700}.verdict.critical{border-left-color:#d62728;background:#fff5f5}table{border-collapse:collapse}th,td{padding:3px 10px;border-bottom:1px solid #d0d7de;text-align:left}
td.num{text-align:right;font-variant-numeric:tabular-nums}tr.drift td{background:#fff0f0}.fired{color:#b42318;font-weight:600}.charts{display:flex;flex-wrap:wrap;gap:12px}.charts svg{max-width:100%;height:auto}`;

const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v));

function driftRow(f: FeatureReport): string {
  const d = f.drift;
  if (!d) return `<tr><td>${e(f.name)}</td><td>${e(f.type)}</td><td colspan="6">${e(f.skipped ?? '')}</td></tr>`;
  const s = d.statistics;
  return `<tr${d.drifted ? ' class="drift"' : ''}><td>${e(f.name)}</td><td>${e(f.type)}</td><td>${e(d.method)}</td><td class="num">${n(d.effect)} / ${n(d.threshold)}</td><td class="num">${d.pValue === null ? '—' : formatP(d.pValue)}</td><td class="num">${n(s.psi)} (${e(s.psiBand)})</td><td class="num">${n(s.jensenShannon)}</td><td>${d.drifted ? '<b>drift</b>' : ''}</td></tr>`;
}

function tables(r: MonitorReport): string[] {
  const out = [
    `<table><thead><tr><th>feature</th><th>type</th><th>method</th><th>effect / threshold</th><th>p</th><th>PSI</th><th>JS</th><th></th></tr></thead><tbody>`,
    ...sortFeatures(r).map(driftRow),
    r.prediction ? driftRow({ ...r.prediction, name: `${r.prediction.name} (prediction)` }) : '',
    '</tbody></table>',
  ];
  out.push(
    `<h2>Rules</h2><table><tbody>${r.rules.map((x) => `<tr><td${x.fired ? ' class="fired"' : ''}>${x.fired ? 'fired' : 'quiet'}</td><td>${e(x.severity)}</td><td><code>${e(x.rule)}</code></td><td class="num">${n(x.value)}</td><td>${e(x.note ?? '')}</td></tr>`).join('')}</tbody></table>`,
  );
  return out;
}

/**
 * The full page.
 *
 * @example
 * fs.writeFileSync('monitor.html', renderMonitorHtml(report, svgs));
 */
export function renderMonitorHtml(r: MonitorReport, svgs: Record<string, string> = {}): string {
  const title = `Monitoring: ${r.reference.source} ↔ ${r.current.source}`;
  const charts = collectMonitorCharts(r)
    .filter((c) => svgs[c.id])
    .map((c) => `<div data-chart="${e(c.id)}">${svgs[c.id]}</div>`);
  const q = r.quality;
  const perf = r.performance
    ? `<h2>Performance (${e(r.performance.labels)}, ${r.performance.rows} rows)</h2><table><thead><tr><th>metric</th><th>reference</th><th>current</th><th>95 % CI</th><th>Δ</th></tr></thead><tbody>${r.performance.metrics
        .map(
          (m) =>
            `<tr${m.worse ? ' class="drift"' : ''}><td>${e(m.label)}</td><td class="num">${n(m.reference)}</td><td class="num">${n(m.current)}</td><td class="num">${m.currentCi ? `[${n(m.currentCi.lower)}, ${n(m.currentCi.upper)}]` : '—'}</td><td class="num">${n(m.delta)}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  return [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${e(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(title)}</h1><p class="verdict ${e(r.summary.status)}">${e(summaryLine(r))}</p>`,
    `<h2>Drift</h2>`,
    ...tables(r),
    `<h2>Quality</h2><p>${q.invalidRows} of ${q.rows} rows invalid (${formatShare(q.invalidShare)})${q.missingColumns.length ? `; missing columns: ${e(q.missingColumns.join(', '))}` : ''}</p>`,
    perf,
    charts.length ? `<h2>Distributions (reference grey, current blue)</h2><div class="charts">${charts.join('')}</div>` : '',
    r.notes.map((x) => `<p>${e(x)}</p>`).join(''),
    '</body></html>',
  ].join('\n');
}

/**
 * What a notebook cell shows: the verdict and the drift and rules tables, no charts.
 *
 * @example
 * bundle['text/html'] = renderMonitorCellHtml(report);
 */
export function renderMonitorCellHtml(r: MonitorReport): string {
  return `<div class="modelbook-monitor"><p><b>${e(summaryLine(r))}</b></p>${tables(r).join('')}</div>`;
}
