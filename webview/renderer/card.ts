/**
 * The compact model card in a cell output (`application/vnd.modelbook.card+json`): model details,
 * headline metrics with their intervals, gates, the required prose still missing, and "Open card"
 * (the Model Card panel). Every number is a link that opens the run it came from.
 */
import type { ModelCard } from '../../src/core/card/contract';
import type { RenderedCard } from '../../src/protocol/card';
import { h } from '../shared/evaluationParts';
import { cardGatesList, cardMetricsTable, cardStyle, headlineCardMetrics, missingLine, sourcedNumber, wireRunLinks } from '../shared/cardParts';
import { hostPoster, type RendererChannel } from './messaging';

/** Model type, version, evaluation run, created, parameters, data rows: one line each. */
function details(doc: Document, card: ModelCard): HTMLElement {
  const d = card.sections.modelDetails;
  const rows: [string, Node | string][] = [
    ['Model', d.type],
    ['Version', d.packageHash ? `package ${d.packageHash.slice(0, 12)}` : 'not exported as a package yet'],
    ['Evaluation run', d.evaluationRunId],
    ['Created', d.createdAt.replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC')],
  ];
  if (d.parameterCount) rows.push(['Parameters', sourcedNumber(doc, d.parameterCount)]);
  const test = card.sections.evaluationData.data[0];
  if (test) rows.push(['Evaluated on', h(doc, 'span', {}, sourcedNumber(doc, test.rows), ` rows${test.name ? ` of ${test.name}` : ''}`)]);
  if (card.sections.metrics.threshold) rows.push(['Threshold', sourcedNumber(doc, card.sections.metrics.threshold)]);
  return h(doc, 'dl', { class: 'facts' }, ...rows.flatMap(([k, v]) => [h(doc, 'dt', {}, k), h(doc, 'dd', {}, v)]));
}

/** Draws the card into `element` and says so to the extension. */
export function renderCard(card: ModelCard, element: HTMLElement, channel: RendererChannel): RenderedCard {
  const doc = element.ownerDocument;
  const post = hostPoster(channel);
  const open = h(doc, 'button', { class: 'open-panel', type: 'button' }, 'Open card');
  if (!post) {
    open.setAttribute('disabled', '');
    open.title = 'Open this notebook in VS Code to see the whole card (this output has no channel to the extension).';
  }
  open.addEventListener('click', () => post?.('openCard', { card }));
  const complete = card.missing.length === 0;
  const root = h(
    doc,
    'div',
    { class: 'modelbook-card compact' },
    cardStyle(doc),
    h(
      doc,
      'div',
      { class: 'header' },
      h(doc, 'strong', {}, `Model card: ${card.name}`),
      h(
        doc,
        'span',
        { class: complete ? 'muted' : 'missing-count' },
        complete ? 'all required sections written' : `${card.missing.length} required section${card.missing.length === 1 ? '' : 's'} missing`,
      ),
      open,
    ),
  );
  if (card.problem) root.append(h(doc, 'p', { class: 'objective' }, card.problem.objective));
  root.append(h(doc, 'div', { class: 'part', 'data-part': 'details' }, details(doc, card)));
  const metrics = headlineCardMetrics(card);
  if (metrics.length) root.append(h(doc, 'div', { class: 'part table-scroll', 'data-part': 'metrics' }, h(doc, 'strong', {}, 'Headline metrics'), cardMetricsTable(doc, metrics)));
  root.append(h(doc, 'div', { class: 'part', 'data-part': 'gates' }, h(doc, 'strong', {}, 'Gates'), cardGatesList(doc, card.sections.metrics.gates)));
  const missing = missingLine(doc, card.missing);
  if (missing) root.append(h(doc, 'div', { class: 'part', 'data-part': 'missing' }, missing));
  wireRunLinks(root, post ? (source) => post('openRun', source) : undefined);
  element.replaceChildren(root);
  const rendered: RenderedCard = {
    name: card.name,
    sections: [...root.querySelectorAll<HTMLElement>('[data-part]')].map((p) => p.dataset.part!),
    missing: card.missing.filter(() => missing !== undefined),
    charts: [],
    links: root.querySelectorAll('button.run-link').length,
  };
  post?.('cardRendered', rendered);
  return rendered;
}
