import { strict as assert } from 'node:assert';
import { DummyClassifier, type DummyClassifierParams } from '../../../../../src/core/models/dummy/dummyClassifier';
import { DummyRegressor, type DummyRegressorParams } from '../../../../../src/core/models/dummy/dummyRegressor';
import { loadVegaDataset, maxAbsDiff, runPython } from '../../linalg/python';

/** Penguins with a species and a body mass: labels of three unequal classes, a skewed numeric target. */
function penguins(): { x: number[][]; species: string[]; mass: number[]; weights: number[] } {
  const rows = loadVegaDataset('penguins.json').filter((r) => typeof r['Body Mass (g)'] === 'number');
  return {
    x: rows.map(() => [0]),
    species: rows.map((r) => r.Species as string),
    mass: rows.map((r) => r['Body Mass (g)'] as number),
    weights: rows.map((_, i) => 1 + (i % 5)),
  };
}

const SK_CLASSIFIER = `
from sklearn.dummy import DummyClassifier
res = {}
for name, kw in data['configs'].items():
    sw = np.array(data['sw']) if kw.pop('sw', False) else None
    m = DummyClassifier(**kw).fit(np.array(data['x']), np.array(data['y']), sample_weight=sw)
    res[name] = {'classes': m.classes_.tolist(), 'prior': m.class_prior_, 'proba': m.predict_proba(np.array(data['x'])[:5]), 'predict': m.predict(np.array(data['x'])[:5]).tolist()}
out(res)
`;

const SK_REGRESSOR = `
from sklearn.dummy import DummyRegressor
res = {}
for name, kw in data['configs'].items():
    sw = np.array(data['sw']) if kw.pop('sw', False) else None
    m = DummyRegressor(**kw).fit(np.array(data['x']), np.array(data['y']), sample_weight=sw)
    res[name] = float(m.constant_.ravel()[0])
out(res)
`;

describe('core/models/dummy against scikit-learn', () => {
  it('DummyClassifier prior, mostFrequent, constant and uniform give sklearn’s classes, priors, probabilities and predictions, with and without sample weights', async function () {
    const { x, species, weights } = penguins();
    const ours: Record<string, [DummyClassifierParams, boolean]> = {
      prior: [{}, false],
      priorWeighted: [{}, true],
      mostFrequent: [{ strategy: 'mostFrequent' }, false],
      mostFrequentWeighted: [{ strategy: 'mostFrequent' }, true],
      constant: [{ strategy: 'constant', constant: 'Gentoo' }, false],
      uniform: [{ strategy: 'uniform' }, false],
    };
    const configs = {
      prior: {},
      priorWeighted: { sw: true },
      mostFrequent: { strategy: 'most_frequent' },
      mostFrequentWeighted: { strategy: 'most_frequent', sw: true },
      constant: { strategy: 'constant', constant: 'Gentoo' },
      uniform: { strategy: 'uniform' },
    };
    const sk = runPython<Record<string, { classes: string[]; prior: number[]; proba: number[][]; predict: string[] }>>(this, SK_CLASSIFIER, { x, y: species, sw: weights, configs });
    for (const [name, [params, weighted]] of Object.entries(ours)) {
      const m = await new DummyClassifier(params).fit(x, species, weighted ? { sampleWeight: weights } : {});
      const ref = sk[name];
      assert.deepEqual(m.classes, ref.classes, name);
      assert.ok(maxAbsDiff(m.classPrior, ref.prior) < 1e-12, `${name}: class prior differs by ${maxAbsDiff(m.classPrior, ref.prior)}`);
      const p = await m.predictProba(x.slice(0, 5));
      assert.ok(maxAbsDiff(p.data, ref.proba.flat()) < 1e-12, `${name}: probabilities differ by ${maxAbsDiff(p.data, ref.proba.flat())}`);
      // 'uniform' predictions are random draws; the others are the same label on every row.
      if (name !== 'uniform') assert.deepEqual(await m.predict(x.slice(0, 5)), ref.predict, name);
    }
  });

  it('DummyClassifier stratified and uniform draw classes in sklearn’s proportions', async function () {
    const { species } = penguins();
    const n = 30000;
    const x = Array.from({ length: n }, () => [0]);
    const sk = runPython<Record<string, { prior: number[] }>>(this, SK_CLASSIFIER, {
      x: species.map(() => [0]),
      y: species,
      sw: [],
      configs: { stratified: { strategy: 'stratified', random_state: 0 } },
    });
    const strat = await new DummyClassifier({ strategy: 'stratified', seed: 3 }).fit(
      species.map(() => [0]),
      species,
    );
    const shares = (labels: unknown[], classes: unknown[]) => classes.map((c) => labels.filter((l) => l === c).length / labels.length);
    const drawn = shares(await strat.predict(x), strat.classes);
    assert.ok(maxAbsDiff(drawn, sk.stratified.prior) < 0.015, `stratified shares ${drawn.join(', ')} vs sklearn prior ${sk.stratified.prior.join(', ')}`);
    const uniform = await new DummyClassifier({ strategy: 'uniform', seed: 3 }).fit(
      species.map(() => [0]),
      species,
    );
    const even = shares(await uniform.predict(x), uniform.classes);
    assert.ok(maxAbsDiff(even, [1 / 3, 1 / 3, 1 / 3]) < 0.015, `uniform shares ${even.join(', ')}`);
  });

  it('DummyRegressor mean, median, quantile and constant give sklearn’s constant_, with and without sample weights', async function () {
    const { x, mass, weights } = penguins();
    const cases: [string, DummyRegressorParams, Record<string, unknown>, boolean][] = [
      ['mean', {}, {}, false],
      ['meanWeighted', {}, { sw: true }, true],
      ['median', { strategy: 'median' }, { strategy: 'median' }, false],
      ['medianWeighted', { strategy: 'median' }, { strategy: 'median', sw: true }, true],
      ['q0', { strategy: 'quantile', quantile: 0 }, { strategy: 'quantile', quantile: 0 }, false],
      ['q037', { strategy: 'quantile', quantile: 0.37 }, { strategy: 'quantile', quantile: 0.37 }, false],
      ['q037Weighted', { strategy: 'quantile', quantile: 0.37 }, { strategy: 'quantile', quantile: 0.37, sw: true }, true],
      ['q1', { strategy: 'quantile', quantile: 1 }, { strategy: 'quantile', quantile: 1 }, false],
      ['constant', { strategy: 'constant', constant: 4000 }, { strategy: 'constant', constant: 4000 }, false],
    ];
    const sk = runPython<Record<string, number>>(this, SK_REGRESSOR, { x, y: mass, sw: weights, configs: Object.fromEntries(cases.map(([n, , kw]) => [n, kw])) });
    for (const [name, params, , weighted] of cases) {
      const m = await new DummyRegressor(params).fit(x, mass, weighted ? { sampleWeight: weights } : {});
      assert.ok(Math.abs(m.value! - sk[name]) < 1e-9 * Math.abs(sk[name]), `${name}: ${m.value} vs sklearn ${sk[name]}`);
    }
  });
});
