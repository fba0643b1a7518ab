import type { EvaluationView, SliceView } from '../../src/core/evaluation/contract';
import { formatCi } from '../../src/core/evaluation/format';
import { METRIC_INFO, type MetricName } from '../../src/core/evaluation/metrics/metricCatalog';
import { formatNumber } from '../../src/core/text/number';
import { h } from '../shared/evaluationParts';

const SLICE_METRICS: Record<EvaluationView['task'], MetricName[]> = {
  binary: ['auc', 'recall', 'precision', 'f1', 'selectionRate', 'falsePositiveRate'],
  multiclass: ['accuracy', 'f1', 'recall', 'precision'],
  regression: ['rmse', 'mae', 'r2'],
};

/** Per slicing: every group with its size, metrics with intervals and small-group warnings; then the fairness metrics. */
export function slicesSection(doc: Document, view: EvaluationView): HTMLElement | undefined {
  if (!view.slices.length) return undefined;
  return h(doc, 'section', { id: 'slices' }, h(doc, 'h2', {}, 'Slices and fairness'), ...view.slices.map((s) => sliceBlock(doc, view, s)));
}

function sliceBlock(doc: Document, view: EvaluationView, s: SliceView): HTMLElement {
  const metrics = SLICE_METRICS[view.task].filter((m) => s.groups.some((g) => g.metrics[m]));
  const head = h(doc, 'tr', {}, h(doc, 'th', {}, s.name), h(doc, 'th', { class: 'num' }, 'Rows'), ...metrics.map((m) => h(doc, 'th', { class: 'num' }, METRIC_INFO[m].label)), h(doc, 'th', {}, ''));
  const rows = s.groups.map((g) => {
    const small = g.warnings.find((w) => w.code === 'small-group');
    const cells = metrics.map((m) => {
      const e = g.metrics[m];
      return h(doc, 'td', { class: 'num', title: e?.ci ? formatCi(e.ci) : '' }, formatNumber(e?.value), e?.ci ? h(doc, 'span', { class: 'muted' }, ` ${formatCi(e.ci)}`) : '');
    });
    const note = g.warnings.map((w) => w.message).join(' ');
    return h(
      doc,
      'tr',
      { 'data-group': g.key, ...(small ? { class: 'small-group' } : {}) },
      h(doc, 'td', {}, g.key),
      h(doc, 'td', { class: 'num' }, String(g.size)),
      ...cells,
      h(doc, 'td', { class: note ? 'warn' : '' }, note ? `⚠ ${note}` : ''),
    );
  });
  const block = h(doc, 'div', { class: 'slice', 'data-slice': s.name }, h(doc, 'h3', {}, s.name), h(doc, 'table', { class: 'grid groups' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows)));
  const fairness = Object.entries(s.fairness ?? {});
  if (fairness.length) {
    const frows = fairness.map(([name, e]) =>
      h(doc, 'tr', { 'data-fairness': name }, h(doc, 'td', {}, name), h(doc, 'td', { class: 'num' }, formatNumber(e?.value)), h(doc, 'td', { class: 'num muted' }, formatCi(e?.ci))),
    );
    block.append(
      h(
        doc,
        'table',
        { class: 'grid fairness' },
        h(doc, 'thead', {}, h(doc, 'tr', {}, h(doc, 'th', {}, 'Fairness metric'), h(doc, 'th', { class: 'num' }, 'Value'), h(doc, 'th', { class: 'num' }, 'CI'))),
        h(doc, 'tbody', {}, ...frows),
      ),
    );
  }
  return block;
}
