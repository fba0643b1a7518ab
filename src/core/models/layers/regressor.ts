import type * as TF from '@tensorflow/tfjs';
import type { Features, FitOptions, Regressor, Target } from '../contract';
import { collectFeatures } from '../../training/features';
import { selectFittedFeatures, splitFitInput, type TargetOrLabel } from '../featureInput';
import { r2Score } from '../../training/scores';
import { collectRegressionTarget } from '../../training/targets';
import { BaseLayersEstimator } from './base';
import { observeFit } from '../fitObserver';
import type { LayersParams } from './params';
import { modelMessage } from '../messages';

/**
 * Gives any TF.js LayersModel with one output unit the regressor interface (fit / predict),
 * trained by Modelbook's seeded loop with live progress, early stopping (on R²) and interrupt.
 * An uncompiled model is compiled with Adam and mean squared error.
 *
 * @example
 * const reg = new LayersRegressor({ model: tf.sequential({ layers: [tf.layers.dense({ inputShape: [4], units: 1 })] }), maxIter: 50 });
 * await reg.fit(x, y);
 */
export class LayersRegressor extends BaseLayersEstimator implements Regressor {
  readonly kind = 'regressor' as const;

  /**
   * @param params the model, and the loop's settings; defaults: batchSize 32, maxIter 10, shuffle true, seed 0,
   *   tol 1e-4, earlyStopping false, validationFraction 0.1, nIterNoChange 10, warmStart false, learningRateInit 1e-3
   */
  constructor(params: Partial<LayersParams> & { model: TF.LayersModel }) {
    super('LayersRegressor', params);
  }

  /**
   * Trains the model on x and numeric targets y.
   *
   * @example
   * await reg.fit(x, y, { onProgress: (p) => console.log(p.metrics.loss) });
   */
  async fit(features: Features, target: TargetOrLabel, options: FitOptions = {}): Promise<this> {
    const { x, y } = splitFitInput(features, target, 'LayersRegressor.fit');
    return observeFit(this, x, options, (o) => this.fitUnobserved(x, y, o));
  }

  /** The work of `fit`, which runs it through the fit observer (so a kernel records it). */
  private async fitUnobserved(x: Features, y: Target, options: FitOptions): Promise<this> {
    if (this.outputUnits() !== 1) throw new RangeError(modelMessage.regressorOutputUnits('LayersRegressor.fit', this.outputUnits()));
    const m = collectFeatures(x, 'LayersRegressor.fit');
    const rows = m.rows;
    const target = collectRegressionTarget(y, rows, 'LayersRegressor.fit');
    const v = options.validation;
    await this.fitCore(
      m,
      {
        defaultLoss: () => 'meanSquaredError',
        encode: () => ({ y: target, width: 1 }),
        ...(v
          ? {
              encodeValidation: () => {
                const vx = collectFeatures(selectFittedFeatures(v.x, m.names, 'LayersRegressor.fit (options.validation.x)'), 'LayersRegressor.fit (options.validation.x)');
                return { x: vx, y: collectRegressionTarget(v.y, vx.rows, 'LayersRegressor.fit (options.validation.y)') };
              },
            }
          : {}),
        scoreName: 'r2',
        score: (outputs, yv, n) => r2Score(outputs, yv, n),
      },
      options,
    );
    return this;
  }

  /**
   * Predicted values, one per row.
   *
   * @example
   * const yHat = await reg.predict(x);
   */
  async predict(x: Features): Promise<Float64Array> {
    return Float64Array.from((await this.outputs(x, 'predict')).values);
  }
}
