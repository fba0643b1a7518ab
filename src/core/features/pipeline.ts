import type { ColumnTable } from 'arquero';
import { MIME_BUNDLE } from '../display/mimeBundle';
import { toMatrix, type NamedMatrix } from '../linalg/toMatrix';
import type { ClassLabel, Classifier, Estimator, EstimatorSpec, Features, FitOptions, ModelSummary, Probabilities, Regressor, Target } from '../models/contract';
import { cloneEstimator, createEstimator, estimatorFromJSON, registerEstimator, type EstimatorJSON } from '../models/registry';
import type { MimeBundle } from '../notebook/contract';
import { observeFit } from '../models/fitObserver';
import type { FeatureStep, StepJSON } from './contract';
import { fitRecordToJSON, recordFit, type FitRecord } from './fitRecord';
import { pipelineSpecWithParams, type PipelineParams } from './pipelineSpec';
import { describePipeline } from './describePipeline';
import { stepFromJSON } from './stepRegistry';
import { splitLabel, toTable } from './tableInput';
import './steps';
import { featuresMessage } from './messages';

/** What predict returns for the pipeline's estimator. */
export type PipelinePrediction<E> = E extends Regressor ? Float64Array : ClassLabel[];

/** What `kind` says for the pipeline's estimator, so a pipeline ending in a classifier is a Classifier to the type checker too. */
export type PipelineKind<E> = E extends Estimator ? E['kind'] : 'transformer';

export interface PipelineOptions<E extends Estimator | undefined> {
  /** Preprocessing steps, applied in order. */
  steps?: FeatureStep[];
  /** The model fitted on the steps' output (optional: a pipeline can just transform). */
  estimator?: E;
}

/**
 * Preprocessing steps fitted on training data only, optionally ending in an estimator, saved
 * and restored as one JSON document. Cross-validation clones it per fold, so the steps are
 * refitted inside each fold.
 *
 * @example
 * const pipe = new Pipeline({ steps: [new SimpleImputer(), new StandardScaler(), new OneHotEncoder({ columns: ['island'] })], estimator: new LogisticRegression() });
 * await pipe.fit(train, 'species'); await pipe.predict(test); JSON.stringify(pipe); // steps fitted on train only
 */
export class Pipeline<E extends Estimator | undefined = Estimator | undefined> {
  readonly steps: FeatureStep[];
  readonly estimator: E;
  /** Input columns seen in fit; transform selects them from wider tables (e.g. with the label). */
  inputColumns: string[] = [];
  /** Output feature names after the steps (what the estimator sees). */
  featureNames: string[] = [];
  /** What the pipeline was fitted on (for `checkPipelineLeak`). */
  fittedOn: FitRecord | Omit<FitRecord, 'hashes'> | undefined;

  /**
   * @example
   * const pipe = new Pipeline({
   *   steps: [new SimpleImputer({ strategy: 'median' }), new StandardScaler(), new OneHotEncoder({ columns: ['island', 'sex'] })],
   *   estimator: new LogisticRegression({ C: 1 }),
   * });
   * await pipe.fit(train, 'species');
   * await pipe.predict(test);
   */
  constructor(options: PipelineOptions<E> | FeatureStep[] = {}) {
    const o: PipelineOptions<E> = Array.isArray(options) ? { steps: options } : options;
    if (typeof o !== 'object' || o === null) throw new TypeError(featuresMessage.pipelineBadArgs);
    const steps = o.steps ?? [];
    steps.forEach((s, i) => {
      if (typeof s?.fit !== 'function' || typeof s?.transform !== 'function') throw new TypeError(featuresMessage.pipelineNotStep(i));
    });
    const names = steps.map((s) => s.name);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup) throw new RangeError(featuresMessage.duplicateStepName(dup));
    if (o.estimator !== undefined && typeof (o.estimator as Estimator).fit !== 'function') throw new TypeError(featuresMessage.pipelineBadEstimator);
    this.steps = steps;
    this.estimator = o.estimator as E;
  }

  /** 'classifier' or 'regressor' after its estimator, 'transformer' without one. */
  get kind(): PipelineKind<E> {
    return ((this.estimator as Estimator | undefined)?.kind ?? 'transformer') as PipelineKind<E>;
  }

  /** The estimator's classes (classifiers). */
  get classes(): ClassLabel[] {
    return (this.estimator as Classifier | undefined)?.classes ?? [];
  }

  get fitted(): boolean {
    return this.inputColumns.length > 0;
  }

  /**
   * Fits every step on `x` in turn (each on the previous step's output), then the estimator.
   * `y` is the target, or the name of the label column in `x`.
   *
   * @example
   * await pipe.fit(train, 'species');
   */
  async fit(x: Features, y?: Target | string, options: FitOptions = {}): Promise<this> {
    return observeFit(this, x, options, (o) => this.fitUnobserved(x, y, o));
  }

  /** The work of `fit`, which runs it through the fit observer (so a kernel records it). */
  private async fitUnobserved(x: Features, y: Target | string | undefined, options: FitOptions): Promise<this> {
    const split = splitLabel(toTable(x, 'Pipeline.fit'), y, 'Pipeline.fit');
    if (this.estimator && !split.y) throw new TypeError(featuresMessage.pipelineNeedsLabel);
    let t = split.x;
    this.fittedOn = recordFit(t);
    this.inputColumns = t.columnNames();
    for (const step of this.steps) t = step.fit(t).transform(t);
    this.featureNames = t.columnNames();
    if (!this.estimator) return this;
    // Held-out data for early stopping goes through the same fitted steps as the training data.
    const validation = options.validation && { x: this.checkNumeric(this.transform(options.validation.x)), y: options.validation.y };
    await (this.estimator as Estimator).fit(this.checkNumeric(t), split.y!, { ...options, validation });
    return this;
  }

  /**
   * The fitted steps applied to `x` (extra columns such as the label are ignored): a numeric table.
   *
   * @example
   * pipe.transform(test).columnNames() // ['bill_length_mm', …, 'island_Biscoe', …]
   */
  transform(x: Features): ColumnTable {
    if (!this.fitted) throw new Error(featuresMessage.pipelineNotFitted('Pipeline.transform'));
    const t = toTable(x, 'Pipeline.transform');
    const missing = this.inputColumns.filter((c) => !t.columnNames().includes(c));
    if (missing.length) throw new RangeError(featuresMessage.lacksFittedColumns('Pipeline.transform', missing, 'the pipeline'));
    let out = t.select(this.inputColumns).reify();
    for (const step of this.steps) out = step.transform(out);
    return out;
  }

  /** fit then transform on the same data. */
  async fitTransform(x: Features, y?: Target | string): Promise<ColumnTable> {
    await this.fit(x, y);
    return this.transform(splitLabel(toTable(x, 'Pipeline.fitTransform'), y, 'Pipeline.fitTransform').x);
  }

  /**
   * The transformed features as a row-major Matrix with their names.
   *
   * @example
   * const { matrix, names } = pipe.transformMatrix(test);
   */
  transformMatrix(x: Features): NamedMatrix {
    return toMatrix(this.checkNumeric(this.transform(x)), 'Pipeline.transformMatrix');
  }

  /** Predictions of the estimator on the transformed `x`. */
  async predict(x: Features): Promise<PipelinePrediction<E>> {
    return (await this.requireEstimator('predict').predict(this.transform(x))) as PipelinePrediction<E>;
  }

  /** Class probabilities of the estimator (classifiers) on the transformed `x`. */
  async predictProba(x: Features): Promise<Probabilities> {
    const e = this.requireEstimator('predictProba');
    if (e.kind !== 'classifier') throw new TypeError(featuresMessage.regressorNoProba('Pipeline.predictProba'));
    return e.predictProba(this.transform(x));
  }

  /** The estimator's score (accuracy or R²) on the transformed `x`; `y` may name the label column. */
  async score(x: Features, y: Target | string): Promise<number> {
    const e = this.requireEstimator('score') as Estimator & { score?: (x: Features, y: Target) => Promise<number> };
    if (typeof e.score !== 'function') throw new TypeError(featuresMessage.estimatorNoScore('Pipeline.score', e.spec().type));
    const split = splitLabel(toTable(x, 'Pipeline.score'), y, 'Pipeline.score');
    return e.score(this.transform(split.x), split.y!);
  }

  spec(): EstimatorSpec {
    const params: PipelineParams = { steps: this.steps.map((s) => ({ ...s.toJSON(), state: undefined })), estimator: (this.estimator as Estimator | undefined)?.spec() ?? null };
    return { type: 'Pipeline', params: params as unknown as Record<string, unknown> };
  }

  /**
   * An unfitted copy; `overrides` replace parameters by path ('C' or 'estimator.C' for the
   * model, 'standardScaler.withMean' for a step).
   *
   * @example
   * const stronger = pipe.clone({ C: 0.1 });
   */
  clone(overrides: Record<string, unknown> = {}): Pipeline<E> {
    if (Object.keys(overrides).length === 0)
      return new Pipeline<E>({ steps: this.steps.map((s) => s.clone()), estimator: (this.estimator ? cloneEstimator(this.estimator as Estimator) : undefined) as E });
    return Pipeline.fromSpec(pipelineSpecWithParams(this.spec(), overrides)) as Pipeline<E>;
  }

  summary(): ModelSummary {
    const inner = (this.estimator as Estimator | undefined)?.summary();
    return {
      type: 'Pipeline',
      parameterCount: inner?.parameterCount ?? 0,
      weights: inner?.weights,
      extra: { steps: this.steps.map((s) => ({ name: s.name, type: s.type })), featureNames: this.featureNames, estimator: inner ?? null },
    };
  }

  /** Steps with their fitted state, the fitted estimator and the fit record, as JSON. */
  toJSON(): EstimatorJSON {
    const e = this.estimator as (Estimator & { toJSON?: () => EstimatorJSON }) | undefined;
    if (e && typeof e.toJSON !== 'function') throw new TypeError(featuresMessage.estimatorNotSerializable('Pipeline.toJSON', e.spec().type));
    return {
      type: 'Pipeline',
      params: this.spec().params,
      fitted: this.fitted
        ? {
            steps: this.steps.map((s) => s.toJSON()),
            estimator: e?.toJSON?.() ?? null,
            inputColumns: this.inputColumns,
            featureNames: this.featureNames,
            fittedOn: this.fittedOn && fitRecordToJSON(this.fittedOn as FitRecord),
          }
        : undefined,
    };
  }

  /**
   * A pipeline from `toJSON()` output (fitted when the JSON has fitted state) or from a spec.
   *
   * @example
   * const pipe = Pipeline.fromJSON(JSON.parse(fs.readFileSync('model.json', 'utf8')));
   */
  static fromJSON(json: EstimatorJSON): Pipeline {
    if (json?.type !== 'Pipeline') throw new TypeError(featuresMessage.notPipelineJson(json?.type));
    const f = json.fitted as { steps: StepJSON[]; estimator: EstimatorJSON | null; inputColumns: string[]; featureNames: string[]; fittedOn: FitRecord } | undefined;
    if (!f) return Pipeline.fromSpec(json);
    const p = new Pipeline({ steps: f.steps.map(stepFromJSON), estimator: f.estimator ? estimatorFromJSON(f.estimator) : undefined });
    p.inputColumns = f.inputColumns;
    p.featureNames = f.featureNames;
    p.fittedOn = f.fittedOn;
    return p;
  }

  /** An unfitted pipeline from `spec()` output. */
  static fromSpec(spec: EstimatorSpec): Pipeline {
    const params = spec.params as unknown as PipelineParams;
    if (!params || !Array.isArray(params.steps)) throw new TypeError(featuresMessage.badPipelineSpec);
    return new Pipeline({ steps: params.steps.map((s) => stepFromJSON({ ...s, state: undefined })), estimator: params.estimator ? createEstimator(params.estimator) : undefined });
  }

  [MIME_BUNDLE](): MimeBundle {
    return describePipeline(this);
  }

  private requireEstimator(method: string): Estimator {
    if (!this.estimator) throw new TypeError(featuresMessage.pipelineNoEstimator(`Pipeline.${method}`));
    return this.estimator as Estimator;
  }

  private checkNumeric(t: ColumnTable): ColumnTable {
    for (const c of t.columnNames()) {
      const v = t.array(c) as ArrayLike<unknown>;
      for (let i = 0; i < v.length; i++) {
        const x = v[i];
        if (typeof x === 'string' || x instanceof Date) throw new TypeError(featuresMessage.columnStillText('Pipeline', c, i, x));
      }
    }
    return t;
  }
}

// A pipeline ending in an estimator behaves as that estimator (fit / predict / spec), so trials
// and run records can rebuild it like any model.
registerEstimator('Pipeline', {
  create: (params) => Pipeline.fromSpec({ type: 'Pipeline', params }) as unknown as Estimator,
  fromJSON: (json) => Pipeline.fromJSON(json) as unknown as Estimator,
  withParams: pipelineSpecWithParams,
});
