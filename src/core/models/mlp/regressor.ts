import type { Features, FitOptions, Regressor, Target } from '../contract';
import { collectFeatures } from '../../training/features';
import { selectFittedFeatures, splitFitInput, type TargetOrLabel } from '../featureInput';
import { r2Score } from '../../training/scores';
import { collectRegressionTarget } from '../../training/targets';
import { BaseMlp } from './base';
import { observeFit } from '../fitObserver';
import { _fitMlp } from './fitMlp';
import type { MLPParams } from './params';
import { modelMessage } from '../messages';
import type { EstimatorJSON } from '../registry';

/**
 * A multi-layer perceptron regressor, trained like scikit-learn's MLPRegressor (Adam, half squared
 * error, L2 penalty `alpha`, its stopping rule and early stopping on R²), seeded and
 * bit-reproducible, with a live loss chart and interrupt at the next batch.
 * Scale the features and target first: like scikit-learn, it trains on them as given.
 *
 * @example
 * const reg = new MLPRegressor({ hiddenLayerSizes: [32], maxIter: 100, seed: 1 });
 * await reg.fit(train, yTrain);
 * const yHat = await reg.predict(test); // Float64Array
 */
export class MLPRegressor extends BaseMlp implements Regressor {
  readonly kind = 'regressor' as const;

  /**
   * @param params scikit-learn's parameters in camelCase; defaults: hiddenLayerSizes [100], activation 'relu',
   *   alpha 1e-4, batchSize 'auto' (min(200, rows)), learningRateInit 1e-3, maxIter 200, seed 0, tol 1e-4,
   *   earlyStopping false, validationFraction 0.1, nIterNoChange 10, engine 'auto', progress true
   */
  constructor(params: Partial<MLPParams> = {}) {
    super('MLPRegressor', params);
  }

  /**
   * An MLPRegressor (fitted when the JSON has fitted state) from `toJSON()` output.
   *
   * @example
   * const again = MLPRegressor.fromJSON(JSON.parse(JSON.stringify(reg)));
   */
  static fromJSON(json: EstimatorJSON): MLPRegressor {
    if (json?.type !== 'MLPRegressor') throw new TypeError(modelMessage.restoreWrongType('MLPRegressor', json?.type));
    const m = new MLPRegressor(json.params as Partial<MLPParams>);
    if (json.fitted) m.restoreFitted(json.fitted);
    return m;
  }

  /**
   * Trains from scratch on x and numeric targets y. `options.validation` gives held-out data for
   * live validation metrics (and replaces the split under early stopping); `options.signal` (or
   * the cell's interrupt) stops at the next batch and keeps the partly trained model.
   *
   * @example
   * await reg.fit(x, y, { onProgress: (p) => console.log(p.epoch, p.metrics.loss) });
   */
  async fit(features: Features, target: TargetOrLabel, options: FitOptions = {}): Promise<this> {
    const { x, y } = splitFitInput(features, target, 'MLPRegressor.fit');
    return observeFit(this, x, options, (o) => this.fitUnobserved(x, y, o));
  }

  /** The work of `fit`, which runs it through the fit observer (so a kernel records it). */
  private async fitUnobserved(x: Features, y: Target, options: FitOptions): Promise<this> {
    const m = collectFeatures(x, 'MLPRegressor.fit');
    const target = collectRegressionTarget(y, m.rows, 'MLPRegressor.fit');
    let validation;
    if (options.validation) {
      const v = collectFeatures(selectFittedFeatures(options.validation.x, m.names, 'MLPRegressor.fit (options.validation.x)'), 'MLPRegressor.fit (options.validation.x)');
      if (v.cols !== m.cols) throw new RangeError(modelMessage.validationFeatureCount('MLPRegressor.fit', v.cols, m.cols));
      validation = { x: v.data, y: collectRegressionTarget(options.validation.y, v.rows, 'MLPRegressor.fit (options.validation.y)'), rows: v.rows };
    }
    const fit = await _fitMlp(
      'MLPRegressor',
      this.params,
      m,
      {
        output: 'identity',
        outputUnits: 1,
        y: target,
        ...(validation ? { validation } : {}),
        scoreName: 'r2',
        score: (outputs, yv, rows) => r2Score(outputs, yv, rows),
      },
      options,
    );
    this.setFitted({ ...fit, featureNames: m.names, output: 'identity' });
    return this;
  }

  /**
   * Predicted values, one per row.
   *
   * @example
   * const yHat = await reg.predict(x);
   */
  async predict(x: Features): Promise<Float64Array> {
    const { values } = await this.outputs(x, 'predict');
    return Float64Array.from(values);
  }

  /**
   * R² on x and y (scikit-learn's `score`).
   *
   * @example
   * await reg.score(xTest, yTest) // 0.87
   */
  async score(features: Features, label: TargetOrLabel): Promise<number> {
    const { x, y } = splitFitInput(features, label, 'MLPRegressor.score');
    const predicted = await this.predict(x);
    const target = collectRegressionTarget(y, predicted.length, 'MLPRegressor.score');
    return r2Score(predicted, target, predicted.length);
  }
}
