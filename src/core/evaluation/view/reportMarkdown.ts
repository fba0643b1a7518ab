import type { EvaluationView, SliceView } from '../contract';
import { METRIC_INFO, type MetricName } from '../metrics/metricCatalog';
import { formatCi } from '../format';
import { formatNumber } from '../../text/number';
import { describeView, gateSummary } from './reportText';
import { keySliceMetric } from './buildCharts';
import { FAIRNESS_METRICS } from '../fairness/fairness';

function cell(s: string): string {
  return s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/**
 * A Markdown report: headline metrics with intervals, the baseline comparison, gates, slices
 * with fairness, and warnings. Suited to model cards, reports and pull-request comments.
 *
 * @example
 * fs.writeFileSync('evaluation.md', evaluation.toMarkdown());
 */
export function renderEvaluationMarkdown(view: EvaluationView): string {
  const out: string[] = [`## Evaluation: ${cell(view.name)}`, '', `_${describeView(view)}_`, ''];
  if (view.gates.length) {
    out.push(`**${gateSummary(view)}**`, '', '| | Gate | Reason |', '|---|---|---|');
    for (const g of view.gates) out.push(`| ${g.passed ? '✅' : '❌'} | \`${cell(g.gate)}\` | ${cell(g.reason)} |`);
    out.push('');
  }
  const cmp = new Map(view.baseline?.comparisons.map((c) => [c.metric, c]) ?? []);
  const withBase = !!view.baseline;
  out.push(
    withBase ? `| Metric | ${cell(view.name)} | CI | ${cell(view.baseline?.name ?? '')} | Δ | Δ CI | p |` : '| Metric | Value | CI |',
    withBase ? '|---|---:|---|---:|---:|---|---:|' : '|---|---:|---|',
  );
  for (const m of view.metrics) {
    const c = cmp.get(m.name);
    const row = [m.label, formatNumber(m.value), formatCi(m.ci)];
    if (withBase) row.push(formatNumber(c?.baseline), formatNumber(c?.difference), formatCi(c?.ci), formatNumber(c?.pValue));
    out.push(`| ${row.map(cell).join(' | ')} |`);
  }
  out.push('');
  for (const s of view.slices) out.push(...sliceMarkdown(view, s), '');
  if (view.warnings.length) {
    out.push('<details><summary>Warnings (' + view.warnings.length + ')</summary>', '');
    for (const w of view.warnings) out.push(`- ${w.message}`);
    out.push('', '</details>', '');
  }
  return out.join('\n');
}

function sliceMarkdown(view: EvaluationView, s: SliceView): string[] {
  const key: MetricName = keySliceMetric(view);
  const second: MetricName = view.task === 'binary' ? 'auc' : view.task === 'multiclass' ? 'accuracy' : 'mae';
  const metrics = [key, second].filter((m) => s.groups.some((g) => g.metrics[m]));
  const out = [
    `### Slice: ${cell(s.name)}`,
    '',
    `| Group | n | ${metrics.map((m) => `${METRIC_INFO[m].label} | CI`).join(' | ')} | Notes |`,
    `|---|---:|${metrics.map(() => '---:|---|').join('')}---|`,
  ];
  for (const g of s.groups) {
    const cols = metrics.flatMap((m) => [formatNumber(g.metrics[m]?.value), formatCi(g.metrics[m]?.ci)]);
    const notes = [...new Set(g.warnings.map((w) => w.code))].join(', ');
    out.push(`| ${[g.key, String(g.size), ...cols, notes].map(cell).join(' | ')} |`);
  }
  if (s.fairness) {
    out.push('', '| Fairness (between groups) | Value | CI |', '|---|---:|---|');
    for (const m of FAIRNESS_METRICS) {
      const e = s.fairness[m];
      if (e) out.push(`| ${m} | ${formatNumber(e.value)} | ${formatCi(e.ci)} |`);
    }
  }
  return out;
}
