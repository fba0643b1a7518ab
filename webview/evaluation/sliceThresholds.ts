import type { EvaluationView } from '../../src/core/evaluation/contract';
import { metricsAtThreshold, snapThreshold } from '../../src/core/evaluation/curves/thresholdTable';
import { formatNumber } from '../../src/core/text/number';
import { h } from '../shared/evaluationParts';

const RATES = [
  ['recall', 'Recall (TPR)'],
  ['falsePositiveRate', 'FPR'],
  ['precision', 'Precision'],
  ['selectionRate', 'Selection rate'],
] as const;

/**
 * Each slice's groups at the slider's threshold (recall, false positive rate, precision, selection
 * rate): what equal opportunity and equalized odds look like at the threshold being chosen. Group
 * counts exist on a coarser grid (~100 thresholds), so the threshold snaps to it; the caption says where.
 */
export function sliceThresholds(doc: Document, view: EvaluationView): { element: HTMLElement; update(t: number): void } | undefined {
  const slices = view.slices.filter((s) => s.thresholds?.length && s.groups.some((g) => g.thresholdCounts));
  if (!slices.length) return undefined;
  const caption = h(doc, 'p', { class: 'muted' });
  const blocks = slices.map((s) => {
    const rows = s.groups
      .filter((g) => g.thresholdCounts)
      .map((g) => {
        const table = { thresholds: s.thresholds!, ...g.thresholdCounts! };
        const cells = RATES.map(([k]) => h(doc, 'td', { class: 'num', 'data-rate': k }));
        return { table, cells, tr: h(doc, 'tr', { 'data-group': g.key }, h(doc, 'td', {}, g.key), h(doc, 'td', { class: 'num' }, String(g.size)), ...cells) };
      });
    const head = h(doc, 'tr', {}, h(doc, 'th', {}, s.name), h(doc, 'th', { class: 'num' }, 'Rows'), ...RATES.map(([, label]) => h(doc, 'th', { class: 'num' }, label)));
    return {
      grid: s.thresholds!,
      rows,
      element: h(doc, 'table', { class: 'grid slice-at-threshold', 'data-slice': s.name }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows.map((r) => r.tr))),
    };
  });
  return {
    element: h(doc, 'div', { class: 'slice-thresholds' }, h(doc, 'h3', {}, 'Groups at this threshold'), ...blocks.map((b) => b.element), caption),
    update(t) {
      for (const b of blocks) {
        for (const r of b.rows) {
          const m = metricsAtThreshold(r.table, t);
          RATES.forEach(([k], i) => (r.cells[i].textContent = formatNumber(m[k])));
        }
      }
      const snapped = snapThreshold({ thresholds: blocks[0].grid, tp: [], fp: [], positives: 0, negatives: 0 }, t);
      caption.textContent = snapped === t ? '' : `Group counts are kept at ~100 thresholds: shown at ${formatNumber(snapped)}, the nearest at or above ${formatNumber(t)}.`;
    },
  };
}
