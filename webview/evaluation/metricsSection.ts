import type { EvaluationView } from '../../src/core/evaluation/contract';
import { formatCi } from '../../src/core/evaluation/format';
import { formatNumber } from '../../src/core/text/number';
import { h } from '../shared/evaluationParts';

/**
 * Every metric with its interval; with a baseline, also the baseline's value, the paired
 * difference with its interval and p-value, and whether the model is significantly better or worse.
 */
export function metricsSection(doc: Document, view: EvaluationView): HTMLElement {
  const b = view.baseline;
  const level = view.metrics.find((m) => m.ci)?.ci?.level;
  const ciTitle = level ? `${Math.round(level * 100)}% CI` : 'CI';
  const head = [h(doc, 'th', {}, 'Metric'), h(doc, 'th', { class: 'num' }, view.name), h(doc, 'th', { class: 'num' }, ciTitle)];
  if (b)
    head.push(
      h(doc, 'th', { class: 'num' }, b.name),
      h(doc, 'th', { class: 'num' }, 'Difference'),
      h(doc, 'th', { class: 'num' }, `${ciTitle} of difference`),
      h(doc, 'th', { class: 'num' }, 'p'),
      h(doc, 'th', {}, ''),
    );
  const rows = view.metrics.map((m) => {
    const cells = [
      h(doc, 'td', { title: m.higherIsBetter ? 'higher is better' : 'lower is better' }, m.label),
      h(doc, 'td', { class: 'num' }, formatNumber(m.value)),
      h(doc, 'td', { class: 'num muted' }, formatCi(m.ci)),
    ];
    if (b) {
      const base = b.metrics.find((x) => x.name === m.name);
      const cmp = b.comparisons.find((c) => c.metric === m.name);
      const sign = cmp?.significantlyBetter
        ? h(doc, 'span', { class: 'pass' }, '▲ better')
        : cmp?.significantlyWorse
          ? h(doc, 'span', { class: 'fail' }, '▼ worse')
          : h(doc, 'span', { class: 'muted' }, cmp ? 'no significant difference' : '');
      const diff = cmp?.difference ?? (base?.value != null && m.value != null ? m.value - base.value : null);
      cells.push(
        h(doc, 'td', { class: 'num' }, formatNumber(base?.value)),
        h(doc, 'td', { class: 'num' }, diff === null ? '—' : `${diff > 0 ? '+' : ''}${formatNumber(diff)}`),
        h(doc, 'td', { class: 'num muted' }, formatCi(cmp?.ci)),
        h(doc, 'td', { class: 'num muted' }, formatNumber(cmp?.pValue)),
        h(doc, 'td', {}, sign),
      );
    }
    return h(doc, 'tr', { 'data-metric': m.name }, ...cells);
  });
  return h(
    doc,
    'section',
    { id: 'metrics' },
    h(doc, 'h2', {}, b ? `Metrics (against ${b.name})` : 'Metrics'),
    h(doc, 'table', { class: 'grid metrics' }, h(doc, 'thead', {}, h(doc, 'tr', {}, ...head)), h(doc, 'tbody', {}, ...rows)),
  );
}
