import type { Rng } from '../../training/random';
import type { MlpActivation } from './params';
import { modelMessage } from '../messages';

/**
 * An MLP's parameters in scikit-learn's layout: `coefs[l]` is sizes[l] × sizes[l+1] row-major
 * (coefs_[l] in scikit-learn), `intercepts[l]` has sizes[l+1] values.
 */
export interface MlpWeights {
  /** Units per layer, input first and output last, e.g. [32, 64, 32, 1]. */
  sizes: number[];
  coefs: Float32Array[];
  intercepts: Float32Array[];
}

/** How the output layer turns pre-activations into predictions (and which loss it trains). */
export type MlpOutput =
  /** Binary classification: sigmoid and log loss. */
  | 'sigmoid'
  /** Multiclass: softmax and cross-entropy. */
  | 'softmax'
  /** Regression: identity and half squared error. */
  | 'identity';

/**
 * Initial weights as scikit-learn draws them (Glorot uniform): weights and intercepts of layer l
 * uniform in ±sqrt(f / (fan_in + fan_out)), f = 2 for logistic activations, else 6.
 *
 * @example
 * initMlpWeights([32, 64, 1], 'relu', createRng(0, 'init')).coefs[0].length // 2048
 */
export function initMlpWeights(sizes: number[], activation: MlpActivation, rng: Rng): MlpWeights {
  if (!Array.isArray(sizes) || sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new RangeError(modelMessage.mlpBadSizes(sizes));
  const factor = activation === 'logistic' ? 2 : 6;
  const coefs: Float32Array[] = [];
  const intercepts: Float32Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const bound = Math.sqrt(factor / (sizes[l] + sizes[l + 1]));
    const w = new Float32Array(sizes[l] * sizes[l + 1]);
    for (let i = 0; i < w.length; i++) w[i] = rng.uniform(-bound, bound);
    const b = new Float32Array(sizes[l + 1]);
    for (let i = 0; i < b.length; i++) b[i] = rng.uniform(-bound, bound);
    coefs.push(w);
    intercepts.push(b);
  }
  return { sizes: [...sizes], coefs, intercepts };
}

/**
 * Number of trainable values of an MLP with these layer widths.
 *
 * @example
 * countMlpParameters([32, 64, 1]) // 32·64 + 64 + 64·1 + 1 = 2177
 */
export function countMlpParameters(sizes: number[]): number {
  let n = 0;
  for (let l = 0; l + 1 < sizes.length; l++) n += sizes[l] * sizes[l + 1] + sizes[l + 1];
  return n;
}
