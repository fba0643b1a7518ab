import type * as TF from '@tensorflow/tfjs';
import { modelMessage } from '../messages';

/** Parameters of LayersClassifier / LayersRegressor: the model, then the training loop's settings (named as in MLPClassifier). */
export interface LayersParams {
  /** Any TF.js LayersModel with one input and one output, compiled or not; its weights when wrapped are the starting point of every fit. */
  model: TF.LayersModel;
  /** Rows per mini-batch. Default 32 (TF.js's default). */
  batchSize: number;
  /** Maximum number of epochs. Default 10. */
  maxIter: number;
  /** Shuffle the rows before each epoch (seeded). Default true. */
  shuffle: boolean;
  /** Seeds shuffling and the validation split (the model's own initialisers and dropout have their own seeds). Default 0. */
  seed: number;
  /** Minimum improvement of the loss (or validation score) that counts. Default 1e-4. */
  tol: number;
  /** Hold out `validationFraction` (or use FitOptions.validation) and stop when its score stalls; keeps the best epoch. Default false. */
  earlyStopping: boolean;
  /** Share of the rows held out for early stopping. Default 0.1. */
  validationFraction: number;
  /** Stop after more than this many epochs without an improvement of `tol`. Default 10. */
  nIterNoChange: number;
  /** Continue from the current weights and optimizer state instead of the wrapped starting point. Default false. */
  warmStart: boolean;
  /** For an uncompiled model: Adam's step size. Default 0.001. */
  learningRateInit: number;
  /** For an uncompiled model: the loss; default binaryCrossentropy (1 output unit), categoricalCrossentropy (k units) or meanSquaredError. */
  loss?: string;
  /** Show a live loss chart in the cell output while fitting. Default true. */
  progress: boolean;
}

export const LAYERS_DEFAULTS: Readonly<Omit<LayersParams, 'model'>> = Object.freeze({
  batchSize: 32,
  maxIter: 10,
  shuffle: true,
  seed: 0,
  tol: 1e-4,
  earlyStopping: false,
  validationFraction: 0.1,
  nIterNoChange: 10,
  warmStart: false,
  learningRateInit: 0.001,
  progress: true,
});

/**
 * The full, checked parameter set (defaults filled in); errors name the parameter and the fix.
 *
 * @example
 * resolveLayersParams({ model }, 'LayersClassifier').maxIter // 10
 */
export function resolveLayersParams(given: Partial<LayersParams> & { model: TF.LayersModel }, owner: string): LayersParams {
  if (typeof given !== 'object' || given === null) throw new TypeError(modelMessage.layersNoModel(owner));
  const known = new Set(['model', 'loss', ...Object.keys(LAYERS_DEFAULTS)]);
  for (const key of Object.keys(given)) if (!known.has(key)) throw new TypeError(modelMessage.unknownParam(owner, key, [...known]));
  const m = given.model as Partial<TF.LayersModel> | undefined;
  if (!m || typeof m.predict !== 'function' || typeof m.trainOnBatch !== 'function' || !Array.isArray(m.inputs)) throw new TypeError(modelMessage.layersNotModel(owner));
  if (m.inputs.length !== 1 || m.outputs!.length !== 1) throw new RangeError(modelMessage.layersInputsOutputs(owner, m.inputs.length, m.outputs!.length));
  const p: LayersParams = { ...LAYERS_DEFAULTS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) } as LayersParams;
  const bad = (name: string, want: string, got: unknown) => new RangeError(modelMessage.badParam(owner, name, want, got));
  if (!(Number.isInteger(p.batchSize) && p.batchSize >= 1)) throw bad('batchSize', 'a positive integer', p.batchSize);
  if (!(Number.isInteger(p.maxIter) && p.maxIter >= 1)) throw bad('maxIter', 'a positive integer (epochs)', p.maxIter);
  if (typeof p.seed !== 'number' || !Number.isFinite(p.seed)) throw bad('seed', 'a finite number', p.seed);
  if (!(p.tol >= 0)) throw bad('tol', 'a number ≥ 0', p.tol);
  if (!(p.validationFraction > 0 && p.validationFraction < 1)) throw bad('validationFraction', 'in (0, 1)', p.validationFraction);
  if (!(Number.isInteger(p.nIterNoChange) && p.nIterNoChange >= 1)) throw bad('nIterNoChange', 'a positive integer', p.nIterNoChange);
  if (!(p.learningRateInit > 0)) throw bad('learningRateInit', 'a number > 0', p.learningRateInit);
  for (const b of ['shuffle', 'earlyStopping', 'warmStart', 'progress'] as const) if (typeof p[b] !== 'boolean') throw bad(b, 'true or false', p[b]);
  if (p.loss !== undefined && typeof p.loss !== 'string') throw bad('loss', "a TF.js loss name such as 'binaryCrossentropy'", p.loss);
  return p;
}
