import { strict as assert } from 'node:assert';
import { BaseEstimator } from '../../../../src/core/models/baseEstimator';
import { setFitObserver } from '../../../../src/core/models/fitObserver';
import type { Features, FitOptions, Target } from '../../../../src/core/models/contract';

class MeanRegressor extends BaseEstimator {
  mean = 0;
  seenOptions: FitOptions | undefined;
  spec() {
    return { type: 'MeanRegressor', params: { shift: 0 } };
  }
  protected async fitModel(_x: Features, y: Target, options: FitOptions): Promise<void> {
    this.seenOptions = options;
    const values = Array.from(y as number[]);
    this.mean = values.reduce((a, b) => a + b, 0) / values.length;
  }
}

describe('core/models/BaseEstimator', () => {
  afterEach(() => setFitObserver(undefined));

  it('fits through fitModel and resolves to the estimator itself', async () => {
    const m = new MeanRegressor();
    assert.equal(await m.fit([[0], [1]], [2, 4]), m);
    assert.equal(m.mean, 3);
  });

  it("runs a subclass's fit through the fit observer, with the options the observer passes", async () => {
    const seen: string[] = [];
    const marker = () => undefined;
    setFitObserver({ observeFit: (estimator, _x, options, fit) => (seen.push(estimator.spec().type), fit({ ...options, onProgress: marker })) });
    const m = await new MeanRegressor().fit([[0], [1]], [2, 4]);
    assert.deepEqual(seen, ['MeanRegressor']);
    assert.equal(m.seenOptions?.onProgress, marker);
  });
});
