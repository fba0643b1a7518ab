/**
 * The Model Card panel for one card: a header (name, objective, what is missing), a table of
 * contents, the nine Mitchell et al. sections in order (each a labelled region with its "missing"
 * line), the charts (metrics with intervals, each slicing, permutation importance) and the EU AI
 * Act Annex IV table. Every number is a link that opens the run it came from.
 */
import { CARD_SECTIONS, type ModelCard } from '../../src/core/card/contract';
import { collectCardCharts } from '../../src/core/card/charts';
import { cardImportanceChart } from '../../src/core/report/cardCharts';
import type { CardSource } from '../../src/core/card/contract';
import type { RenderedCard } from '../../src/protocol/card';
import { h } from '../shared/evaluationParts';
import { cardStyle, missingLine, wireRunLinks } from '../shared/cardParts';
import { renderVegaLite, type DrawnChart } from '../renderer/vegaLite';
import { annexIvTable, SECTION_BUILDERS } from './sections';

/** Wide enough for 15 features' names, narrow enough to sit beside its table at 1280 pixels. */
const CHART_WIDTH = 360;

/** Draws the panel; resolves once every chart is drawn. */
export async function renderCardPanel(root: HTMLElement, card: ModelCard, openRun: (source: CardSource) => void): Promise<{ rendered: RenderedCard; dispose(): void }> {
  const doc = root.ownerDocument;
  const toc = h(doc, 'nav', { class: 'toc', 'aria-label': 'Sections' });
  const sections: HTMLElement[] = [];
  for (const { id, title } of CARD_SECTIONS) {
    const missing = card.sections[id].missing.map((f) => `${id}.${f}`);
    const line = missingLine(doc, missing);
    toc.append(h(doc, 'a', { href: `#${id}`, ...(line ? { class: 'has-missing' } : {}) }, title));
    sections.push(h(doc, 'section', { id, 'aria-labelledby': `${id}-title`, tabindex: '-1' }, h(doc, 'h2', { id: `${id}-title` }, title), ...(line ? [line] : []), ...SECTION_BUILDERS[id](doc, card)));
  }
  toc.append(h(doc, 'a', { href: '#annexIv' }, 'EU AI Act Annex IV'));
  sections.push(
    h(
      doc,
      'section',
      { id: 'annexIv', 'aria-labelledby': 'annexIv-title', tabindex: '-1' },
      h(doc, 'h2', { id: 'annexIv-title' }, 'EU AI Act Annex IV: which section answers which item'),
      annexIvTable(doc, card),
    ),
  );
  const d = card.sections.modelDetails;
  const header = h(
    doc,
    'header',
    {},
    h(doc, 'h1', {}, `Model card: ${card.name}`),
    ...(card.problem ? [h(doc, 'p', { class: 'objective' }, card.problem.objective)] : []),
    h(doc, 'p', { class: 'muted' }, `${d.type} · evaluation run ${d.evaluationRunId} · ${d.createdAt} · numbers link to the run they came from`),
    ...(card.missing.length ? [missingLine(doc, card.missing)!] : [h(doc, 'p', { class: 'complete' }, '✓ Every required section is written.')]),
  );
  const container = h(doc, 'div', { class: 'modelbook-card panel' }, cardStyle(doc), header, toc, ...sections);
  wireRunLinks(container, openRun);
  // Table-of-contents links move focus to the section (the webview has no URL to navigate).
  toc.addEventListener('click', (e) => {
    const a = (e.target as Element | null)?.closest('a');
    const target = a && container.querySelector<HTMLElement>(a.getAttribute('href') ?? '');
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({ block: 'start' });
    target.focus({ preventScroll: true });
  });
  root.replaceChildren(container);

  const drawn: DrawnChart[] = [];
  await Promise.all(
    [...collectCardCharts(card), cardImportanceChart(card, CHART_WIDTH)]
      .filter((c) => c !== undefined)
      .map(async (chart) => {
        const el = container.querySelector<HTMLElement>(`[data-chart="${CSS.escape(chart.id)}"]`);
        if (el) drawn.push(await renderVegaLite(chart.spec, el, { actions: false }));
      }),
  );
  const charts = [...container.querySelectorAll<HTMLElement>('[data-chart]')].filter((el) => el.querySelector('svg .role-mark')).map((el) => el.dataset.chart!);
  return {
    rendered: {
      name: card.name,
      sections: sections.map((s) => s.id),
      missing: [...container.querySelectorAll<HTMLElement>('section .missing')].flatMap((m) => (m.dataset.missing ?? '').split(' ')),
      charts,
      links: container.querySelectorAll('button.run-link').length,
    },
    dispose: () => drawn.forEach((c) => c.finalize()),
  };
}
