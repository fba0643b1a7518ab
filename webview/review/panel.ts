import type { ModelDiffView } from '../../src/core/review/view';
import { collectPairCharts, type DiffChart } from '../../src/core/review/view';
import { h } from '../shared/evaluationParts';
import { renderVegaLite, type DrawnChart } from '../renderer/vegaLite';
import { codeSection, detailSections, flipsDetails, metricsTable, slicesTables, verdictHeader, type Post } from './sections';
import { curvesCaption, flipsMore } from './contentSections';

/**
 * Draws the whole Model Diff panel: the verdict, then per paired evaluation its metrics (forest
 * plot and table), base's and head's ROC and PR curves, flips (matrix and example rows), slices and fairness, parameters, model, data,
 * gates and environment; then the code changes. A click on a finding opens its cell.
 */
export async function renderReviewPanel(root: HTMLElement, view: ModelDiffView, post: Post): Promise<{ dispose(): void }> {
  const doc = root.ownerDocument;
  const diff = view.diff;
  const charts: { chart: DiffChart; box: HTMLElement }[] = [];
  const chartBox = (chart: DiffChart | undefined) => {
    if (!chart) return [];
    const box = h(doc, 'div', { class: 'chart-body' });
    charts.push({ chart, box });
    return [h(doc, 'div', { class: 'chart', 'data-chart': chart.id }, box)];
  };
  const pairs = diff.pairs.map((pair, i) => {
    const byKind = new Map(collectPairCharts(pair, i).map((c) => [c.kind, c]));
    const flips = flipsDetails(doc, pair, post);
    const where = pair.notebook ? `${pair.notebook}${pair.cellId ? ` · cell ${pair.cellId}` : ''}` : 'no notebook';
    return h(
      doc,
      'section',
      { class: 'pair', 'data-pair': String(i) },
      h(doc, 'h2', {}, pair.name, h(doc, 'span', { class: 'muted' }, ` — ${where}`)),
      h(doc, 'p', { class: 'muted pair-verdict' }, pair.verdict),
      h(
        doc,
        'section',
        { id: `metrics-${i}`, class: 'metrics' },
        h(doc, 'h3', {}, 'Metrics'),
        h(doc, 'div', { class: 'side-by-side' }, ...chartBox(byKind.get('forest')), h(doc, 'div', { class: 'table-wrap' }, metricsTable(doc, pair, post))),
      ),
      ...(byKind.has('roc') || byKind.has('pr')
        ? [
            h(
              doc,
              'section',
              { id: `curves-${i}`, class: 'curves' },
              h(doc, 'h3', {}, 'ROC and precision–recall curves'),
              h(doc, 'div', { class: 'side-by-side' }, ...chartBox(byKind.get('roc')), ...chartBox(byKind.get('pr'))),
              ...[curvesCaption(doc, pair)].filter((x) => x !== undefined),
            ),
          ]
        : []),
      ...(flips
        ? [
            h(
              doc,
              'section',
              { id: `flips-${i}`, class: 'flips' },
              h(doc, 'h3', {}, 'Prediction flips'),
              h(doc, 'div', { class: 'side-by-side' }, ...chartBox(byKind.get('flips')), flips),
              ...[flipsMore(doc, pair)].filter((x) => x !== undefined),
            ),
          ]
        : []),
      ...(pair.slices.length || pair.fairness.length
        ? [
            h(
              doc,
              'section',
              { id: `slices-${i}`, class: 'slices' },
              h(doc, 'h3', {}, 'Slices and fairness'),
              h(doc, 'div', { class: 'side-by-side' }, ...chartBox(byKind.get('slices')), slicesTables(doc, pair, post)),
            ),
          ]
        : []),
      ...detailSections(doc, pair, i),
    );
  });
  root.replaceChildren(verdictHeader(doc, diff, view.title), ...pairs, codeSection(doc, diff, post));
  // A finding (a row or a changed cell) opens its cell; buttons inside it do their own thing.
  const onClick = (e: Event) => {
    const target = e.target as Element;
    if (target.closest('vscode-button')) return;
    const finding = target.closest<HTMLElement>('.finding[data-notebook][data-cell]');
    if (finding) post('openCell', { notebook: finding.dataset.notebook!, cellId: finding.dataset.cell! });
  };
  root.addEventListener('click', onClick);
  const drawn: DrawnChart[] = await Promise.all(charts.map(({ chart, box }) => renderVegaLite(chart.spec, box, { actions: false })));
  return {
    dispose() {
      root.removeEventListener('click', onClick);
      drawn.forEach((d) => d.finalize());
    },
  };
}
