import type { MlpActivation } from './params';
import type { MlpOutput, MlpWeights } from './weights';

/** The network and optimizer an engine trains. */
export interface NetworkSpec {
  /** Units per layer, input first, output last. */
  sizes: number[];
  activation: MlpActivation;
  output: MlpOutput;
  learningRate: number;
  beta1: number;
  beta2: number;
  epsilon: number;
  /** L2 penalty on weights (not intercepts), scaled by 1 / batch rows as scikit-learn does. */
  alpha: number;
}

/** Targets as engines take them: class codes (as floats) for classifiers, values for regressors. */
export interface EngineData {
  x: Float32Array;
  y: Float32Array;
  rows: number;
}

/**
 * One MLP on one device: the fused WebAssembly kernel or TF.js ops. Both start from the same
 * weights and follow the same arithmetic (loss, L2 term, TF.js's Adam), so they agree to float
 * tolerance. The training loop drives it through `Trainer` (see fitMlp.ts).
 */
export interface MlpEngine {
  /** 'fused-wasm-simd', or the TF.js backend name. */
  readonly backend: string;
  setWeights(weights: MlpWeights): void;
  getWeights(): MlpWeights;
  setTraining(data: EngineData): void;
  setValidation(data: EngineData): void;
  /** Training rows in the order of the coming epoch. */
  setOrder(order: Int32Array): void;
  /** One Adam step on order[start … start + count); the batch's mean loss, L2 term included. */
  trainBatch(start: number, count: number): number;
  /** Summed data loss (no L2 term) over the validation rows, and the outputs (rows × units). */
  evaluateValidation(): { lossSum: number; outputs: Float32Array };
  /** Outputs (probabilities or values), rows × output units. */
  predict(x: Float32Array, rows: number): Float32Array;
  /** Weights and optimizer state, for restoring the best epoch. */
  snapshot(): unknown;
  restore(snapshot: unknown): void;
  dispose(): void;
}
