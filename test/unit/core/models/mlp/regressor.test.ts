import { strict as assert } from 'node:assert';
import { isRegressor } from '../../../../../src/core/models/contract';
import { MIME_BUNDLE } from '../../../../../src/core/display/mimeBundle';
import { MLPRegressor } from '../../../../../src/core/models/mlp';
import { makeRegression } from './data';

const quiet = { progress: false } as const;

describe('MLPRegressor', function () {
  this.timeout(60_000);
  const { x, y } = makeRegression(1000, 4, 6);

  it('learns a nonlinear target and scores it with R²', async () => {
    const reg = await new MLPRegressor({ hiddenLayerSizes: [32, 16], maxIter: 150, learningRateInit: 0.01, seed: 2, ...quiet }).fit(x, y);
    assert.ok(isRegressor(reg));
    const yHat = await reg.predict(x);
    assert.ok(yHat instanceof Float64Array && yHat.length === 1000);
    assert.ok((await reg.score(x, y)) > 0.9);
    assert.equal(reg.summary().layers!.at(-1)!.kind, 'Dense(identity)');
  });

  it('is bit-reproducible with the same seed', async () => {
    const a = await new MLPRegressor({ hiddenLayerSizes: [8], maxIter: 5, seed: 9, ...quiet }).fit(x, y);
    const b = await new MLPRegressor({ hiddenLayerSizes: [8], maxIter: 5, seed: 9, ...quiet }).fit(x, y);
    assert.deepEqual(await a.predict(x), await b.predict(x));
  });

  it('stops early on the held-out R² and records it per epoch', async () => {
    const reg = await new MLPRegressor({ hiddenLayerSizes: [16], maxIter: 400, earlyStopping: true, nIterNoChange: 4, learningRateInit: 0.01, ...quiet }).fit(x, y);
    assert.equal(reg.history!.stopReason, 'earlyStopping');
    assert.equal(reg.history!.scoreName, 'r2');
    assert.equal(reg.validationScores.length, reg.nIter);
    assert.ok(Math.max(...reg.validationScores) > 0.8);
  });

  it('shows its summary numbers formatted (finalLoss 0.1234, not 0.12341234…) while summary() keeps them exact', async () => {
    const reg = await new MLPRegressor({ hiddenLayerSizes: [4], maxIter: 3, seed: 1, ...quiet }).fit(x, y);
    const loss = reg.summary().extra!.finalLoss as number;
    assert.ok(String(loss).length > 8, `finalLoss ${loss} should need formatting`);
    const html = String(reg[MIME_BUNDLE]()['text/html']);
    const shown = /<td>finalLoss<\/td><td>([^<]*)<\/td>/.exec(html)![1];
    assert.ok(shown.length <= 9 && Math.abs(Number(shown) - loss) / loss < 1e-3, shown);
  });

  it('refuses targets that are not numbers', async () => {
    await assert.rejects(new MLPRegressor(quiet).fit([[1], [2]], ['a', 'b']), /y must hold finite numbers; row 0 is "a"/);
  });
});
