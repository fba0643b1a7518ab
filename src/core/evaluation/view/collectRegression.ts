import type { EvaluationView, ResidualsView } from '../contract';
import { _prepareRegression } from '../inputs/prepareRegression';
import { _createRng } from '../random';
import { linspace } from '../intervals/quantile';
import { _collectComparisons, _collectMetricViews, _collectSlices, subset } from './collectCommon';
import type { Normalized } from '../inputs/predictions';
import type { CollectSettings } from './collectBinary';

type Regression = Extract<Normalized, { task: 'regression' }>;

const SAMPLE = 2000;
const BINS = 30;

/** The regression parts of the view: metrics with CIs, residual sample and histogram, slices, baseline. */
export async function _collectRegression(d: Regression, s: CollectSettings & { seed: number }, baseline?: { data: Regression; name: string }): Promise<Partial<EvaluationView>> {
  const prepared = _prepareRegression(d.yTrue, d.yPred);
  const { metrics, warnings } = await _collectMetricViews(prepared, s.bootstrap);
  const view: Partial<EvaluationView> = { metrics, curves: {}, residuals: _residuals(d.yTrue, d.yPred, s.seed), warnings: [...d.warnings, ...warnings] };
  if (baseline) {
    const b = baseline.data;
    const bm = await _collectMetricViews(_prepareRegression(b.yTrue, b.yPred), undefined);
    const cmp = await _collectComparisons(_prepareRegression(d.yTrue, d.yPred, { withOrder: true }), _prepareRegression(b.yTrue, b.yPred, { withOrder: true }), s.bootstrap);
    view.baseline = { name: baseline.name, metrics: bm.metrics, curves: {}, comparisons: cmp.comparisons };
    (view.warnings as unknown[]).push(...cmp.warnings);
  }
  if (s.groups && s.slicings.length) {
    const r = await _collectSlices(s.groups, s.slicings, d.yTrue.length, (rows) => _prepareRegression(subset(d.yTrue, rows), subset(d.yPred, rows)), {
      minGroupSize: s.minGroupSize,
      bootstrap: s.bootstrap,
      yieldNow: s.yieldNow,
    });
    view.slices = r.slices;
    (view.warnings as unknown[]).push(...r.warnings);
  }
  return view;
}

/** A seeded sample of (predicted, actual) for the scatter, and the residual histogram over all rows. */
export function _residuals(yTrue: Float64Array, yPred: Float64Array, seed: number): ResidualsView {
  const n = yTrue.length;
  let rows: number[];
  if (n <= SAMPLE) rows = Array.from({ length: n }, (_, i) => i);
  else {
    // Partial Fisher–Yates: the first SAMPLE positions of a seeded shuffle, then in row order.
    const rng = _createRng(seed);
    const idx = new Uint32Array(n);
    for (let i = 0; i < n; i++) idx[i] = i;
    for (let i = 0; i < SAMPLE; i++) {
      const j = i + rng.nextInt(n - i);
      const t = idx[i];
      idx[i] = idx[j];
      idx[j] = t;
    }
    rows = Array.from(idx.subarray(0, SAMPLE)).sort((a, b) => a - b);
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const r = yTrue[i] - yPred[i];
    if (r < lo) lo = r;
    if (r > hi) hi = r;
  }
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = linspace(lo, hi, BINS + 1);
  const counts = new Array<number>(BINS).fill(0);
  const width = (hi - lo) / BINS;
  for (let i = 0; i < n; i++) counts[Math.min(BINS - 1, Math.floor((yTrue[i] - yPred[i] - lo) / width))]++;
  return { sample: { predicted: rows.map((i) => yPred[i]), actual: rows.map((i) => yTrue[i]) }, sampled: n > SAMPLE, histogram: { edges: Array.from(edges), counts } };
}
