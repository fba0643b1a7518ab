import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { observeFit, setFitObserver, type FitObserver } from '../../../../src/core/models/fitObserver';
import { LinearRegression } from '../../../../src/core/models/linear/linearRegression';
import { LogisticRegression } from '../../../../src/core/models/linear/logisticRegression';
import { MLPRegressor } from '../../../../src/core/models/mlp/index';
import { Pipeline } from '../../../../src/core/features/pipeline';
import { StandardScaler } from '../../../../src/core/features/index';
import type { FitOptions, TrainingProgress } from '../../../../src/core/models/contract';

/** An observer that logs the type of every fit it sees and its progress callbacks. */
function logObserver(log: string[]): FitObserver {
  return {
    observeFit: async (estimator, _x, options, fit) => {
      const type = estimator.spec().type;
      log.push(`start ${type}`);
      const onProgress = (p: TrainingProgress) => (log.push(`progress ${type} ${p.epoch}`), options.onProgress?.(p));
      const result = await fit({ ...options, onProgress } as typeof options);
      log.push(`end ${type}`);
      return result;
    },
  };
}

describe('core/models/fitObserver', () => {
  const x = aq.table({ a: [0, 1, 2, 3, 4, 5], b: [1, 0, 1, 0, 1, 1] });
  afterEach(() => setFitObserver(undefined));

  it('runs the fit plainly when no observer is installed', async () => {
    let called = 0;
    const result = await observeFit({ spec: () => ({ type: 'T', params: {} }) }, x, { signal: undefined } as FitOptions, async () => ++called);
    assert.equal(result, 1);
    assert.equal(called, 1);
  });

  it('returns the previous observer when a new one is installed', () => {
    const first = logObserver([]);
    assert.equal(setFitObserver(first), undefined);
    assert.equal(setFitObserver(undefined), first);
  });

  it('sees the fit of every built-in estimator, and the options it passes reach the training', async () => {
    const log: string[] = [];
    setFitObserver(logObserver(log));
    const lin = await new LinearRegression().fit(x.select('a'), [1, 3, 5, 7, 9, 11]);
    assert.ok(Math.abs(lin.coef![0] - 2) < 1e-9, 'the fit still trains');
    await new LogisticRegression().fit(x.select('a'), [0, 0, 0, 1, 1, 1]);
    await new MLPRegressor({ hiddenLayerSizes: [2], maxIter: 2, seed: 1, progress: false }).fit(x.select('a'), [1, 3, 5, 7, 9, 11]);
    assert.deepEqual(
      log.filter((l) => l.startsWith('start')),
      ['start LinearRegression', 'start LogisticRegression', 'start MLPRegressor'],
    );
    assert.ok(log.includes('progress LinearRegression 1'), "the observer's onProgress is the one training reports to");
    assert.ok(log.includes('progress MLPRegressor 2'));
  });

  it("sees a pipeline's fit around its estimator's fit", async () => {
    const log: string[] = [];
    setFitObserver(logObserver(log));
    await new Pipeline({ steps: [new StandardScaler({ columns: ['a'] })], estimator: new LinearRegression() }).fit(x, [1, 3, 5, 7, 9, 11]);
    assert.deepEqual(
      log.filter((l) => !l.startsWith('progress')),
      ['start Pipeline', 'start LinearRegression', 'end LinearRegression', 'end Pipeline'],
    );
  });

  it("passes a failed fit's error through", async () => {
    setFitObserver(logObserver([]));
    await assert.rejects(new LogisticRegression().fit(x.select('a'), [1, 1, 1, 1, 1, 1]), /at least 2 classes/);
  });
});
