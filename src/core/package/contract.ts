/**
 * The model package: a folder a model leaves the notebook in (git-friendly, no server), read by
 * `loadModel`, `modelbook predict`, `modelbook serve`, `modelbook monitor` and the registry.
 * MLflow's `MLmodel` is the convention echoed by the manifest. Everything here is JSON; the
 * layout is fixed so any tool can find a part without reading the manifest first.
 */
import type { ColumnTable } from 'arquero';
import type { DataFingerprint } from '../data/fingerprint';
import type { DataProfileData } from '../data/profiling/contract';
import type { EstimatorJSON } from '../models/registry';
import type { GateResult } from '../evaluation/gates/gateTypes';
import type { RunEnvironment } from '../runs/contract';

/** Where each part lives, relative to the package folder ('/'-separated). */
export const PACKAGE_FILES = {
  /** The manifest (`PackageManifest`). */
  manifest: 'modelbook.json',
  /** flavour 'modelbook': the fitted estimator or pipeline as `toJSON()` output (`EstimatorJSON`). */
  model: 'model/model.json',
  /** flavour 'tfjs-layers': TF.js's own layers-model format, loadable by `tf.loadLayersModel`. */
  tfModel: 'model/tfjs/model.json',
  tfWeights: 'model/tfjs/weights.bin',
  /** flavour 'tfjs-layers': the fitted preprocessing pipeline in front of the TF.js model (`EstimatorJSON` of a Pipeline without estimator), when there is one. */
  preprocessing: 'model/preprocessing.json',
  inputSchema: 'schema/input.json',
  outputSchema: 'schema/output.json',
  /** `profile()` of the training data's input columns: the drift reference. */
  trainingProfile: 'reference/training-profile.json',
  /** The model's scores on the evaluation set, as a profile (one number column per score): the prediction-drift reference. */
  scoreProfile: 'reference/score-profile.json',
  /** The evaluation's headline metrics with intervals, for performance decay once labels arrive. */
  referenceMetrics: 'reference/metrics.json',
  /** The model card, when one exists. */
  card: 'card.md',
} as const;

export const PACKAGE_FORMAT_VERSION = 1;

/** How the model is stored and run. */
export type PackageFlavour = 'modelbook' | 'tfjs-layers';

/** One input column as seen in training: what a row must look like to be scored. */
export interface InputColumn {
  name: string;
  type: 'number' | 'string' | 'boolean' | 'date';
  /** Whether training saw missing values (null, NaN, '') in it; a missing value is refused otherwise. */
  nullable: boolean;
  /** Categories seen in training (string/boolean columns), sorted; a value outside is "unknown category". */
  categories?: (string | boolean)[];
  /** Range seen in training (numbers; dates as epoch ms): values outside are scored but counted as out-of-range. */
  min?: number;
  max?: number;
}

export interface InputSchema {
  columns: InputColumn[];
}

export type OutputSchema =
  | {
      task: 'binary' | 'multiclass';
      /** Class labels in the model's order (predictProba's columns). */
      classes: (string | number | boolean)[];
      /** Binary: the positive class label. */
      positiveLabel?: string | number | boolean;
      /** Binary: the decision threshold on the positive score (chosen in the evaluation; default 0.5). */
      threshold?: number;
      /** The target column's name in training data. */
      target?: string;
    }
  | { task: 'regression'; target?: string };

/** `modelbook.json`. */
export interface PackageManifest {
  kind: 'modelbook.package';
  formatVersion: typeof PACKAGE_FORMAT_VERSION;
  /** The name given at export (folder name by default); the registry's key. */
  name: string;
  flavour: PackageFlavour;
  /** The estimator's type, e.g. 'Pipeline', 'LogisticRegression', 'MLPClassifier', 'LayersClassifier'. */
  modelType: string;
  signature: { inputs: InputSchema; outputs: OutputSchema };
  /** The fit run the model came from, and the evaluation run the threshold and reference metrics came from. */
  runs: { fit?: string; evaluation?: string };
  codeHash?: string;
  notebook?: string;
  data: { role: 'train' | 'test' | 'evaluation'; fingerprint: DataFingerprint }[];
  environment: RunEnvironment;
  /** ISO 8601 UTC. */
  createdAt: string;
  /** Gates of the evaluation run at export; `overridden` when exported although one failed (`--allow-failed-gates`). */
  gates?: { results: GateResult[]; overridden: boolean };
  /** Set when exported although the pipeline saw test rows (`--allow-leak`): the leak check's sentence. */
  leak?: { detail: string; overridden: true };
  /**
   * The lifecycle gate at export (checkpoints the notebook or the workspace required): what was
   * required, what was missing, and the override's reason when exported anyway. Part of the content
   * hash; absent in packages exported before lifecycle gates, or with nothing required.
   */
  lifecycle?: { required: string[]; missing: string[]; overridden?: { reason: string } };
  /** Every file of the package but the manifest: path → sha256 hex. */
  files: Record<string, string>;
  /**
   * sha256 hex over the sorted `files` entries ("path\0sha\n" each), then the `lifecycle` field
   * when there is one (see `contentHashText`): what a deployment says it runs.
   * Same model, same data, same evaluation → the same hash (createdAt is not part of it).
   */
  contentHash: string;
}

/** Policy for rows that fail input validation. */
export type InvalidRowPolicy = 'fail' | 'skip' | 'null';

/** One problem with one input row. */
export interface RowProblem {
  /** 0-based row index in the input. */
  row: number;
  column: string;
  kind: 'missing-column' | 'missing-value' | 'wrong-type' | 'unknown-category';
  /** A sentence naming the row, the column, the value and the fix. */
  message: string;
}

/** One scored row: the prediction, and the class probabilities when asked. */
export interface Prediction {
  prediction: string | number | boolean | null;
  /** Class label → probability (classification, when asked). */
  probabilities?: Record<string, number>;
}

/**
 * Input as columns: name → one value per row (an array or a typed array, read and never written).
 * A column left out, or `undefined` at a row, is absent from that row ('missing-column').
 */
export type InputColumns = Readonly<Record<string, ArrayLike<unknown>>>;

/** What `predictTable` returns: one entry per input row, in columns (no object per row). */
export interface TablePredictions {
  rows: number;
  /** Row i's predicted label (classification) or value (regression); null, or NaN for a regressor, where the row is invalid. */
  predictions: ArrayLike<string | number | boolean | null>;
  /** With `proba` (classification): the class labels as text, in the model's order, and rows × classes probabilities, row-major; NaN where the row is invalid. */
  probabilities?: { classes: string[]; data: Float64Array };
  /** 1 where the row failed the input schema. */
  invalid: Uint8Array;
  problems: RowProblem[];
}

/** A loaded package, ready to score: what `loadModel(dir)` returns. */
export interface LoadedModel {
  readonly dir: string;
  readonly manifest: PackageManifest;
  /** The training-data profile (drift reference), when the package has one. */
  readonly trainingProfile?: DataProfileData;
  readonly scoreProfile?: DataProfileData;
  /** Checks records against the input schema without scoring them. */
  validate(records: readonly Record<string, unknown>[]): RowProblem[];
  /**
   * Scores records (objects keyed by input column). Invalid rows follow `onInvalid` (default
   * 'fail': throws a RangeError whose message is the first problem's).
   */
  predict(records: readonly Record<string, unknown>[], options?: { proba?: boolean; onInvalid?: InvalidRowPolicy }): Promise<{ predictions: (Prediction | null)[]; problems: RowProblem[] }>;
  /**
   * Scores a table or columns, the same predictions as `predict` on the same rows as records,
   * without an object per row (what `modelbook predict` uses on large files). `onInvalid` as in
   * `predict`; under 'skip' and 'null' an invalid row is flagged in `invalid` and has no prediction.
   */
  predictTable(input: ColumnTable | InputColumns, options?: { proba?: boolean; onInvalid?: InvalidRowPolicy }): Promise<TablePredictions>;
}

/** The stored JSON of a modelbook-flavour model (for readers that only need the type). */
export type PackagedEstimator = EstimatorJSON;
