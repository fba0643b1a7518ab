import type { CurveView, EvaluationView, ResidualsView } from '../contract';
import { FAIRNESS_METRICS } from '../fairness/fairness';
import { METRIC_INFO } from '../metrics/metricCatalog';
import { formatCi } from '../format';
import { describeView, gateSummary } from './reportText';
import { keySliceMetric } from './buildCharts';
import { formatNumber } from '../../text/number';
import { escapeHtml } from '../../text/html';

const STYLE = `.mb-eval{font-family:var(--vscode-font-family,system-ui,sans-serif);font-size:13px;color:var(--vscode-foreground,#222);max-width:900px}
.mb-eval h3{margin:4px 0;font-size:15px}.mb-eval .sub{opacity:.75;margin-bottom:8px}
.mb-eval table{border-collapse:collapse;margin:6px 0}.mb-eval td,.mb-eval th{padding:2px 8px;border-bottom:1px solid rgba(128,128,128,.25);text-align:right}
.mb-eval td:first-child,.mb-eval th:first-child,.mb-eval .l{text-align:left}.mb-eval .ci{opacity:.7}.mb-eval .nw{white-space:nowrap}
.mb-eval .pass{color:#2e7d32;font-weight:600}.mb-eval .fail{color:#c62828;font-weight:600}
.mb-eval .badge{display:inline-block;padding:1px 8px;border-radius:10px;color:#fff;font-weight:600;margin-left:6px}
.mb-eval .row{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}.mb-eval details{margin-top:6px}`;

/**
 * The cell's compact, self-contained HTML report: headline metrics with intervals (and the
 * baseline difference), gates with pass/fail and reasons, a small chart as inline SVG, slices
 * with fairness, and warnings. No scripts; styles scoped to `.mb-eval`.
 *
 * @example
 * fs.writeFileSync('report.html', evaluation.toHTML());
 */
export function renderEvaluationHtml(view: EvaluationView): string {
  const e = escapeHtml;
  const parts: string[] = [`<div class="mb-eval"><style>${STYLE}</style>`];
  const badge = view.gates.length ? `<span class="badge" style="background:${view.passed ? '#2e7d32' : '#c62828'}">${e(gateSummary(view))}</span>` : '';
  parts.push(`<h3>Evaluation: ${e(view.name)}${badge}</h3><div class="sub">${e(describeView(view))}</div>`);
  parts.push('<div class="row">', metricsTable(view), `<div>${chartSvg(view)}${confusionTable(view)}</div>`, '</div>');
  if (view.gates.length) {
    parts.push('<table><tr><th></th><th class="l">Gate</th><th class="l">Reason</th></tr>');
    for (const g of view.gates)
      parts.push(`<tr><td class="nw ${g.passed ? 'pass' : 'fail'}">${g.passed ? '✓ pass' : '✗ fail'}</td><td class="l nw"><code>${e(g.gate)}</code></td><td class="l">${e(g.reason)}</td></tr>`);
    parts.push('</table>');
  }
  for (const s of view.slices) {
    const m = keySliceMetric(view);
    const rows = s.groups.map(
      (g) =>
        `<tr><td>${e(g.key)}</td><td>${g.size}</td><td>${formatNumber(g.metrics[m]?.value)}</td><td class="ci">${formatCi(g.metrics[m]?.ci)}</td><td>${g.warnings.length ? '⚠ ' + e([...new Set(g.warnings.map((w) => w.code))].join(', ')) : ''}</td></tr>`,
    );
    const fair = s.fairness
      ? FAIRNESS_METRICS.filter((f) => s.fairness?.[f])
          .map((f) => `${f}: ${formatNumber(s.fairness?.[f]?.value)} <span class="ci">${formatCi(s.fairness?.[f]?.ci)}</span>`)
          .join('<br>')
      : '';
    parts.push(
      `<details open><summary>Slice <b>${e(s.name)}</b> — ${e(METRIC_INFO[m].label)} by group</summary><div class="row"><table><tr><th>Group</th><th>n</th><th>${e(METRIC_INFO[m].label)}</th><th>CI</th><th></th></tr>${rows.join('')}</table><div>${fair}</div></div></details>`,
    );
  }
  if (view.warnings.length)
    parts.push(
      `<details><summary>⚠ ${view.warnings.length} warning${view.warnings.length > 1 ? 's' : ''}</summary><ul>${view.warnings.map((w) => `<li>${e(w.message)}</li>`).join('')}</ul></details>`,
    );
  parts.push('</div>');
  return parts.join('');
}

function metricsTable(view: EvaluationView): string {
  const cmp = new Map(view.baseline?.comparisons.map((c) => [c.metric, c]) ?? []);
  const head = `<tr><th>Metric</th><th>Value</th><th>CI</th>${view.baseline ? `<th>${escapeHtml(view.baseline.name)}</th><th>Δ</th><th>p</th>` : ''}</tr>`;
  const rows = view.metrics.map((m) => {
    const c = cmp.get(m.name);
    const delta = c
      ? `<td>${formatNumber(c.baseline)}</td><td class="${c.significantlyBetter ? 'pass' : c.significantlyWorse ? 'fail' : ''}">${formatNumber(c.difference)}</td><td>${formatNumber(c.pValue)}</td>`
      : view.baseline
        ? '<td></td><td></td><td></td>'
        : '';
    return `<tr><td title="${escapeHtml(METRIC_INFO[m.name].description)}">${escapeHtml(m.label)}</td><td>${formatNumber(m.value)}</td><td class="ci">${formatCi(m.ci)}</td>${delta}</tr>`;
  });
  return `<table>${head}${rows.join('')}</table>`;
}

function confusionTable(view: EvaluationView): string {
  const c = view.confusion;
  if (!c || c.labels.length > 8) return '';
  const head = `<tr><th>actual \\ predicted</th>${c.labels.map((l) => `<th>${escapeHtml(String(l))}</th>`).join('')}</tr>`;
  const rows = c.matrix.map((r, i) => {
    const total = r.reduce((a, b) => a + b, 0) || 1;
    return `<tr><td>${escapeHtml(String(c.labels[i]))}</td>${r.map((v) => `<td style="background:rgba(76,120,168,${(0.08 + 0.7 * (v / total)).toFixed(2)})">${formatNumber(v)}</td>`).join('')}</tr>`;
  });
  return `<table>${head}${rows.join('')}</table>`;
}

function chartSvg(view: EvaluationView): string {
  if (view.curves.roc) return rocSvg(view.curves.roc, view.baseline?.curves.roc);
  if (view.residuals) return histogramSvg(view.residuals);
  return '';
}

/** A 160×160 ROC sketch: the curve(s) and the diagonal, as a polyline. */
function rocSvg(roc: CurveView, baseline?: CurveView): string {
  const s = 150;
  const line = (c: CurveView, color: string) =>
    `<polyline fill="none" stroke="${color}" stroke-width="1.6" points="${c.x.map((x, i) => `${(5 + x * s).toFixed(1)},${(5 + (1 - c.y[i]) * s).toFixed(1)}`).join(' ')}"/>`;
  const caption = `<text x="5" y="168" font-size="10" fill="#4c78a8">ROC, AUC ${formatNumber(roc.area)}</text>${baseline ? `<text x="5" y="181" font-size="10" fill="#f58518">baseline ${formatNumber(baseline.area)}</text>` : ''}`;
  return `<svg width="160" height="186" viewBox="0 0 160 186" role="img" aria-label="ROC curve"><rect x="5" y="5" width="${s}" height="${s}" fill="none" stroke="#999"/><line x1="5" y1="${5 + s}" x2="${5 + s}" y2="5" stroke="#bbb" stroke-dasharray="3,3"/>${baseline ? line(baseline, '#f58518') : ''}${line(roc, '#4c78a8')}${caption}</svg>`;
}

/** A small residual histogram as bars. */
function histogramSvg(r: ResidualsView): string {
  const w = 200;
  const h = 100;
  const max = Math.max(...r.histogram.counts, 1);
  const bw = w / r.histogram.counts.length;
  const bars = r.histogram.counts
    .map((c, i) => `<rect x="${(i * bw).toFixed(1)}" y="${(h - (c / max) * h).toFixed(1)}" width="${Math.max(bw - 1, 1).toFixed(1)}" height="${((c / max) * h).toFixed(1)}" fill="#4c78a8"/>`)
    .join('');
  return `<svg width="${w}" height="${h + 14}" role="img" aria-label="Residual histogram">${bars}<text x="0" y="${h + 12}" font-size="10" fill="currentColor">residuals ${formatNumber(r.histogram.edges[0])} … ${formatNumber(r.histogram.edges[r.histogram.edges.length - 1])}</text></svg>`;
}
