import { modelMessage } from '../messages';

/** Hidden-layer activation, as scikit-learn names them. */
export type MlpActivation = 'relu' | 'tanh' | 'logistic' | 'identity';

/** Where the training arithmetic runs. */
export type MlpEngineKind =
  /** 'fused' when WebAssembly SIMD is available, else 'tfjs'. */
  | 'auto'
  /** Modelbook's fused forward/backward/Adam kernel (WebAssembly SIMD): one call per batch. */
  | 'fused'
  /** TensorFlow.js ops on the kernel's TF.js backend (wasm, tensorflow or cpu). */
  | 'tfjs';

/** Constructor parameters of MLPClassifier / MLPRegressor (scikit-learn's, in camelCase). */
export interface MLPParams {
  /** Units of each hidden layer. Default [100]. */
  hiddenLayerSizes: number[];
  /** Hidden-layer activation. Default 'relu'. */
  activation: MlpActivation;
  /** Only 'adam' is implemented. Default 'adam'. */
  solver: 'adam';
  /** L2 penalty: alpha/2 · ΣW² / batch rows is added to each batch's loss. Default 0.0001. */
  alpha: number;
  /** Rows per mini-batch; 'auto' means min(200, rows). Default 'auto'. */
  batchSize: number | 'auto';
  /** Adam's step size. Default 0.001. */
  learningRateInit: number;
  /** Maximum number of epochs. Default 200. */
  maxIter: number;
  /** Shuffle the rows before each epoch. Default true. */
  shuffle: boolean;
  /** Seeds weight initialisation, shuffling and the validation split: same seed, same model. Default 0. */
  seed: number;
  /** Minimum improvement of the loss (or validation score) that counts. Default 1e-4. */
  tol: number;
  /** Hold out `validationFraction` (or use FitOptions.validation) and stop when its score stalls; keeps the best epoch. Default false. */
  earlyStopping: boolean;
  /** Share of the training rows held out for early stopping. Default 0.1. */
  validationFraction: number;
  /** Adam's decay rates and epsilon. Defaults 0.9, 0.999, 1e-8. */
  beta1: number;
  beta2: number;
  epsilon: number;
  /** Stop after more than this many epochs without an improvement of `tol`. Default 10. */
  nIterNoChange: number;
  /** Where training runs. Default 'auto'. */
  engine: MlpEngineKind;
  /** Show a live loss chart in the cell output while fitting. Default true. */
  progress: boolean;
}

export const MLP_DEFAULTS: Readonly<MLPParams> = Object.freeze({
  hiddenLayerSizes: [100],
  activation: 'relu',
  solver: 'adam',
  alpha: 0.0001,
  batchSize: 'auto',
  learningRateInit: 0.001,
  maxIter: 200,
  shuffle: true,
  seed: 0,
  tol: 1e-4,
  earlyStopping: false,
  validationFraction: 0.1,
  beta1: 0.9,
  beta2: 0.999,
  epsilon: 1e-8,
  nIterNoChange: 10,
  engine: 'auto',
  progress: true,
} as MLPParams);

const ACTIVATIONS: MlpActivation[] = ['relu', 'tanh', 'logistic', 'identity'];
const ENGINES: MlpEngineKind[] = ['auto', 'fused', 'tfjs'];

/**
 * The full, checked parameter set: defaults filled in, every value validated with an error that
 * names the parameter and what it accepts.
 *
 * @example
 * resolveMlpParams({ hiddenLayerSizes: [64, 32] }, 'MLPClassifier').maxIter // 200
 */
export function resolveMlpParams(given: Partial<MLPParams> | undefined, owner: string): MLPParams {
  if (given !== undefined && (typeof given !== 'object' || given === null)) throw new TypeError(modelMessage.paramsNotObject(owner, '{ hiddenLayerSizes: [64, 32] }'));
  const known = new Set(Object.keys(MLP_DEFAULTS));
  for (const key of Object.keys(given ?? {})) {
    if (!known.has(key)) throw new TypeError(modelMessage.unknownParam(owner, key, [...known]));
  }
  const p: MLPParams = { ...MLP_DEFAULTS, ...stripUndefined(given ?? {}) };
  p.hiddenLayerSizes = [...p.hiddenLayerSizes];
  const bad = (name: string, want: string, got: unknown) => new RangeError(modelMessage.badParam(owner, name, want, got));
  if (!Array.isArray(p.hiddenLayerSizes) || p.hiddenLayerSizes.some((n) => !Number.isInteger(n) || n < 1))
    throw bad('hiddenLayerSizes', 'an array of positive integers, e.g. [64, 32]', p.hiddenLayerSizes);
  if (p.hiddenLayerSizes.length > 15) throw bad('hiddenLayerSizes', 'at most 15 hidden layers', p.hiddenLayerSizes.length);
  if (!ACTIVATIONS.includes(p.activation)) throw bad('activation', ACTIVATIONS.map((a) => `'${a}'`).join(', '), p.activation);
  if (p.solver !== 'adam') throw bad('solver', "'adam' (the only solver implemented)", p.solver);
  if (!(p.alpha >= 0) || !Number.isFinite(p.alpha)) throw bad('alpha', 'a finite number ≥ 0', p.alpha);
  if (p.batchSize !== 'auto' && !(Number.isInteger(p.batchSize) && p.batchSize >= 1)) throw bad('batchSize', "a positive integer or 'auto'", p.batchSize);
  if (!(p.learningRateInit > 0) || !Number.isFinite(p.learningRateInit)) throw bad('learningRateInit', 'a finite number > 0', p.learningRateInit);
  if (!(Number.isInteger(p.maxIter) && p.maxIter >= 1)) throw bad('maxIter', 'a positive integer (epochs)', p.maxIter);
  if (typeof p.shuffle !== 'boolean') throw bad('shuffle', 'true or false', p.shuffle);
  if (typeof p.seed !== 'number' || !Number.isFinite(p.seed)) throw bad('seed', 'a finite number', p.seed);
  if (!(p.tol >= 0)) throw bad('tol', 'a number ≥ 0', p.tol);
  if (typeof p.earlyStopping !== 'boolean') throw bad('earlyStopping', 'true or false', p.earlyStopping);
  if (!(p.validationFraction > 0 && p.validationFraction < 1)) throw bad('validationFraction', 'in (0, 1)', p.validationFraction);
  for (const b of ['beta1', 'beta2'] as const) if (!(p[b] >= 0 && p[b] < 1)) throw bad(b, 'in [0, 1)', p[b]);
  if (!(p.epsilon > 0)) throw bad('epsilon', 'a number > 0', p.epsilon);
  if (!(Number.isInteger(p.nIterNoChange) && p.nIterNoChange >= 1)) throw bad('nIterNoChange', 'a positive integer', p.nIterNoChange);
  if (!ENGINES.includes(p.engine)) throw bad('engine', ENGINES.map((e) => `'${e}'`).join(', '), p.engine);
  if (typeof p.progress !== 'boolean') throw bad('progress', 'true or false', p.progress);
  return p;
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
