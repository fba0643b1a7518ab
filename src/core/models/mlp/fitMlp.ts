import type { FitOptions } from '../contract';
import type { TrainingHistory, Trainer } from '../../training/contract';
import type { FeatureMatrix } from '../../training/features';
import { trainLoop } from '../../training/loop';
import { createProgressReporter } from '../../training/progress';
import { createRng } from '../../training/random';
import { collectStopSignals } from '../../training/signal';
import { splitValidation } from '../../training/split';
import type { EngineData, MlpEngine, NetworkSpec } from './engine';
import { fusedKernelSupported } from './fusedKernel';
import { FusedEngine } from './fusedEngine';
import type { MLPParams, MlpEngineKind } from './params';
import { TfEngine } from './tfEngine';
import { initMlpWeights, type MlpOutput, type MlpWeights } from './weights';
import { modelMessage } from '../messages';

/** What differs between the classifier and the regressor. */
export interface MlpTask {
  output: MlpOutput;
  outputUnits: number;
  /** Per row of x: class code (as a float) or target value. */
  y: Float32Array;
  /** Class codes, to stratify the early-stopping split (classifiers). */
  stratify?: Int32Array;
  /** Held-out data from FitOptions.validation, already encoded. */
  validation?: EngineData;
  scoreName: 'accuracy' | 'r2';
  /** Validation score from the network's outputs (rows × units) and the targets. */
  score(outputs: Float32Array, y: Float32Array, rows: number): number;
}

export interface MlpFit {
  weights: MlpWeights;
  history: TrainingHistory;
  engine: Exclude<MlpEngineKind, 'auto'>;
  batchSize: number;
}

/**
 * The concrete engine 'auto' means here: the fused kernel where WebAssembly SIMD runs.
 *
 * @example
 * resolveEngineKind('auto') // 'fused' in Node 20 and current browsers
 */
export function resolveEngineKind(kind: MlpEngineKind): Exclude<MlpEngineKind, 'auto'> {
  if (kind === 'fused' && !fusedKernelSupported()) throw new Error(modelMessage.engineNeedsSimd);
  return kind === 'auto' ? (fusedKernelSupported() ? 'fused' : 'tfjs') : kind;
}

/**
 * Opens an engine of `kind` for `spec` holding `weights` (activation buffers for `batchCapacity` rows).
 *
 * @example
 * const engine = await openMlpEngine('fused', spec, weights, 512);
 */
export async function openMlpEngine(kind: Exclude<MlpEngineKind, 'auto'>, spec: NetworkSpec, weights: MlpWeights, batchCapacity: number): Promise<MlpEngine> {
  const engine = kind === 'fused' ? await FusedEngine.create(spec, batchCapacity) : await TfEngine.create(spec);
  engine.setWeights(weights);
  return engine;
}

/**
 * The engines' description of the network and optimizer, from the estimator's parameters.
 *
 * @example
 * networkSpec(params, [32, 64, 1], 'sigmoid').learningRate // params.learningRateInit
 */
export function networkSpec(params: MLPParams, sizes: number[], output: MlpOutput): NetworkSpec {
  return { sizes, activation: params.activation, output, learningRate: params.learningRateInit, beta1: params.beta1, beta2: params.beta2, epsilon: params.epsilon, alpha: params.alpha };
}

/**
 * Trains an MLP the way scikit-learn's stochastic solver does (seeded Glorot init, shuffled
 * mini-batches, Adam, its stopping rule and early stopping), on the fused kernel or TF.js.
 * `title` names the model in the progress display.
 *
 * @example
 * const fit = await _fitMlp('MLPClassifier', params, features, task, options);
 */
export async function _fitMlp(title: string, params: MLPParams, x: FeatureMatrix, task: MlpTask, options: FitOptions): Promise<MlpFit> {
  const stopped = collectStopSignals(options.signal);
  let train: EngineData = { x: x.data, y: task.y, rows: x.rows };
  let validation = task.validation;
  if (!validation && params.earlyStopping) {
    const split = splitValidation(x.rows, params.validationFraction, createRng(params.seed, 'split'), task.stratify);
    train = gather(x, task.y, split.train);
    validation = gather(x, task.y, split.validation);
  }
  const batchSize = params.batchSize === 'auto' ? Math.min(200, train.rows) : Math.min(params.batchSize, train.rows);
  const sizes = [x.cols, ...params.hiddenLayerSizes, task.outputUnits];
  const kind = resolveEngineKind(params.engine);
  const engine = await openMlpEngine(kind, networkSpec(params, sizes, task.output), initMlpWeights(sizes, params.activation, createRng(params.seed, 'init')), batchSize);
  try {
    engine.setTraining(train);
    if (validation) engine.setValidation(validation);
    const val = validation;
    const trainer: Trainer = {
      backend: engine.backend,
      beginEpoch: (order) => engine.setOrder(order),
      trainBatch: (start, count) => engine.trainBatch(start, count),
      evaluate: () => {
        if (!val) return undefined;
        const { lossSum, outputs } = engine.evaluateValidation();
        return { valLoss: lossSum / val.rows, valScore: task.score(outputs, val.y, val.rows) };
      },
      snapshot: () => engine.snapshot(),
      restore: (s) => engine.restore(s),
    };
    const progress = createProgressReporter({
      title,
      maxEpochs: params.maxIter,
      batchesPerEpoch: Math.ceil(train.rows / batchSize),
      backend: engine.backend,
      show: params.progress,
      ...(val ? { scoreName: task.scoreName } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    const history = await trainLoop(trainer, {
      rows: train.rows,
      batchSize,
      maxIter: params.maxIter,
      shuffle: params.shuffle,
      rng: createRng(params.seed, 'shuffle'),
      earlyStopping: params.earlyStopping,
      tol: params.tol,
      nIterNoChange: params.nIterNoChange,
      stopped,
      progress,
      ...(val ? { scoreName: task.scoreName } : {}),
    });
    return { weights: engine.getWeights(), history, engine: kind, batchSize };
  } finally {
    engine.dispose();
  }
}

function gather(x: FeatureMatrix, y: Float32Array, rows: Int32Array): EngineData {
  const d = x.cols;
  const gx = new Float32Array(rows.length * d);
  const gy = new Float32Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    gx.set(x.data.subarray(rows[i] * d, (rows[i] + 1) * d), i * d);
    gy[i] = y[rows[i]];
  }
  return { x: gx, y: gy, rows: rows.length };
}
