import type { EvaluationView } from '../../src/core/evaluation/contract';
import { metricsAtThreshold, type ThresholdTable } from '../../src/core/evaluation/curves/thresholdTable';
import type { ThresholdMetrics } from '../../src/core/evaluation/metrics/confusionRates';
import { formatNumber } from '../../src/core/text/number';
import { h } from '../shared/evaluationParts';
import { sliceThresholds } from './sliceThresholds';

export type AtThreshold = ThresholdMetrics & { threshold: number };

const SHOWN: [keyof ThresholdMetrics, string][] = [
  ['precision', 'Precision'],
  ['recall', 'Recall'],
  ['f1', 'F1'],
  ['accuracy', 'Accuracy'],
  ['balancedAccuracy', 'Balanced accuracy'],
  ['specificity', 'Specificity'],
  ['falsePositiveRate', 'False positive rate'],
  ['selectionRate', 'Selection rate'],
  ['mcc', 'MCC'],
];

/** Slider bounds: [0, 1] for probabilities, else the range of the table's thresholds. */
function bounds(table: ThresholdTable): { lo: number; hi: number } {
  const finite = table.thresholds.filter(Number.isFinite);
  const lo = Math.min(...finite);
  const hi = Math.max(...finite);
  return lo >= 0 && hi <= 1 ? { lo: 0, hi: 1 } : { lo, hi };
}

/**
 * The binary threshold picker: a slider (and the operating-point presets) that recomputes the
 * confusion matrix and the threshold metrics from the view's threshold table on every move.
 */
export function thresholdControl(doc: Document, view: EvaluationView, initial: number, onChange: (m: AtThreshold) => void): HTMLElement | undefined {
  const table = view.thresholdTable;
  if (view.task !== 'binary' || !table || !table.thresholds.length) return undefined;
  const { lo, hi } = bounds(table);
  const slider = h(doc, 'input', { type: 'range', id: 'threshold', min: String(lo), max: String(hi), step: String((hi - lo) / 1000 || 0.001), 'aria-label': 'Decision threshold' });
  slider.value = String(initial);
  const valueLabel = h(doc, 'span', { class: 'threshold-value' });
  const presets = doc.createElement('vscode-single-select');
  presets.id = 'threshold-preset';
  presets.setAttribute('aria-label', 'Threshold presets');
  const options: [string, number][] = [
    [`operating threshold (${formatNumber(view.threshold)})`, view.threshold ?? 0.5],
    ...(view.operatingPoints ?? []).filter((p) => p.threshold !== null).map((p): [string, number] => [`${p.criterion} (${formatNumber(p.threshold)})`, p.threshold as number]),
  ];
  presets.append(h(doc, 'vscode-option', { value: '' }, 'Presets…'), ...options.map(([label, t]) => h(doc, 'vscode-option', { value: String(t) }, label)));
  const pos = String(view.positiveLabel);
  const neg = String(view.confusion?.labels.find((l) => String(l) !== pos) ?? 'negative');
  const cell = (name: string) => h(doc, 'td', { class: 'num', 'data-cell': name });
  const confusion = h(
    doc,
    'table',
    { class: 'grid confusion-at-threshold' },
    h(doc, 'thead', {}, h(doc, 'tr', {}, h(doc, 'th', {}, 'Actual \\ Predicted'), h(doc, 'th', { class: 'num' }, neg), h(doc, 'th', { class: 'num' }, pos))),
    h(doc, 'tbody', {}, h(doc, 'tr', {}, h(doc, 'th', {}, neg), cell('tn'), cell('fp')), h(doc, 'tr', {}, h(doc, 'th', {}, pos), cell('fn'), cell('tp'))),
  );
  const metrics = h(
    doc,
    'table',
    { class: 'grid threshold-metrics' },
    h(doc, 'tbody', {}, ...SHOWN.map(([k, label]) => h(doc, 'tr', {}, h(doc, 'td', {}, label), h(doc, 'td', { class: 'num', 'data-metric': k })))),
  );
  const groups = sliceThresholds(doc, view);
  const update = () => {
    const t = Number(slider.value);
    groups?.update(t);
    const m = metricsAtThreshold(table, t);
    valueLabel.textContent = `threshold ${formatNumber(t)}`;
    for (const k of ['tp', 'fp', 'fn', 'tn'] as const) confusion.querySelector(`[data-cell=${k}]`)!.textContent = formatNumber(m[k]);
    for (const [k] of SHOWN) metrics.querySelector(`[data-metric=${k}]`)!.textContent = formatNumber(m[k]);
    onChange(m);
  };
  slider.addEventListener('input', update);
  presets.addEventListener('change', () => {
    const v = (presets as unknown as { value: string }).value;
    if (v === '') return;
    slider.value = v;
    update();
  });
  update();
  return h(
    doc,
    'section',
    { id: 'threshold-section' },
    h(doc, 'h2', {}, 'Threshold'),
    h(doc, 'div', { class: 'toolbar' }, slider, valueLabel, presets),
    h(
      doc,
      'p',
      { class: 'muted' },
      `Positive when the score of ${pos} is at or above the threshold. Counts come from the evaluation's threshold table (${table.thresholds.length} thresholds, exact at each).`,
    ),
    h(doc, 'div', { class: 'threshold-grid' }, confusion, metrics),
    ...(groups ? [groups.element] : []),
  );
}
