/**
 * The Model Card panel's confusion matrix: one row per actual class, one column per predicted class,
 * each count a run link to the evaluation record's `confusion` field it comes from.
 */
import { confusionGrid, type CardConfusion } from '../../src/core/card/contract';
import { formatNumber } from '../../src/core/text/number';
import { h } from '../shared/evaluationParts';
import { sourcedNumber } from '../shared/cardParts';

/**
 * The matrix as a table under a heading that says the threshold (binary) and what was counted.
 *
 * @example
 * root.append(cardConfusionTable(document, card.sections.metrics.confusion));
 */
export function cardConfusionTable(doc: Document, c: CardConfusion): HTMLElement {
  const { labels, matrix } = confusionGrid(c);
  const counted = c.counts === 'rows' ? 'rows' : 'summed sample weights';
  const title = c.kind === 'binary' ? ['Confusion matrix at threshold ', sourcedNumber(doc, c.threshold), ` (${counted})`] : [`Confusion matrix, most likely class (${counted})`];
  const head = h(
    doc,
    'tr',
    {},
    h(doc, 'th', { scope: 'col' }, 'Actual ↓ / predicted →'),
    ...labels.map((l) => h(doc, 'th', { class: 'num', scope: 'col' }, l)),
    h(doc, 'th', { class: 'num', scope: 'col' }, 'Total'),
  );
  const rows = matrix.map((row, i) =>
    h(
      doc,
      'tr',
      {},
      h(doc, 'th', { scope: 'row' }, labels[i]),
      ...row.map((x) => h(doc, 'td', { class: 'num' }, sourcedNumber(doc, x))),
      h(doc, 'td', { class: 'num' }, formatNumber(row.reduce((a, x) => a + x.value, 0))),
    ),
  );
  return h(
    doc,
    'div',
    { class: 'sub' },
    h(doc, 'h3', {}, ...title),
    h(doc, 'div', { class: 'table-scroll' }, h(doc, 'table', { class: 'grid confusion' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows))),
  );
}
