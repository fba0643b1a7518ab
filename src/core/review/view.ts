/**
 * The Model Diff panel's view model: the diff and the charts each pair draws (ids stable across
 * the panel, its tests and the HTML report).
 */
import type { VegaLiteSpec } from '../evaluation/charts/common';
import { buildFlipMatrixSpec, buildMetricForestSpec, buildSliceDeltaSpec } from './charts';
import { buildPrSpec, buildRocSpec } from '../evaluation/charts/curveSpecs';
import type { DiffPair, ModelDiff } from './contract';
import { reviewMessage } from './messages';

/** What the host sends the Model Diff panel. */
export interface ModelDiffView {
  /** The panel's title, e.g. 'origin/main ↔ HEAD'. */
  title: string;
  diff: ModelDiff;
}

/** One chart of a pair: `forest-<i>`, `roc-<i>`, `pr-<i>`, `slices-<i>`, `flips-<i>` for the i-th pair. */
export interface DiffChart {
  id: string;
  kind: 'forest' | 'roc' | 'pr' | 'slices' | 'flips';
  pair: number;
  title: string;
  spec: VegaLiteSpec;
}

/**
 * The view of a diff.
 *
 * @example
 * panel.post('setData', buildModelDiffView(diff));
 */
export function buildModelDiffView(diff: ModelDiff): ModelDiffView {
  if (!diff || diff.schemaVersion !== 1 || !Array.isArray(diff.pairs)) throw new TypeError(reviewMessage.notADiff('buildModelDiffView'));
  return { title: `${diff.base.spec} ↔ ${diff.head.spec}`, diff };
}

/**
 * The charts of one pair: the metric forest plot, base's and head's ROC and PR curves overlaid,
 * the slice deltas of its first sliced metric, and the flip matrix (classification), each when the
 * pair has the data.
 *
 * @example
 * collectPairCharts(diff.pairs[0], 0).map((c) => c.id) // ['forest-0', 'roc-0', 'pr-0', 'slices-0', 'flips-0']
 */
export function collectPairCharts(pair: DiffPair, index: number): DiffChart[] {
  const out: DiffChart[] = [];
  if (pair.metrics.some((m) => m.delta !== null)) out.push({ id: `forest-${index}`, kind: 'forest', pair: index, title: 'Metric deltas', spec: buildMetricForestSpec(pair.metrics) });
  const c = pair.curves;
  const names = { name: 'head', baselineName: 'base' };
  if (c?.roc)
    out.push({
      id: `roc-${index}`,
      kind: 'roc',
      pair: index,
      title: 'ROC curves',
      spec: buildRocSpec(c.roc.head, { ...names, baseline: c.roc.base, title: 'ROC curve: base vs head', width: 300, height: 260 }),
    });
  if (c?.pr)
    out.push({
      id: `pr-${index}`,
      kind: 'pr',
      pair: index,
      title: 'Precision–recall curves',
      spec: buildPrSpec(c.pr.head, { ...names, baseline: c.pr.base, prevalence: c.pr.prevalence, title: 'Precision–recall: base vs head', width: 300, height: 260 }),
    });
  const sliced = pair.slices.find((s) => s.metrics.some((m) => m.delta !== null))?.metrics.find((m) => m.delta !== null)?.name;
  if (sliced) out.push({ id: `slices-${index}`, kind: 'slices', pair: index, title: 'Slice deltas', spec: buildSliceDeltaSpec(pair.slices, sliced) });
  // Right and wrong do not apply to regression models: their flips are the error table.
  if (pair.flips && pair.flips.rows > 0 && !pair.flips.errorGrew) out.push({ id: `flips-${index}`, kind: 'flips', pair: index, title: 'Prediction flips', spec: buildFlipMatrixSpec(pair.flips) });
  return out;
}

/**
 * Every chart of the diff, pair by pair.
 *
 * @example
 * collectDiffCharts(diff).length // 6 for two pairs with metrics, slices and flips
 */
export function collectDiffCharts(diff: ModelDiff): DiffChart[] {
  return diff.pairs.flatMap((p, i) => collectPairCharts(p, i));
}
