import { strict as assert } from 'node:assert';
import { evaluatePredictions } from '../../../../src/core/evaluation/evaluate/fromPredictions';
import { buildEvaluationCharts } from '../../../../src/core/evaluation/view/buildCharts';
import { buildSliceSpec } from '../../../../src/core/evaluation/charts/sliceSpec';
import { buildRocSpec } from '../../../../src/core/evaluation/charts/curveSpecs';
import { buildImportanceSpec, buildPartialDependenceSpec } from '../../../../src/core/evaluation/charts/explainSpecs';
import type { VegaLiteSpec } from '../../../../src/core/evaluation/charts/common';
import { binaryData } from './reference';
import { penguins } from './cases';

interface VegaLite {
  compile(spec: unknown): { spec: unknown };
}
interface VegaView {
  toSVG(): Promise<string>;
  finalize(): void;
}
interface Vega {
  parse(spec: unknown): unknown;
  View: new (runtime: unknown, options: { renderer: 'none' }) => VegaView;
}

// vega and vega-lite are ESM-only: load them by a runtime specifier (the tsconfig resolves CommonJS).
const load = (name: string): Promise<unknown> => import(name);

/** Compiles a spec with vega-lite and renders it to SVG with vega (headless): it must draw. */
async function render(spec: VegaLiteSpec): Promise<string> {
  const vl = (await load('vega-lite')) as VegaLite;
  const vega = (await load('vega')) as Vega;
  const compiled = vl.compile(spec);
  const view = new vega.View(vega.parse(compiled.spec), { renderer: 'none' });
  const svg = await view.toSVG();
  view.finalize();
  return svg;
}

describe('core/evaluation charts (Vega-Lite v5 specs)', () => {
  it('builds every chart of binary, multiclass and regression evaluations, and each renders', async () => {
    const binary = await evaluatePredictions(
      { yTrue: penguins.sex, yScore: penguins.pMale, groups: { species: penguins.species } },
      { positiveLabel: 'MALE', baseline: { yScore: penguins.pMaleBaseline }, bootstrap: { resamples: 100, seed: 1 } },
    );
    const multi = await evaluatePredictions(
      { yTrue: penguins.species, yProba: { classes: penguins.speciesClasses, rows: penguins.species.length, data: Float64Array.from(penguins.pSpecies.flat()) } },
      { bootstrap: false },
    );
    const regression = await evaluatePredictions({ yTrue: penguins.features['Body Mass (g)'], yPred: penguins.massPred, groups: { sex: penguins.sex } }, { bootstrap: { resamples: 100 } });
    const b = buildEvaluationCharts(binary.view);
    const m = buildEvaluationCharts(multi.view);
    const r = buildEvaluationCharts(regression.view);
    assert.deepEqual(Object.keys(b).sort(), ['calibration', 'confusion', 'pr', 'roc', 'slices', 'thresholds']);
    assert.ok(m.roc && m.confusion && m.calibration);
    assert.ok(r.residuals && r.residualHistogram && r.slices.length === 1);
    const all = [b.roc, b.pr, b.calibration, b.confusion, b.thresholds, ...b.slices, m.roc, m.confusion, r.residuals, r.residualHistogram, ...r.slices];
    for (const spec of all) {
      assert.equal(spec?.$schema, 'https://vega.github.io/schema/vega-lite/v5.json');
      assert.ok(!/NaN|Infinity/.test(JSON.stringify(spec)));
      const svg = await render(spec as VegaLiteSpec);
      assert.match(svg, /^<svg/);
    }
    // The ROC chart overlays the baseline: two models in the colour domain.
    const rocModels = new Set(((b.roc?.layer as { data?: { values: { model: string }[] } }[])[1].data?.values ?? []).map((v) => v.model));
    assert.equal(rocModels.size, 2);
  });

  it('keeps chart data small on large inputs (curves are downsampled)', async () => {
    const big = binaryData(100000, 12);
    const ev = await evaluatePredictions({ yTrue: big.y, yScore: big.score }, { bootstrap: false });
    const c = buildEvaluationCharts(ev.view);
    for (const spec of [c.roc, c.pr, c.thresholds]) assert.ok(JSON.stringify(spec).length < 150_000, `${String(spec?.title)} is ${JSON.stringify(spec).length} bytes`);
  });

  it('draws slice bars with CI error bars and fades small groups', async () => {
    const ev = await evaluatePredictions({ yTrue: penguins.sex, yScore: penguins.pMale, groups: { island: penguins.island } }, { positiveLabel: 'MALE', bootstrap: { resamples: 100 } });
    const spec = buildSliceSpec(ev.view.slices[0], 'recall', { minGroupSize: 60 });
    const values = (spec.data as { values: { lower: number; upper: number; trusted: string }[] }).values;
    assert.ok(values.every((v) => v.lower <= v.upper));
    assert.ok(values.some((v) => v.trusted !== 'yes'));
    assert.throws(() => buildSliceSpec(ev.view.slices[0], 'rmse'), /has no metric 'rmse'/);
  });

  it('draws explainability charts', async () => {
    const importance = buildImportanceSpec({
      scoring: 'auc',
      baselineScore: 0.9,
      nRepeats: 3,
      seed: 0,
      features: [{ feature: 'a', importanceMean: 0.1, importanceStd: 0.01, importances: [0.1, 0.11, 0.09] }],
    });
    const pd = buildPartialDependenceSpec({
      feature: 'a',
      grid: [1, 2, 3],
      average: [{ output: 'prediction', values: [0.1, 0.2, 0.4] }],
      individual: [
        [0, 0.1, 0.2],
        [0.2, 0.3, 0.6],
      ],
    });
    for (const spec of [importance, pd]) assert.match(await render(spec), /^<svg/);
  });

  it('explains a wrong argument', () => {
    assert.throws(() => buildRocSpec(undefined as never), /pass a curve view/);
  });
});
