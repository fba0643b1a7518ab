import { strict as assert } from 'node:assert';
import { MLPClassifier, MLPRegressor, type MLPParams } from '../../../../../src/core/models/mlp';
import { initMlpWeights } from '../../../../../src/core/models/mlp/weights';
import { createRng } from '../../../../../src/core/training/random';
import { makeClassification, makeRegression } from './data';
import { maxRelativeError, runReference } from './python';

/**
 * scikit-learn from given initial weights: one fit to create its attributes, then our weights,
 * then `warm_start` with a fresh Adam and no shuffling, so both visit the same batches in order.
 */
const FROM_WEIGHTS = `
import json, sys, warnings
import numpy as np
from sklearn.neural_network import MLPClassifier, MLPRegressor
warnings.filterwarnings("ignore")
d = json.load(sys.stdin)
X, y = np.array(d["x"], dtype=np.float64), np.array(d["y"])
Est = MLPClassifier if d["kind"] == "classifier" else MLPRegressor
m = Est(hidden_layer_sizes=tuple(d["hidden"]), activation=d["activation"], alpha=d["alpha"], batch_size=d["batchSize"],
        learning_rate_init=d["lr"], max_iter=1, shuffle=False, tol=0.0, n_iter_no_change=10**9, random_state=0)
m.fit(X, y)
m.coefs_ = [np.array(c, dtype=np.float64).reshape(r, k) for c, r, k in zip(d["coefs"], d["sizes"][:-1], d["sizes"][1:])]
m.intercepts_ = [np.array(b, dtype=np.float64) for b in d["intercepts"]]
m.set_params(warm_start=True, max_iter=d["epochs"])
m.fit(X, y)
out = {"loss": m.loss_curve_[1:]}
out["pred"] = (m.predict_proba(X) if d["kind"] == "classifier" else m.predict(X)).tolist()
print(json.dumps(out))
`;

interface Case {
  kind: 'classifier' | 'regressor';
  classes?: number;
  params: Partial<MLPParams>;
}

async function compare(ctx: Mocha.Context, c: Case) {
  const { x, y } = c.kind === 'classifier' ? makeClassification(600, 5, c.classes ?? 2, 3) : makeRegression(600, 5, 3);
  const params: Partial<MLPParams> = { maxIter: 8, batchSize: 64, shuffle: false, tol: 0, nIterNoChange: 1000, seed: 11, progress: false, ...c.params };
  const model = c.kind === 'classifier' ? new MLPClassifier(params) : new MLPRegressor(params);
  await model.fit(x, y);
  const outputs = c.kind === 'classifier' ? (c.classes ?? 2) : 1;
  const sizes = [5, ...model.params.hiddenLayerSizes, c.kind === 'classifier' && outputs === 2 ? 1 : outputs];
  const init = initMlpWeights(sizes, model.params.activation, createRng(model.params.seed, 'init'));
  const ref = runReference<{ loss: number[]; pred: number[] | number[][] }>(ctx, FROM_WEIGHTS, {
    kind: c.kind,
    x,
    y,
    hidden: model.params.hiddenLayerSizes,
    activation: model.params.activation,
    alpha: model.params.alpha,
    batchSize: params.batchSize,
    lr: model.params.learningRateInit,
    epochs: params.maxIter,
    sizes,
    coefs: init.coefs.map((w) => Array.from(w)),
    intercepts: init.intercepts.map((b) => Array.from(b)),
  });
  const ours = model instanceof MLPClassifier ? Array.from((await model.predictProba(x)).data) : Array.from(await model.predict(x));
  return { loss: model.lossCurve, refLoss: ref.loss, pred: ours, refPred: (ref.pred as number[] | number[][]).flat() };
}

describe('MLP estimators against scikit-learn', function () {
  this.timeout(60_000);

  const cases: [string, Case][] = [
    ['a binary MLPClassifier (relu)', { kind: 'classifier', params: { hiddenLayerSizes: [16, 8] } }],
    ['a 3-class MLPClassifier (tanh, softmax)', { kind: 'classifier', classes: 3, params: { hiddenLayerSizes: [12], activation: 'tanh' } }],
    ['a binary MLPClassifier (logistic, strong L2)', { kind: 'classifier', params: { hiddenLayerSizes: [10], activation: 'logistic', alpha: 0.5 } }],
    ['an MLPRegressor (relu)', { kind: 'regressor', params: { hiddenLayerSizes: [16, 8] } }],
    ['an MLPRegressor (identity)', { kind: 'regressor', params: { hiddenLayerSizes: [6], activation: 'identity', learningRateInit: 0.01 } }],
  ];
  for (const [what, c] of cases) {
    it(`trains ${what} step for step like scikit-learn from the same initial weights`, async function () {
      const r = await compare(this, c);
      // float32 (ours) against float64 (scikit-learn) over 8 epochs of 10 batches each.
      assert.ok(maxRelativeError(r.loss, r.refLoss) < 2e-3, `loss curves differ: ${r.loss} vs ${r.refLoss}`);
      const worst = Math.max(...r.pred.map((v, i) => Math.abs(v - r.refPred[i])));
      assert.ok(worst < 2e-3, `predictions differ by up to ${worst}`);
    });
  }
});
