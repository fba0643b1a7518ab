/**
 * The Model Diff panel's view model: the diff and the charts each pair draws (ids stable across
 * the panel, its tests and the HTML report).
 */
import type { VegaLiteSpec } from '../evaluation/charts/common';
import { buildFlipMatrixSpec, buildMetricForestSpec, buildSliceDeltaSpec } from './charts';
import type { DiffPair, ModelDiff } from './contract';
import { reviewMessage } from './messages';

/** What the host sends the Model Diff panel. */
export interface ModelDiffView {
  /** The panel's title, e.g. 'origin/main ↔ HEAD'. */
  title: string;
  diff: ModelDiff;
}

/** One chart of a pair: `forest-<i>`, `slices-<i>`, `flips-<i>` for the i-th pair. */
export interface DiffChart {
  id: string;
  kind: 'forest' | 'slices' | 'flips';
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
 * The charts of one pair: the metric forest plot, the slice deltas of its first sliced metric, and
 * the flip matrix, each when the pair has the data.
 *
 * @example
 * collectPairCharts(diff.pairs[0], 0).map((c) => c.id) // ['forest-0', 'slices-0', 'flips-0']
 */
export function collectPairCharts(pair: DiffPair, index: number): DiffChart[] {
  const out: DiffChart[] = [];
  if (pair.metrics.some((m) => m.delta !== null)) out.push({ id: `forest-${index}`, kind: 'forest', pair: index, title: 'Metric deltas', spec: buildMetricForestSpec(pair.metrics) });
  const sliced = pair.slices.find((s) => s.metrics.some((m) => m.delta !== null))?.metrics.find((m) => m.delta !== null)?.name;
  if (sliced) out.push({ id: `slices-${index}`, kind: 'slices', pair: index, title: 'Slice deltas', spec: buildSliceDeltaSpec(pair.slices, sliced) });
  if (pair.flips && pair.flips.rows > 0) out.push({ id: `flips-${index}`, kind: 'flips', pair: index, title: 'Prediction flips', spec: buildFlipMatrixSpec(pair.flips) });
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
