import type { EstimatorJSON } from '../registry';
import { LeastSquaresRegressor } from './leastSquaresRegressor';
import { withDefaults } from './params';
import { modelMessage } from '../messages';

export interface LinearRegressionParams {
  /** Fit an intercept (features and target are centred first). Default true. */
  fitIntercept?: boolean;
  /** Accepted for API uniformity: least squares is deterministic. */
  seed?: number;
}

const DEFAULTS = { fitIntercept: true, seed: null as number | null };

/**
 * Ordinary least squares by pivoted QR, minimum-norm when features are collinear (like sklearn's
 * LinearRegression, which calls LAPACK's lstsq).
 *
 * @example
 * const reg = await new LinearRegression().fit(x, y);
 * reg.coef; reg.intercept; await reg.predict(xTest);
 */
export class LinearRegression extends LeastSquaresRegressor<typeof DEFAULTS> {
  /**
   * @example
   * const model = await new LinearRegression().fit(xTrain, yTrain);
   * model.coef; model.intercept; await model.score(xTest, yTest);
   */
  constructor(params: LinearRegressionParams = {}) {
    const p = withDefaults(DEFAULTS, params, 'LinearRegression');
    if (typeof p.fitIntercept !== 'boolean') throw new TypeError(modelMessage.badParam('LinearRegression', 'fitIntercept', 'true or false', p.fitIntercept));
    super('LinearRegression', Object.freeze(p));
  }

  protected alpha(): number {
    return 0;
  }

  clone(): LinearRegression {
    return new LinearRegression(this.params as LinearRegressionParams);
  }

  /**
   * Rebuilds a model (fitted if the JSON has fitted state) from `toJSON()` output.
   *
   * @example
   * LinearRegression.fromJSON(JSON.parse(JSON.stringify(model)))
   */
  static fromJSON(json: EstimatorJSON): LinearRegression {
    return new LinearRegression(json?.params as LinearRegressionParams).restore(json);
  }
}
