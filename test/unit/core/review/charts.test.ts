import { strict as assert } from 'node:assert';
import { buildFlipMatrixSpec, buildMetricForestSpec, buildSliceDeltaSpec, VERDICT_COLORS } from '../../../../src/core/review/charts';
import { collectDiffCharts } from '../../../../src/core/review/view';
import { renderDiffChartSvgs } from '../../../../src/store/review/renderDiffReport';

import { loadDiffFixture } from './diffFixture';

type Layer = { mark: { type: string }; encoding: Record<string, { field?: string; scale?: unknown }>; data?: { values: Record<string, unknown>[] } };
const values = (spec: Record<string, unknown>) => (spec.data as { values: Record<string, unknown>[] }).values;

describe('core/review charts (Vega-Lite specs of the model diff)', () => {
  const diff = loadDiffFixture();
  const churn = diff.pairs[0];

  it('the forest plot has a point and an interval per metric, a zero line, and direction-aware colours', () => {
    const spec = buildMetricForestSpec(churn.metrics);
    const rows = values(spec);
    assert.equal(rows.length, churn.metrics.length);
    const logLoss = rows.find((r) => String(r.label).startsWith('Log loss'))!;
    assert.equal(logLoss.verdict, 'worse', 'log loss went up: worse, though the delta is positive');
    assert.ok(String(logLoss.label).endsWith('↓'), 'lower is better is marked');
    const recall = rows.find((r) => String(r.label).startsWith('Recall'))!;
    assert.deepEqual([recall.verdict, recall.lo, recall.hi], ['better', 0.0122, 0.0641]);
    const layers = spec.layer as Layer[];
    assert.deepEqual(layers[0].data?.values, [{ zero: 0 }], 'a zero line');
    assert.equal(layers[1].encoding.x2.field, 'hi');
    assert.deepEqual(layers[2].encoding.color.scale, VERDICT_COLORS);
    assert.deepEqual(VERDICT_COLORS.domain.slice(0, 3), ['worse', 'better', 'unchanged']);
    assert.equal(typeof spec.width, 'number', "a fixed width, never 'container'");
  });

  it('slice deltas list every group of the metric and mark small groups', () => {
    const spec = buildSliceDeltaSpec(churn.slices, 'auc');
    const rows = values(spec);
    assert.equal(rows.length, churn.slices.length);
    const west = rows.find((r) => String(r.label).includes('west'))!;
    assert.equal(west.small, 'small group');
    assert.match(String(west.label), /\(small\)/);
    assert.equal(rows.find((r) => String(r.label).includes('east'))!.verdict, 'worse');
    assert.equal(typeof spec.width, 'number');
  });

  it('the flip matrix puts regressions at base right × head wrong and fixes at base wrong × head right', () => {
    const spec = buildFlipMatrixSpec(churn.flips!);
    const cells = values(spec);
    assert.deepEqual(
      cells.find((c) => c.base === 'base right' && c.head === 'head wrong'),
      { base: 'base right', head: 'head wrong', kind: 'regression', count: 214, text: '214 regressions' },
    );
    assert.equal(cells.find((c) => c.base === 'base wrong' && c.head === 'head right')!.count, 397);
    assert.match(JSON.stringify(spec.title), /6,432 of 7,043 rows kept their correctness/);
    const split = values(buildFlipMatrixSpec({ ...churn.flips!, bothRight: 5900, bothWrong: 532 }));
    assert.equal(split.find((c) => c.base === 'base right' && c.head === 'head right')!.count, 5900);
  });

  it('refuses what is not a diff part, with the argument to pass', () => {
    assert.throws(() => buildMetricForestSpec(undefined as never), /diff\.pairs\[0\]\.metrics/);
    assert.throws(() => buildFlipMatrixSpec(undefined as never), /diff\.pairs\[0\]\.flips/);
  });

  it('every chart of the fixture renders to SVG with vega in Node, with marks', async function () {
    this.timeout(30_000);
    assert.deepEqual(
      collectDiffCharts(diff).map((c) => c.id),
      ['forest-0', 'slices-0', 'flips-0', 'forest-1', 'slices-1', 'flips-1'],
    );
    const svgs = await renderDiffChartSvgs(diff);
    assert.match(svgs['forest-0'], /<svg[^>]*>/);
    assert.match(svgs['forest-0'], /mark-symbol/);
    assert.match(svgs['forest-0'], /ROC AUC/);
    assert.match(svgs['flips-0'], /214 regressions/);
    assert.match(svgs['slices-0'], /\(small\)/);
  });
});
