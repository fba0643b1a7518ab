import type { NumberColumn } from '../../args/columns';
import { MIME_BUNDLE } from '../../display/mimeBundle';
import { createRowKernels } from '../../linalg/rowKernels';
import { toMatrix } from '../../linalg/toMatrix';
import { createMatrix, type Matrix } from '../../linalg/matrix';
import type { MimeBundle } from '../../notebook/contract';
import type { ClassLabel, Classifier, EstimatorSpec, Features, FitOptions, ModelSummary, Probabilities, Target } from '../contract';
import type { EstimatorJSON } from '../registry';
import { observeFit } from '../fitObserver';
import { computeClassWeight, type ClassWeight } from './classWeight';
import { coefficientBundle, unfittedBundle } from './describeLinear';
import { linearScores, predictionMatrix } from './linearPredict';
import { weightStats } from '../weightStats';
import { sigmoid } from './logisticLoss';
import { solveBinary, solveMultinomial, type LogisticSolution } from './solveLogistic';
import { withDefaults } from './params';
import { encodeClasses, toSampleWeight } from './target';
import { splitFitInput, type TargetOrLabel } from '../featureInput';
import { modelMessage } from '../messages';
import { trainingMessage } from '../../training/messages';

/** Constructor parameters, named and defaulted as scikit-learn's LogisticRegression. */
export interface LogisticRegressionParams {
  /** Inverse of the L2 regularisation strength; smaller is stronger. Default 1. */
  C?: number;
  /** 'l2' (default) or 'none' (no penalty). */
  penalty?: 'l2' | 'none';
  /** Fit an (unpenalised) intercept. Default true. */
  fitIntercept?: boolean;
  /** L-BFGS iteration limit. Default 100. */
  maxIter?: number;
  /** Stop when the largest gradient component is ≤ tol. Default 1e-4. */
  tol?: number;
  /** 'auto' (default): binary for 2 classes, multinomial above; or force 'multinomial' / 'ovr'. */
  multiClass?: 'auto' | 'multinomial' | 'ovr';
  /** 'balanced', a record label → weight, or null (default). */
  classWeight?: ClassWeight;
  /** Accepted for API uniformity: the solver is deterministic, the same data gives the same model. */
  seed?: number;
}

/**
 * Fit options of linear models: the shared FitOptions plus per-row weights. (`validation` is
 * accepted and ignored: these solvers run to convergence, there is no epoch to stop early at.)
 */
export interface LinearFitOptions extends FitOptions {
  sampleWeight?: NumberColumn;
}

const DEFAULTS: Required<Omit<LogisticRegressionParams, 'seed'>> & { seed: number | null } = {
  C: 1,
  penalty: 'l2',
  fitIntercept: true,
  maxIter: 100,
  tol: 1e-4,
  multiClass: 'auto',
  classWeight: null,
  seed: null,
};

/**
 * L2-regularised logistic regression solved by L-BFGS, parameterised and sorted like scikit-learn.
 *
 * @example
 * const clf = await new LogisticRegression({ C: 0.5, seed: 1 }).fit(x, y);
 * clf.coef; await clf.predictProba(xTest);
 */
export class LogisticRegression implements Classifier {
  readonly kind = 'classifier' as const;
  readonly params: Readonly<typeof DEFAULTS>;
  /** Class labels seen in fit, sorted as scikit-learn sorts them. */
  classes: ClassLabel[] = [];
  /** Coefficients: 1 × features for a binary model, classes × features otherwise (sklearn `coef_`). */
  coef: Matrix = createMatrix(0, 0);
  /** One intercept per coefficient row (sklearn `intercept_`). */
  intercept: Float64Array = new Float64Array(0);
  /** Feature names seen in fit (table columns, or x0, x1, …). */
  featureNames: string[] = [];
  /** L-BFGS iterations used (the largest, for one-vs-rest). */
  nIter = 0;
  /** False when the solver stopped (maxIter, or a loss that no longer decreases) with the largest gradient component above tol and the loss measurably above its minimum; a warning says which. */
  converged = true;
  private mode: 'binary' | 'multinomial' | 'ovr' = 'binary';

  /**
   * @example
   * const model = await new LogisticRegression({ C: 0.5 }).fit(xTrain, yTrain);
   * const proba = await model.predictProba(xTest);
   */
  constructor(params: LogisticRegressionParams = {}) {
    this.params = Object.freeze(checkParams(withDefaults(DEFAULTS, params, 'LogisticRegression')));
  }

  spec(): EstimatorSpec {
    return { type: 'LogisticRegression', params: { ...this.params } };
  }

  /** An unfitted copy with the same parameters (what cross-validation fits in each fold). */
  clone(): LogisticRegression {
    return new LogisticRegression(this.params as LogisticRegressionParams);
  }

  /**
   * Fits on features `x` (numeric table, Matrix or rows) and labels `y` (or the name of the
   * label column in the table `x`). Predictions later pick the same columns from wider tables.
   *
   * @example
   * await model.fit(aq.table({ a: [0, 1, 2, 3] }), ['no', 'no', 'yes', 'yes']);
   * await model.fit(train, 'species');
   */
  async fit(features: Features, target: TargetOrLabel, options: LinearFitOptions = {}): Promise<this> {
    const { x, y } = splitFitInput(features, target, 'LogisticRegression.fit');
    return observeFit(this, x, options, (o) => this.fitUnobserved(x, y, o));
  }

  /** The work of `fit`, which runs it through the fit observer (so a kernel records it). */
  private async fitUnobserved(x: Features, y: Target, options: LinearFitOptions): Promise<this> {
    const { matrix, names } = toMatrix(x, 'LogisticRegression.fit');
    if (!y || y.length !== matrix.rows) throw new RangeError(trainingMessage.rowsMismatch('LogisticRegression.fit', 'y', y?.length, matrix.rows, 'labels'));
    const { classes, codes } = encodeClasses(y, 'LogisticRegression.fit');
    if (classes.length < 2) throw new RangeError(modelMessage.oneClass('LogisticRegression.fit', classes[0]));
    const sw = toSampleWeight(options.sampleWeight, matrix.rows, 'LogisticRegression.fit');
    const cw = computeClassWeight(this.params.classWeight, classes, codes);
    for (let i = 0; i < sw.length; i++) sw[i] *= cw[codes[i]];
    const p = this.params;
    const problem = { x: matrix.data, n: matrix.rows, d: matrix.cols, sw, l2: p.penalty === 'none' ? 0 : 1 / p.C, fitIntercept: p.fitIntercept };
    const k = classes.length;
    const mode = p.multiClass === 'multinomial' || (p.multiClass === 'auto' && k > 2) ? 'multinomial' : k === 2 ? 'binary' : 'ovr';
    const kernels = createRowKernels(matrix, mode === 'multinomial' ? k : 1);
    const solve = { l2: problem.l2, fitIntercept: p.fitIntercept, maxIter: p.maxIter, tol: p.tol, signal: options.signal, onProgress: options.onProgress, kernels };
    let solution: LogisticSolution;
    if (mode === 'binary') solution = solveBinary(problem, codes, 1, solve);
    else if (mode === 'multinomial') solution = solveMultinomial(problem, codes, k, solve);
    else solution = stackOvr(classes.map((_, c) => solveBinary(problem, codes, c, solve)));
    if (mode === 'multinomial' && k === 2) {
      // sklearn keeps only the positive class's row for a 2-class multinomial model.
      solution = { ...solution, coef: solution.coef.slice(matrix.cols), intercept: solution.intercept.slice(1), rows: 1 };
    }
    this.mode = mode;
    this.classes = classes;
    this.featureNames = names;
    this.coef = createMatrix(solution.rows, matrix.cols, solution.coef);
    this.intercept = solution.intercept;
    this.nIter = solution.nIter;
    this.converged = solution.converged;
    // `converged` is strict (gradient within tol); the warning is for fits that matter: maxIter,
    // or a loss still measurably above its minimum (as scikit-learn, which stays quiet on its
    // relative-decrease stop). Unscaled grams and millimetres otherwise warn on every default fit.
    if (!solution.converged && (solution.stop === 'maxIter' || solution.remainingDecrease > MATERIAL_GAP * Math.max(1, Math.abs(solution.loss))))
      console.warn(convergenceWarning(solution, p.maxIter, p.tol));
    return this;
  }

  /**
   * Raw scores X·coefᵀ + intercept: n × 1 for a binary model (positive class), n × classes otherwise.
   *
   * @example
   * (await model.decisionFunction(xTest)).data
   */
  async decisionFunction(x: Features): Promise<Matrix> {
    const m = predictionMatrix(x, this.featureNames, 'LogisticRegression.decisionFunction');
    return linearScores(m, this.coef.data, this.coef.rows, this.intercept);
  }

  /**
   * Class probabilities, columns in the order of `classes`.
   *
   * @example
   * const p = await model.predictProba(xTest); // p.data[i * p.classes.length + k]
   */
  async predictProba(x: Features): Promise<Probabilities> {
    const m = predictionMatrix(x, this.featureNames, 'LogisticRegression.predictProba');
    return { classes: [...this.classes], rows: m.rows, data: this.probabilities(linearScores(m, this.coef.data, this.coef.rows, this.intercept)) };
  }

  /**
   * The most probable class per row (the first class on ties, as numpy's argmax).
   *
   * @example
   * await model.predict(xTest) // ['yes', 'no', …]
   */
  async predict(x: Features): Promise<ClassLabel[]> {
    const { data, rows } = await this.predictProba(x);
    const k = this.classes.length;
    const out = new Array<ClassLabel>(rows);
    for (let i = 0; i < rows; i++) {
      let best = 0;
      for (let c = 1; c < k; c++) if (data[i * k + c] > data[i * k + best]) best = c;
      out[i] = this.classes[best];
    }
    return out;
  }

  /**
   * Mean accuracy on (x, y), as sklearn's `score`; `y` may name the label column of `x`.
   *
   * @example
   * await model.score(xTest, yTest) // 0.93
   */
  async score(features: Features, target: TargetOrLabel): Promise<number> {
    const { x, y } = splitFitInput(features, target, 'LogisticRegression.score');
    const pred = await this.predict(x);
    if (y.length !== pred.length) throw new RangeError(trainingMessage.rowsMismatch('LogisticRegression.score', 'y', y.length, pred.length, 'labels'));
    let hits = 0;
    for (let i = 0; i < pred.length; i++) if (pred[i] === y[i]) hits++;
    return hits / pred.length;
  }

  summary(): ModelSummary {
    const d = this.featureNames.length;
    return {
      type: 'LogisticRegression',
      parameterCount: this.coef.data.length + (this.params.fitIntercept ? this.intercept.length : 0),
      weights: [weightStats('coef', [this.coef.rows, d], this.coef.data), weightStats('intercept', [this.intercept.length], this.intercept)],
      extra: { classes: this.classes, multiClass: this.mode, nIter: this.nIter, converged: this.converged, featureNames: this.featureNames },
    };
  }

  /** The parameters and the fitted state, as JSON (see `LogisticRegression.fromJSON`). */
  toJSON(): EstimatorJSON {
    return {
      type: 'LogisticRegression',
      params: { ...this.params },
      fitted: this.featureNames.length
        ? {
            classes: this.classes,
            featureNames: this.featureNames,
            mode: this.mode,
            coefRows: this.coef.rows,
            coef: Array.from(this.coef.data),
            intercept: Array.from(this.intercept),
            nIter: this.nIter,
            converged: this.converged,
          }
        : undefined,
    };
  }

  /**
   * Rebuilds a model (fitted if the JSON has fitted state) from `toJSON()` output.
   *
   * @example
   * const again = LogisticRegression.fromJSON(JSON.parse(JSON.stringify(model)));
   */
  static fromJSON(json: EstimatorJSON): LogisticRegression {
    if (json?.type !== 'LogisticRegression') throw new TypeError(modelMessage.restoreWrongType('LogisticRegression', json?.type));
    const m = new LogisticRegression(json.params as LogisticRegressionParams);
    const f = json.fitted as
      { classes: ClassLabel[]; featureNames: string[]; mode: LogisticRegression['mode']; coefRows: number; coef: number[]; intercept: number[]; nIter: number; converged: boolean } | undefined;
    if (f) {
      m.classes = f.classes;
      m.featureNames = f.featureNames;
      m.mode = f.mode;
      m.coef = createMatrix(f.coefRows, f.featureNames.length, Float64Array.from(f.coef));
      m.intercept = Float64Array.from(f.intercept);
      m.nIter = f.nIter;
      m.converged = f.converged;
    }
    return m;
  }

  [MIME_BUNDLE](): MimeBundle {
    if (!this.featureNames.length) return unfittedBundle('LogisticRegression', this.params);
    const rowLabels = this.coef.rows === 1 ? [''] : this.classes.map(String);
    const notes = [`classes ${this.classes.map((c) => JSON.stringify(c)).join(', ')}`, `${this.mode}`, `C=${this.params.C}`, `${this.nIter} iterations${this.converged ? '' : ' (not converged)'}`];
    return coefficientBundle({ title: 'LogisticRegression', rowLabels, featureNames: this.featureNames, coef: this.coef.data, intercept: this.intercept, notes });
  }

  private probabilities(scores: Matrix): Float64Array {
    const n = scores.rows;
    const k = this.classes.length;
    const out = new Float64Array(n * k);
    // Row i's scores are z[s..s + cols): offsets, not a subarray per row (a million rows made a million views to collect).
    const z = scores.data;
    for (let i = 0; i < n; i++) {
      const s = i * scores.cols;
      const o = i * k;
      if (this.mode === 'binary') {
        out[o + 1] = sigmoid(z[s]);
        out[o] = 1 - out[o + 1];
      } else if (this.mode === 'multinomial' && k === 2) {
        // sklearn: softmax([-z, z])
        out[o + 1] = sigmoid(2 * z[s]);
        out[o] = 1 - out[o + 1];
      } else if (this.mode === 'multinomial') {
        let max = -Infinity;
        for (let c = 0; c < k; c++) max = Math.max(max, z[s + c]);
        let sum = 0;
        for (let c = 0; c < k; c++) sum += out[o + c] = Math.exp(z[s + c] - max);
        for (let c = 0; c < k; c++) out[o + c] /= sum;
      } else {
        let sum = 0;
        for (let c = 0; c < k; c++) sum += out[o + c] = sigmoid(z[s + c]);
        for (let c = 0; c < k; c++) out[o + c] /= sum;
      }
    }
    return out;
  }
}

/** How far above its minimum (relative) a stalled loss may be before a fit warns. */
const MATERIAL_GAP = 1e-6;

function convergenceWarning(s: LogisticSolution, maxIter: number, tol: number): string {
  const stop = s.stop;
  if (stop === 'maxIter') return modelMessage.convergedMaxIter(maxIter, tol);
  const g = s.gradMax.toExponential(1);
  if (stop === 'ftol') return modelMessage.convergedFtol(g, tol, s.remainingDecrease.toExponential(1));
  return modelMessage.convergedLineSearch(g, tol);
}

function stackOvr(parts: LogisticSolution[]): LogisticSolution {
  const d = parts[0].coef.length;
  const coef = new Float64Array(parts.length * d);
  parts.forEach((s, c) => coef.set(s.coef, c * d));
  return {
    coef,
    intercept: Float64Array.from(parts.map((s) => s.intercept[0])),
    rows: parts.length,
    nIter: Math.max(...parts.map((s) => s.nIter)),
    converged: parts.every((s) => s.converged),
    stop: parts.find((s) => !s.converged)?.stop ?? parts[0].stop,
    loss: parts.reduce((a, s) => a + s.loss, 0),
    gradMax: Math.max(...parts.map((s) => s.gradMax)),
    remainingDecrease: parts.reduce((a, s) => a + s.remainingDecrease, 0),
  };
}

function checkParams(p: typeof DEFAULTS): typeof DEFAULTS {
  const where = 'LogisticRegression';
  if (!(typeof p.C === 'number' && p.C > 0 && Number.isFinite(p.C)))
    throw new RangeError(modelMessage.badParam(where, 'C', 'a positive finite number', p.C, 'smaller C means stronger regularisation'));
  if (p.penalty !== 'l2' && p.penalty !== 'none') throw new RangeError(modelMessage.badParam(where, 'penalty', "'l2' or 'none'", p.penalty));
  if (!(Number.isInteger(p.maxIter) && p.maxIter >= 0)) throw new RangeError(modelMessage.badParam(where, 'maxIter', 'a non-negative integer', p.maxIter));
  if (!(typeof p.tol === 'number' && p.tol >= 0)) throw new RangeError(modelMessage.badParam(where, 'tol', 'a number ≥ 0', p.tol));
  if (!['auto', 'multinomial', 'ovr'].includes(p.multiClass)) throw new RangeError(modelMessage.badParam(where, 'multiClass', "'auto', 'multinomial' or 'ovr'", p.multiClass));
  if (typeof p.fitIntercept !== 'boolean') throw new TypeError(modelMessage.badParam(where, 'fitIntercept', 'true or false', p.fitIntercept));
  if (p.classWeight !== null && p.classWeight !== 'balanced' && typeof p.classWeight !== 'object')
    throw new TypeError(modelMessage.badParam(where, 'classWeight', "'balanced', null or a record of label → weight", p.classWeight));
  return p;
}
