/**
 * The shapes estimators, pipelines, validation and evaluation agree on. Names follow
 * scikit-learn (fit / predict / predictProba / score); data is an arquero table or a matrix.
 */
import type { TargetColumn } from '../args/columns';
import type { ColumnTable } from 'arquero';

/** A dense 2-D matrix of float64 in row-major order: element (i, j) is `data[i * cols + j]`. */
export interface Matrix {
  rows: number;
  cols: number;
  data: Float64Array;
}

/** Feature input: a table of numeric columns (usually a pipeline's output), a Matrix, or rows of numbers. */
export type Features = ColumnTable | Matrix | number[][];

/**
 * Target values: numbers (regression, or class codes) or strings/booleans (class labels), as an
 * array, a typed array or a table's column (`table.array(name)`, 64-bit integer columns included).
 */
export type Target = TargetColumn;

export type ClassLabel = string | number | boolean;

/** Class probabilities: row-major `rows × classes.length`, columns in the order of `classes`. */
export interface Probabilities {
  classes: ClassLabel[];
  rows: number;
  data: Float64Array;
}

/** Options every `fit` accepts. */
export interface FitOptions {
  /** Held-out data for early stopping and live validation metrics. */
  validation?: { x: Features; y: Target };
  /** Stops training at the next step (the kernel passes the running cell's interrupt signal). */
  signal?: AbortSignal;
  /** Called after each epoch / iteration with its metrics, for live progress. */
  onProgress?: (p: TrainingProgress) => void;
}

export interface TrainingProgress {
  epoch: number;
  epochs: number;
  /** Metric name → value for this epoch, e.g. { loss: 0.41, valLoss: 0.45 }. */
  metrics: Record<string, number>;
  elapsedMs: number;
}

/** What any estimator can say about itself, for run records and model cards. */
export interface EstimatorSpec {
  /** The registered type name, e.g. 'LogisticRegression'. */
  type: string;
  params: Record<string, unknown>;
}

interface EstimatorBase {
  /** The type name and constructor parameters: enough to build an unfitted copy (see the registry). */
  spec(): EstimatorSpec;
  /** A JSON-serializable summary of the fitted model: parameter count, layers, weight statistics. */
  summary(): ModelSummary;
}

export interface Classifier extends EstimatorBase {
  readonly kind: 'classifier';
  /** Class labels seen in fit, sorted as scikit-learn sorts them. */
  readonly classes: ClassLabel[];
  /** `y` is the target, or the name of the label column in the table `x` (as Pipeline.fit). */
  fit(x: Features, y: Target | string, options?: FitOptions): Promise<this>;
  predict(x: Features): Promise<ClassLabel[]>;
  predictProba(x: Features): Promise<Probabilities>;
}

export interface Regressor extends EstimatorBase {
  readonly kind: 'regressor';
  /** `y` is the target, or the name of the label column in the table `x` (as Pipeline.fit). */
  fit(x: Features, y: Target | string, options?: FitOptions): Promise<this>;
  predict(x: Features): Promise<Float64Array>;
}

export type Estimator = Classifier | Regressor;

export interface ModelSummary {
  type: string;
  parameterCount: number;
  layers?: { name: string; kind: string; outputShape: (number | null)[]; parameters: number }[];
  weights?: { name: string; shape: number[]; mean: number; std: number; min: number; max: number }[];
  /** The TF.js backend that trained it, where one did (wasm, tensorflow, cpu). */
  backend?: string;
  extra?: Record<string, unknown>;
}

/**
 * Whether an estimator is a classifier (has predictProba and classes).
 *
 * @example
 * isClassifier(new LogisticRegression()) // true
 */
export function isClassifier(e: unknown): e is Classifier {
  return typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'classifier';
}

/**
 * Whether an estimator is a regressor.
 *
 * @example
 * isRegressor(new Ridge()) // true
 */
export function isRegressor(e: unknown): e is Regressor {
  return typeof e === 'object' && e !== null && (e as { kind?: unknown }).kind === 'regressor';
}
