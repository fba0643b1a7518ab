import type { EvaluationView } from '../contract';
import { formatCi } from '../format';
import { formatLabel } from '../messages';
import { formatNumber } from '../../text/number';

/** One line describing what was evaluated, shared by the text, Markdown and HTML reports. */
export function describeView(view: EvaluationView): string {
  const parts = [`${view.task}`, `${formatNumber(view.rows)} rows`];
  if (view.positiveLabel !== undefined) parts.push(`positive ${formatLabel(view.positiveLabel)}`, `threshold ${formatNumber(view.threshold ?? NaN)}`);
  if (view.task === 'multiclass' && view.classes) parts.push(`${view.classes.length} classes`);
  if (view.bootstrap) parts.push(`${Math.round(view.bootstrap.confidence * 100)}% ${view.bootstrap.method} CIs from ${view.bootstrap.resamples} resamples (seed ${view.bootstrap.seed})`);
  return parts.join(', ');
}

/** The gate summary line: 'gates: 3/4 passed' or ''. */
export function gateSummary(view: EvaluationView): string {
  if (!view.gates.length) return '';
  const ok = view.gates.filter((g) => g.passed).length;
  return `${view.passed ? 'PASSED' : 'FAILED'}: ${ok}/${view.gates.length} gates`;
}

/**
 * A plain-text report (the cell's text/plain and toString()).
 *
 * @example
 * console.log(String(evaluation));
 */
export function renderEvaluationText(view: EvaluationView): string {
  const lines = [`Evaluation of ${view.name} (${describeView(view)})`];
  const width = Math.max(...view.metrics.map((m) => m.label.length), 8);
  for (const m of view.metrics) lines.push(`  ${m.label.padEnd(width)}  ${formatNumber(m.value).padStart(8)}  ${formatCi(m.ci)}`);
  if (view.baseline) {
    lines.push(`vs ${view.baseline.name}:`);
    for (const c of view.baseline.comparisons) lines.push(`  ${c.metric.padEnd(width)}  Δ ${formatNumber(c.difference)} ${formatCi(c.ci)} p=${formatNumber(c.pValue)}`);
  }
  if (view.gates.length) {
    lines.push(gateSummary(view));
    for (const g of view.gates) lines.push(`  ${g.passed ? '✓' : '✗'} ${g.gate}: ${g.reason}`);
  }
  for (const s of view.slices) lines.push(`slice ${s.name}: ${s.groups.length} groups`);
  if (view.warnings.length)
    lines.push(
      `${view.warnings.length} warning${view.warnings.length > 1 ? 's' : ''}: ${view.warnings
        .slice(0, 3)
        .map((w) => w.message)
        .join(' | ')}${view.warnings.length > 3 ? ' | …' : ''}`,
    );
  return lines.join('\n');
}
