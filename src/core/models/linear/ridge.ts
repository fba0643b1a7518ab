import type { EstimatorJSON } from '../registry';
import { LeastSquaresRegressor } from './leastSquaresRegressor';
import { withDefaults } from './params';
import { modelMessage } from '../messages';

export interface RidgeParams {
  /** L2 penalty strength on the coefficients (not the intercept). Default 1. */
  alpha?: number;
  /** Fit an intercept (features and target are centred first). Default true. */
  fitIntercept?: boolean;
  /** Accepted for API uniformity: the solution is deterministic. */
  seed?: number;
}

const DEFAULTS = { alpha: 1, fitIntercept: true, seed: null as number | null };

/**
 * Least squares with an L2 penalty α‖w‖², as sklearn's Ridge (exact solution, not iterative).
 *
 * @example
 * const reg = await new Ridge({ alpha: 1 }).fit(x, y);
 * await reg.score(xTest, yTest); // R²
 */
export class Ridge extends LeastSquaresRegressor<typeof DEFAULTS> {
  /**
   * @example
   * const model = await new Ridge({ alpha: 10 }).fit(xTrain, yTrain);
   */
  constructor(params: RidgeParams = {}) {
    const p = withDefaults(DEFAULTS, params, 'Ridge');
    if (!(typeof p.alpha === 'number' && p.alpha >= 0 && Number.isFinite(p.alpha))) throw new RangeError(modelMessage.badParam('Ridge', 'alpha', 'a finite number ≥ 0', p.alpha));
    if (typeof p.fitIntercept !== 'boolean') throw new TypeError(modelMessage.badParam('Ridge', 'fitIntercept', 'true or false', p.fitIntercept));
    super('Ridge', Object.freeze(p));
  }

  protected alpha(): number {
    return this.params.alpha;
  }

  clone(): Ridge {
    return new Ridge(this.params as RidgeParams);
  }

  /**
   * Rebuilds a model (fitted if the JSON has fitted state) from `toJSON()` output.
   *
   * @example
   * Ridge.fromJSON(JSON.parse(JSON.stringify(model)))
   */
  static fromJSON(json: EstimatorJSON): Ridge {
    return new Ridge(json?.params as RidgeParams).restore(json);
  }
}
