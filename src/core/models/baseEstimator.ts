import type { EstimatorSpec, Features, FitOptions, ModelSummary, Target } from './contract';
import { observeFit } from './fitObserver';

/**
 * The base for an estimator written in a notebook: a subclass implements `fitModel` (the
 * training), `spec`, and `predict`; the inherited `fit` runs `fitModel` through the fit observer,
 * so in a kernel the fit is recorded as a run like any built-in estimator's.
 *
 * @example
 * class MeanRegressor extends BaseEstimator {
 *   mean = 0;
 *   spec() { return { type: 'MeanRegressor', params: {} }; }
 *   protected async fitModel(x, y) { this.mean = Array.from(y as number[]).reduce((a, b) => a + b, 0) / y.length; }
 *   async predict(x) { return new Array(x.numRows()).fill(this.mean); }
 * }
 * await new MeanRegressor().fit(train.select('x'), train.array('y')); // a `fit` run named MeanRegressor
 */
export abstract class BaseEstimator {
  /** The type name and parameters (the run's name and params). */
  abstract spec(): EstimatorSpec;
  /** A summary of the fitted model for its run record; optional. */
  summary?(): ModelSummary;
  /** Trains on `x` and `y`; `options.onProgress` reports epochs to the run's history. */
  protected abstract fitModel(x: Features, y: Target, options: FitOptions): Promise<void>;

  /** Fits on `x` and `y` through the fit observer; resolves to the estimator itself. */
  async fit(x: Features, y: Target, options: FitOptions = {}): Promise<this> {
    await observeFit(this, x, options, (o) => this.fitModel(x, y, o));
    return this;
  }
}
