import type { ClassLabel, EstimatorSpec, Features, FitOptions, Probabilities, Target } from '../models/contract';
import { createEstimator } from '../models/registry';

/**
 * What validation and search work with: an estimator, or a Pipeline ending in one. Both fit,
 * predict, describe themselves by spec and can be copied unfitted.
 */
export interface Model {
  readonly kind: 'classifier' | 'regressor' | 'transformer';
  readonly classes?: ClassLabel[];
  fit(x: Features, y: Target, options?: FitOptions): Promise<unknown>;
  predict(x: Features): Promise<ArrayLike<unknown>>;
  predictProba?(x: Features): Promise<Probabilities>;
  spec(): EstimatorSpec;
  clone?(): unknown;
}

/**
 * A fresh, unfitted copy: the model's own clone() when it has one, else rebuilt from its spec.
 *
 * @example
 * const fresh = cloneModel(pipe);
 */
export function cloneModel<M extends Model>(model: M): M {
  if (typeof model.clone === 'function') return model.clone() as M;
  return createEstimator(model.spec()) as unknown as M;
}

/**
 * A model from a spec through the registry (a Pipeline spec gives a Pipeline).
 *
 * @example
 * const model = modelFromSpec({ type: 'Ridge', params: { alpha: 2 } });
 */
export function modelFromSpec(spec: EstimatorSpec): Model {
  return createEstimator(spec) as unknown as Model;
}
