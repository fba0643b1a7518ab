/**
 * The Model Diff panel's newer content: the ROC / precision–recall overlay's caption, the four
 * counts of the flip matrix, where multiclass predictions moved, and regression models' error growth.
 */
import type { DiffPair } from '../../src/core/review/contract';
import { curvesNote } from '../../src/core/review/reportHtml';
import { formatNumber } from '../../src/core/text/number';
import { h } from '../shared/evaluationParts';
import { grid } from './sections';

/** The caption under the curves: which rows they were drawn on. */
export function curvesCaption(doc: Document, pair: DiffPair): HTMLElement | undefined {
  return pair.curves ? h(doc, 'p', { class: 'muted curves-note' }, curvesNote(pair.curves)) : undefined;
}

/** Both right / both wrong (classification), error growth (regression), and the class moves (multiclass). */
export function flipsMore(doc: Document, pair: DiffPair): HTMLElement | undefined {
  const f = pair.flips;
  if (!f) return undefined;
  const parts: HTMLElement[] = [];
  if (f.bothRight !== undefined && f.bothWrong !== undefined)
    parts.push(h(doc, 'p', { class: 'flip-kept' }, `${formatNumber(f.bothRight)} right on both sides, ${formatNumber(f.bothWrong)} wrong on both sides.`));
  if (f.errorGrew)
    parts.push(
      h(
        doc,
        'p',
        { class: 'error-grew' },
        h(doc, 'span', { class: 'worse' }, `Absolute error grew by more than ${formatNumber(f.errorGrew.tolerance)} on ${formatNumber(f.errorGrew.rows)} rows`),
        '.',
      ),
    );
  if (f.moves?.length)
    parts.push(
      grid(
        doc,
        'moves',
        ['Base predicted', 'Head predicts', 'Rows', 'Fixes', 'Regressions'],
        f.moves.map((m) => [m.from, m.to, formatNumber(m.rows), formatNumber(m.fixes), formatNumber(m.regressions)]),
        [2, 3, 4],
      ),
    );
  return parts.length ? h(doc, 'div', { class: 'flips-more' }, ...parts) : undefined;
}
