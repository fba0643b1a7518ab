import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { KERNEL_SERVICE, type DisplayOptions } from '../../../../../src/core/kernel/service';
import { MIME_BUNDLE, type Displayable } from '../../../../../src/core/display/mimeBundle';
import { OneHotEncoder } from '../../../../../src/core/features/oneHotEncoder';
import { Pipeline } from '../../../../../src/core/features/pipeline';
import { SimpleImputer } from '../../../../../src/core/features/simpleImputer';
import { StandardScaler } from '../../../../../src/core/features/standardScaler';
import { LogisticRegression } from '../../../../../src/core/models/linear/logisticRegression';
import { Ridge } from '../../../../../src/core/models/linear/ridge';
import { StratifiedKFold } from '../../../../../src/core/validation/stratifiedKFold';
import { gridSearch } from '../../../../../src/core/validation/tuning/gridSearch';
import { halvingSearch } from '../../../../../src/core/validation/tuning/halvingSearch';
import { choice, expandGrid, int, loguniform, sampleParams, uniform, type ParamGrid } from '../../../../../src/core/validation/tuning/paramSpace';
import { randomSearch } from '../../../../../src/core/validation/tuning/randomSearch';
import { runTrial } from '../../../../../src/core/validation/tuning/runTrial';
import { SequentialExecutor } from '../../../../../src/core/validation/tuning/sequentialExecutor';
import type { RunTrialsOptions, Trial, TrialDataset, TrialExecutor, TrialResult } from '../../../../../src/core/validation/tuning/trial';
import { loadTrialDataset } from '../../../../../src/core/validation/tuning/trialDataset';
import { loadVegaDataset, maxAbsDiff, runPython } from '../../linalg/python';

const NUMERIC = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];

function penguinsPipeline(): Pipeline<LogisticRegression> {
  return new Pipeline({
    steps: [new SimpleImputer({ columns: NUMERIC, strategy: 'median' }), new StandardScaler({ columns: NUMERIC }), new OneHotEncoder({ columns: ['Island', 'Sex'], handleUnknown: 'ignore' })],
    estimator: new LogisticRegression(),
  });
}

/** An executor that sends everything through structuredClone, as a process boundary would. */
class ClonedExecutor implements TrialExecutor {
  trials: Trial[] = [];
  async run(trials: readonly Trial[], dataset: TrialDataset, options: RunTrialsOptions = {}): Promise<TrialResult[]> {
    const data = loadTrialDataset(structuredClone(dataset));
    const out: TrialResult[] = [];
    for (const t of [...trials].reverse()) {
      const copy = structuredClone(t);
      this.trials.push(copy);
      const r = structuredClone(await runTrial(copy, data));
      out.push(r);
      options.onResult?.(r);
    }
    return out;
  }
}

const SKLEARN_SEARCH = `
import pandas as pd
from sklearn.model_selection import GridSearchCV, ParameterGrid, StratifiedKFold
from sklearn.experimental import enable_halving_search_cv
from sklearn.model_selection import HalvingGridSearchCV
from sklearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.preprocessing import StandardScaler, OneHotEncoder
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
df = pd.DataFrame(data['penguins'])
num = data['numeric']
for c in num: df[c] = df[c].astype(float)
df['Sex'] = df['Sex'].astype(object).where(df['Sex'].notna(), np.nan)
pre = ColumnTransformer([('num', Pipeline([('imp', SimpleImputer(strategy='median')), ('sc', StandardScaler())]), num), ('cat', OneHotEncoder(handle_unknown='ignore'), ['Island', 'Sex'])])
pipe = Pipeline([('pre', pre), ('lr', LogisticRegression())])
X, y = df[num + ['Island', 'Sex']], df['Species']
g = GridSearchCV(pipe, {'lr__C': data['Cs'], 'lr__fit_intercept': [True, False]}, cv=StratifiedKFold(5), scoring=['neg_log_loss', 'accuracy'], refit='neg_log_loss').fit(X, y)
h = HalvingGridSearchCV(pipe, {'lr__C': [0.001, 0.01, 0.1, 1, 10, 100, 1000, 3, 30]}, cv=3, factor=3).fit(X, y)
out({'grids': [list(ParameterGrid(gr)) for gr in data['grids']],
     'params': [{k.replace('lr__', '').replace('fit_intercept', 'fitIntercept'): v for k, v in p.items()} for p in g.cv_results_['params']],
     'logLoss': -g.cv_results_['mean_test_neg_log_loss'], 'accuracy': g.cv_results_['mean_test_accuracy'], 'rank': g.cv_results_['rank_test_neg_log_loss'],
     'best': {k.replace('lr__', '').replace('fit_intercept', 'fitIntercept'): v for k, v in g.best_params_.items()},
     'halvingResources': h.n_resources_, 'halvingCandidates': h.n_candidates_})
`;

describe('core/validation tuning', () => {
  const penguins = aq.from(loadVegaDataset('penguins.json'));
  const grids: ParamGrid[] = [{ b: [1, 2], a: ['x', 'y', 'z'] }, [{ C: [1, 10] }, { C: [0.5], fitIntercept: [false, true] }]];
  let sk: {
    grids: Record<string, unknown>[][];
    params: Record<string, unknown>[];
    logLoss: number[];
    accuracy: number[];
    rank: number[];
    best: Record<string, unknown>;
    halvingResources: number[];
    halvingCandidates: number[];
  };

  before(function () {
    sk = runPython(this as unknown as Mocha.Context, SKLEARN_SEARCH, { penguins: loadVegaDataset('penguins.json'), numeric: NUMERIC, Cs: [0.01, 0.1, 1, 10], grids });
  });

  it('expandGrid enumerates candidates in scikit-learn ParameterGrid order', () => {
    grids.forEach((g, k) => assert.deepEqual(expandGrid(g), sk.grids[k]));
  });

  it('gridSearch scores, ranks and picks like GridSearchCV, and refits the best on all data', async () => {
    const search = await gridSearch(penguinsPipeline(), penguins, {
      label: 'Species',
      paramGrid: { C: [0.01, 0.1, 1, 10], fitIntercept: [true, false] },
      cv: new StratifiedKFold({ nSplits: 5 }),
      scoring: ['logLoss', 'accuracy'],
    });
    assert.deepEqual(
      search.candidates.map((c) => c.params),
      sk.params,
    );
    assert.ok(
      maxAbsDiff(
        search.candidates.map((c) => c.mean.logLoss),
        sk.logLoss,
      ) < 1e-5,
      'mean log loss per candidate',
    );
    assert.ok(
      maxAbsDiff(
        search.candidates.map((c) => c.mean.accuracy),
        sk.accuracy,
      ) < 1e-12,
      'mean accuracy per candidate',
    );
    assert.deepEqual(
      search.candidates.map((c) => c.rank),
      sk.rank,
    );
    assert.deepEqual(search.bestParams, sk.best);
    const direct = await penguinsPipeline().clone(search.bestParams).fit(penguins, 'Species');
    assert.deepEqual((await search.bestEstimator!.predictProba(penguins)).data, (await direct.predictProba(penguins)).data);
    const table = search.table();
    assert.deepEqual(table.columnNames(), ['candidate', 'rank', 'param_C', 'param_fitIntercept', 'mean_logLoss', 'std_logLoss', 'mean_accuracy', 'std_accuracy', 'meanFitMs', 'error']);
    assert.equal(table.numRows(), 8);
  });

  it('halvingSearch plans rounds like HalvingGridSearchCV and narrows the candidates', async () => {
    const search = await halvingSearch(penguinsPipeline(), penguins, { label: 'Species', paramGrid: { C: [0.001, 0.01, 0.1, 1, 10, 100, 1000, 3, 30] }, cv: 3, factor: 3 });
    const rounds = [...new Set(search.candidates.map((c) => c.round))];
    assert.deepEqual(
      rounds.map((r) => search.candidates.find((c) => c.round === r)!.nResources),
      sk.halvingResources,
    );
    assert.deepEqual(
      rounds.map((r) => search.candidates.filter((c) => c.round === r).length),
      sk.halvingCandidates,
    );
    const last = search.candidates[search.bestIndex];
    assert.equal(last.round, rounds.length - 1);
    assert.ok(search.bestEstimator && search.bestScore > 0.9);
  });

  it('randomSearch draws seeded candidates from uniform, loguniform, int and choice distributions', async () => {
    const d = { alpha: loguniform(1e-3, 1e3), fitIntercept: choice([true, false]) };
    assert.deepEqual(sampleParams(d, 5, 9), sampleParams(d, 5, 9));
    assert.notDeepEqual(sampleParams(d, 5, 9), sampleParams(d, 5, 10));
    const draws = sampleParams({ u: uniform(2, 3), i: int(1, 3), l: loguniform(1, 100) }, 200, 1);
    assert.ok(draws.every((p) => (p.u as number) >= 2 && (p.u as number) <= 3 && [1, 2, 3].includes(p.i as number) && (p.l as number) >= 1 && (p.l as number) <= 100));
    assert.deepEqual(new Set(draws.map((p) => p.i)), new Set([1, 2, 3]));
    const grid = sampleParams({ a: [1, 2], b: ['x', 'y'] }, 10, 0);
    assert.equal(grid.length, 4, 'an all-list space is sampled without replacement');
    const x = Array.from({ length: 60 }, (_, i) => [i % 10, (i * 7) % 11]);
    const y = x.map(([a, b]) => 2 * a - b + ((a * b) % 3));
    const search = await randomSearch(new Ridge(), x, { label: y, paramDistributions: d, nIter: 6, seed: 3, cv: 3, scoring: ['rmse', 'r2'] });
    assert.equal(search.candidates.length, 6);
    assert.equal(search.greaterIsBetter, false, 'rmse: lower is better');
    const best = Math.min(...search.candidates.map((c) => c.mean.rmse));
    assert.equal(search.bestScore, best);
  });

  it('runs trials through any executor: trials and results survive structured cloning, in any order', async () => {
    const executor = new ClonedExecutor();
    const options = { label: 'Species', paramGrid: { C: [0.1, 1] }, cv: 3, scoring: 'accuracy' };
    const cloned = await gridSearch(penguinsPipeline(), penguins, { ...options, executor });
    const local = await gridSearch(penguinsPipeline(), penguins, { ...options, executor: new SequentialExecutor() });
    assert.equal(executor.trials.length, 6);
    assert.ok(executor.trials[0].train instanceof Int32Array && executor.trials[0].spec.type === 'Pipeline');
    assert.deepEqual(
      cloned.candidates.map((c) => c.scores),
      local.candidates.map((c) => c.scores),
    );
  });

  it('records a failing candidate with NaN scores and its error, ranked last, and goes on', async () => {
    const x = Array.from({ length: 30 }, (_, i) => [i, (i * 7) % 5]);
    const y = x.map(([a]) => (a > 14 ? 1 : 0));
    const search = await gridSearch(new LogisticRegression(), x, { label: y, paramGrid: { C: [1, -1] }, cv: 3 });
    const bad = search.candidates[1];
    assert.ok(Number.isNaN(bad.mean.accuracy));
    assert.match(bad.errors[0], /C must be a positive finite number/);
    assert.equal(bad.rank, 2);
    assert.deepEqual(search.bestParams, { C: 1 });
  });

  it('shows live progress through the kernel display (one output id, updated) and stops on interrupt', async () => {
    const shown: { text: string; options: DisplayOptions }[] = [];
    const ac = new AbortController();
    const g = globalThis as Record<symbol, unknown>;
    g[KERNEL_SERVICE] = {
      display: (v: Displayable, options: DisplayOptions) => shown.push({ text: String(v[MIME_BUNDLE]()['text/plain']), options }),
      signal: ac.signal,
      importModule: async () => ({}),
    };
    try {
      const x = Array.from({ length: 40 }, (_, i) => [i % 9, (i * 5) % 7]);
      const y = x.map(([a, b]) => (a + b > 7 ? 'p' : 'n'));
      await gridSearch(new LogisticRegression(), x, { label: y, paramGrid: { C: [0.1, 1, 10] }, cv: 2 });
      assert.ok(shown.length >= 2);
      assert.equal(shown[0].options.update, false);
      assert.ok(shown.slice(1).every((s) => s.options.update === true && s.options.id === shown[0].options.id));
      assert.match(shown[shown.length - 1].text, /gridSearch: 6\/6 trials · best accuracy/);
      ac.abort();
      await assert.rejects(gridSearch(new LogisticRegression(), x, { label: y, paramGrid: { C: [0.1, 1] }, cv: 2 }), { name: 'AbortError' });
    } finally {
      delete g[KERNEL_SERVICE];
    }
  });
});
