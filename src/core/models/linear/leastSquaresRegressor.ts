import { MIME_BUNDLE } from '../../display/mimeBundle';
import { toMatrix } from '../../linalg/toMatrix';
import type { MimeBundle } from '../../notebook/contract';
import type { EstimatorSpec, Features, ModelSummary, Regressor, Target } from '../contract';
import type { EstimatorJSON } from '../registry';
import { observeFit } from '../fitObserver';
import { coefficientBundle, unfittedBundle } from './describeLinear';
import { linearScores, predictionMatrix } from './linearPredict';
import { weightStats } from '../weightStats';
import type { LinearFitOptions } from './logisticRegression';
import { solveCenteredLeastSquares } from './solveLeastSquares';
import { toNumericTarget, toSampleWeight } from './target';
import { splitFitInput, type TargetOrLabel } from '../featureInput';
import { modelMessage } from '../messages';

/** The fitted state LinearRegression and Ridge share (and serialise). */
interface FittedLeastSquares {
  featureNames: string[];
  coef: number[];
  intercept: number;
  rank: number;
}

/** Shared fit/predict/score of the least-squares regressors (LinearRegression, Ridge). */
export abstract class LeastSquaresRegressor<P extends { fitIntercept: boolean }> implements Regressor {
  readonly kind = 'regressor' as const;
  /** One coefficient per feature (sklearn `coef_`). */
  coef: Float64Array = new Float64Array(0);
  /** The intercept (sklearn `intercept_`); 0 when fitIntercept is false. */
  intercept = 0;
  /** Numerical rank of the centred design matrix (sklearn LinearRegression `rank_`). */
  rank = 0;
  /** How the last fit was solved: 'normal' (refined normal equations) or 'qr' (pivoted QR, minimum norm). */
  solver: 'normal' | 'qr' | undefined;
  featureNames: string[] = [];

  protected constructor(
    readonly type: string,
    readonly params: Readonly<P>,
  ) {}

  protected abstract alpha(): number;
  /** An unfitted copy with the same parameters. */
  abstract clone(): LeastSquaresRegressor<P>;

  spec(): EstimatorSpec {
    return { type: this.type, params: { ...this.params } };
  }

  /**
   * Fits on numeric features `x` and numeric target `y`, or the name of the target column in the
   * table `x` (optionally with `sampleWeight`).
   *
   * @example
   * await new LinearRegression().fit(aq.table({ x: [0, 1, 2] }), [1, 3, 5]); // coef [2], intercept 1
   * await new Ridge().fit(houses, 'price');
   */
  async fit(features: Features, label: TargetOrLabel, options: LinearFitOptions = {}): Promise<this> {
    const { x, y } = splitFitInput(features, label, `${this.type}.fit`);
    return observeFit(this, x, options, (o) => this.fitUnobserved(x, y, o));
  }

  /** The work of `fit`, which runs it through the fit observer (so a kernel records it). */
  private async fitUnobserved(x: Features, y: Target, options: LinearFitOptions): Promise<this> {
    const where = `${this.type}.fit`;
    const { matrix, names } = toMatrix(x, where);
    const target = toNumericTarget(y, matrix.rows, where);
    const sw = toSampleWeight(options.sampleWeight, matrix.rows, where);
    if (options.signal?.aborted) throw Object.assign(new Error(modelMessage.interrupted(where)), { name: 'AbortError' });
    const started = Date.now();
    const s = solveCenteredLeastSquares(matrix, target, sw, this.params.fitIntercept, this.alpha());
    this.coef = s.coef;
    this.intercept = s.intercept;
    this.rank = s.rank;
    this.solver = s.method;
    this.featureNames = names;
    options.onProgress?.({ epoch: 1, epochs: 1, metrics: {}, elapsedMs: Date.now() - started });
    return this;
  }

  /**
   * Predictions X·coef + intercept.
   *
   * @example
   * await model.predict([[3]]) // Float64Array [7]
   */
  async predict(x: Features): Promise<Float64Array> {
    const m = predictionMatrix(x, this.featureNames, `${this.type}.predict`);
    return linearScores(m, this.coef, 1, Float64Array.of(this.intercept)).data;
  }

  /**
   * The coefficient of determination R² on (x, y), as sklearn's `score`; `y` may name the target column of `x`.
   *
   * @example
   * await model.score(xTest, yTest) // 0.87
   */
  async score(features: Features, label: TargetOrLabel): Promise<number> {
    const { x, y } = splitFitInput(features, label, `${this.type}.score`);
    const pred = await this.predict(x);
    const t = toNumericTarget(y, pred.length, `${this.type}.score`);
    let mean = 0;
    for (const v of t) mean += v / t.length;
    let ssRes = 0;
    let ssTot = 0;
    for (let i = 0; i < t.length; i++) {
      ssRes += (t[i] - pred[i]) ** 2;
      ssTot += (t[i] - mean) ** 2;
    }
    // sklearn's convention for a constant target: 1 for a perfect fit, else 0.
    if (ssTot === 0) return ssRes === 0 ? 1 : 0;
    return 1 - ssRes / ssTot;
  }

  summary(): ModelSummary {
    return {
      type: this.type,
      parameterCount: this.coef.length + (this.params.fitIntercept ? 1 : 0),
      weights: [weightStats('coef', [this.coef.length], this.coef), weightStats('intercept', [1], Float64Array.of(this.intercept))],
      extra: { rank: this.rank, solver: this.solver, featureNames: this.featureNames },
    };
  }

  /** The parameters and the fitted state, as JSON. */
  toJSON(): EstimatorJSON {
    const fitted: FittedLeastSquares | undefined = this.featureNames.length ? { featureNames: this.featureNames, coef: Array.from(this.coef), intercept: this.intercept, rank: this.rank } : undefined;
    return { type: this.type, params: { ...this.params }, fitted: fitted as Record<string, unknown> | undefined };
  }

  [MIME_BUNDLE](): MimeBundle {
    if (!this.featureNames.length) return unfittedBundle(this.type, this.params);
    return coefficientBundle({ title: this.type, rowLabels: [''], featureNames: this.featureNames, coef: this.coef, intercept: Float64Array.of(this.intercept), notes: [`rank ${this.rank}`] });
  }

  /** Copies fitted state from JSON (used by the subclasses' fromJSON). */
  protected restore(json: EstimatorJSON): this {
    if (json?.type !== this.type) throw new TypeError(modelMessage.restoreWrongType(this.type, json?.type));
    const f = json.fitted as FittedLeastSquares | undefined;
    if (f) {
      this.featureNames = f.featureNames;
      this.coef = Float64Array.from(f.coef);
      this.intercept = f.intercept;
      this.rank = f.rank;
    }
    return this;
  }
}
