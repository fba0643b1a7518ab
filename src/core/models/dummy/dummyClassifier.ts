import type { NumberColumn } from '../../args/columns';
import { MIME_BUNDLE } from '../../display/mimeBundle';
import { createRng } from '../../linalg/random';
import type { MimeBundle } from '../../notebook/contract';
import type { ClassLabel, Classifier, EstimatorSpec, Features, FitOptions, ModelSummary, Probabilities, Target } from '../contract';
import type { EstimatorJSON } from '../registry';
import { observeFit } from '../fitObserver';
import { splitFitInput, type TargetOrLabel } from '../featureInput';
import { unfittedBundle } from '../linear/describeLinear';
import { withDefaults } from '../linear/params';
import { encodeClasses, toSampleWeight } from '../linear/target';
import { modelMessage } from '../messages';
import { trainingMessage } from '../../training/messages';
import { countRows } from './rows';

export type DummyClassifierStrategy = 'mostFrequent' | 'prior' | 'stratified' | 'uniform' | 'constant';

/** Constructor parameters, named and defaulted as scikit-learn's DummyClassifier. */
export interface DummyClassifierParams {
  /**
   * 'prior' (default: predicts the most frequent class, probabilities are the class shares),
   * 'mostFrequent' (the same prediction, probability 1 for it), 'stratified' (random one-hot draws
   * from the class shares), 'uniform' (random classes, probabilities 1/k) or 'constant'.
   */
  strategy?: DummyClassifierStrategy;
  /** The label 'constant' always predicts; it must be one of the training labels. */
  constant?: ClassLabel | null;
  /** Seeds 'stratified' and 'uniform': the same seed gives the same predictions on every call. Default 0. */
  seed?: number;
}

/** Fit options of the dummy classifier: per-row weights for the class shares. */
export interface DummyFitOptions extends FitOptions {
  sampleWeight?: NumberColumn;
}

const STRATEGIES: readonly DummyClassifierStrategy[] = ['mostFrequent', 'prior', 'stratified', 'uniform', 'constant'];
const DEFAULTS = { strategy: 'prior' as DummyClassifierStrategy, constant: null as ClassLabel | null, seed: 0 };
const WHERE = 'DummyClassifier';

/**
 * A baseline classifier that ignores the features, as scikit-learn's DummyClassifier: what a model
 * must beat to have learned anything.
 *
 * @example
 * const base = await new DummyClassifier({ strategy: 'mostFrequent' }).fit(train, 'species');
 * await base.score(test, 'species'); // accuracy of always answering the majority class
 */
export class DummyClassifier implements Classifier {
  readonly kind = 'classifier' as const;
  readonly params: Readonly<typeof DEFAULTS>;
  /** Class labels seen in fit, sorted as scikit-learn sorts them. */
  classes: ClassLabel[] = [];
  /** Each class's (weighted) share of the training labels, in the order of `classes` (sklearn `class_prior_`). */
  classPrior: Float64Array = new Float64Array(0);

  /**
   * @example
   * new DummyClassifier({ strategy: 'stratified', seed: 7 })
   */
  constructor(params: DummyClassifierParams = {}) {
    this.params = Object.freeze(checkParams(withDefaults(DEFAULTS, params, WHERE)));
  }

  spec(): EstimatorSpec {
    return { type: WHERE, params: { ...this.params } };
  }

  /** An unfitted copy with the same parameters. */
  clone(): DummyClassifier {
    return new DummyClassifier(this.params);
  }

  /**
   * Learns the classes and their shares from `y` (or the label column named `y` of the table `x`).
   *
   * @example
   * await new DummyClassifier().fit([[0], [0], [0]], ['a', 'b', 'b']); // classPrior [1/3, 2/3]
   */
  async fit(features: Features, target: TargetOrLabel, options: DummyFitOptions = {}): Promise<this> {
    const { x, y } = splitFitInput(features, target, `${WHERE}.fit`);
    // The table as given (label included, like a Pipeline's fit): a run on a split part keeps its lineage.
    return observeFit(this, features, options, async () => this.fitUnobserved(x, y, options));
  }

  private fitUnobserved(x: Features, y: Target, options: DummyFitOptions): this {
    const where = `${WHERE}.fit`;
    const rows = countRows(x, where);
    if (!y || y.length !== rows) throw new RangeError(trainingMessage.rowsMismatch(where, 'y', y?.length, rows, 'labels'));
    if (rows === 0) throw new RangeError(modelMessage.dummyNoRows(where));
    const { classes, codes } = encodeClasses(y, where);
    const sw = toSampleWeight(options.sampleWeight, rows, where);
    const prior = new Float64Array(classes.length);
    let total = 0;
    for (let i = 0; i < rows; i++) {
      prior[codes[i]] += sw[i];
      total += sw[i];
    }
    if (!(total > 0)) throw new RangeError(modelMessage.sampleWeightZero);
    for (let k = 0; k < prior.length; k++) prior[k] /= total;
    const constant = this.params.constant;
    if (this.params.strategy === 'constant' && !classes.includes(constant!))
      throw new RangeError(
        modelMessage.dummyConstantNotAClass(
          JSON.stringify(constant),
          classes.map((c) => JSON.stringify(c)),
        ),
      );
    this.classes = classes;
    this.classPrior = prior;
    return this;
  }

  /**
   * Class probabilities, columns in the order of `classes`: the class shares ('prior'), one-hot at
   * the most frequent class ('mostFrequent') or the constant, 1/k ('uniform'), or a random one-hot
   * row drawn from the shares ('stratified').
   *
   * @example
   * (await model.predictProba([[0], [0]])).data // Float64Array [0.33, 0.67, 0.33, 0.67]
   */
  async predictProba(x: Features): Promise<Probabilities> {
    const rows = countRows(x, `${WHERE}.predictProba`);
    this.checkFitted(`${WHERE}.predictProba`);
    const k = this.classes.length;
    const data = new Float64Array(rows * k);
    const strategy = this.params.strategy;
    if (strategy === 'stratified') {
      const rng = createRng(this.params.seed);
      for (let i = 0; i < rows; i++) data[i * k + this.drawClass(rng.nextFloat())] = 1;
    } else {
      const row = strategy === 'prior' ? this.classPrior : strategy === 'uniform' ? new Float64Array(k).fill(1 / k) : oneHot(k, this.fixedClass());
      for (let i = 0; i < rows; i++) data.set(row, i * k);
    }
    return { classes: [...this.classes], rows, data };
  }

  /**
   * One label per row: the most frequent class ('prior', 'mostFrequent'), the constant, a random
   * class ('uniform'), or the class of each 'stratified' probability row.
   *
   * @example
   * await model.predict([[0], [0]]) // ['b', 'b']
   */
  async predict(x: Features): Promise<ClassLabel[]> {
    const rows = countRows(x, `${WHERE}.predict`);
    this.checkFitted(`${WHERE}.predict`);
    const strategy = this.params.strategy;
    if (strategy === 'stratified') {
      const rng = createRng(this.params.seed);
      return Array.from({ length: rows }, () => this.classes[this.drawClass(rng.nextFloat())]);
    }
    if (strategy === 'uniform') {
      const rng = createRng(this.params.seed);
      return Array.from({ length: rows }, () => this.classes[rng.nextInt(this.classes.length)]);
    }
    return new Array<ClassLabel>(rows).fill(this.classes[this.fixedClass()]);
  }

  /**
   * Mean accuracy on (x, y), as sklearn's `score`; `y` may name the label column of `x`.
   *
   * @example
   * await model.score(xTest, yTest) // 0.44
   */
  async score(features: Features, target: TargetOrLabel): Promise<number> {
    const { x, y } = splitFitInput(features, target, `${WHERE}.score`);
    const pred = await this.predict(x);
    if (y.length !== pred.length) throw new RangeError(trainingMessage.rowsMismatch(`${WHERE}.score`, 'y', y.length, pred.length, 'labels'));
    let hits = 0;
    for (let i = 0; i < pred.length; i++) if (pred[i] === y[i]) hits++;
    return hits / pred.length;
  }

  summary(): ModelSummary {
    return {
      type: WHERE,
      parameterCount: this.classPrior.length,
      extra: { strategy: this.params.strategy, classes: this.classes, classPrior: Array.from(this.classPrior) },
    };
  }

  /** The parameters and the fitted state, as JSON (see `DummyClassifier.fromJSON`). */
  toJSON(): EstimatorJSON {
    return { type: WHERE, params: { ...this.params }, fitted: this.classes.length ? { classes: this.classes, classPrior: Array.from(this.classPrior) } : undefined };
  }

  /**
   * Rebuilds a model (fitted if the JSON has fitted state) from `toJSON()` output.
   *
   * @example
   * const again = DummyClassifier.fromJSON(JSON.parse(JSON.stringify(model)));
   */
  static fromJSON(json: EstimatorJSON): DummyClassifier {
    if (json?.type !== WHERE) throw new TypeError(modelMessage.restoreWrongType(WHERE, json?.type));
    const m = new DummyClassifier(json.params as DummyClassifierParams);
    const f = json.fitted as { classes?: unknown; classPrior?: unknown } | undefined;
    if (f) {
      if (!Array.isArray(f.classes) || !Array.isArray(f.classPrior) || f.classes.length !== f.classPrior.length || f.classes.length === 0) throw new TypeError(modelMessage.restoreBadState(WHERE));
      m.classes = f.classes as ClassLabel[];
      m.classPrior = Float64Array.from(f.classPrior as number[]);
    }
    return m;
  }

  [MIME_BUNDLE](): MimeBundle {
    if (!this.classes.length) return unfittedBundle(WHERE, this.params);
    const shares = this.classes.map((c, k) => `${JSON.stringify(c)} ${(this.classPrior[k] * 100).toFixed(1)}%`).join(', ');
    const text = `DummyClassifier(strategy=${JSON.stringify(this.params.strategy)}) · classes ${shares}`;
    return { 'text/plain': text };
  }

  /** The class a 'prior', 'mostFrequent' or 'constant' model always predicts (numpy argmax: first on ties). */
  private fixedClass(): number {
    if (this.params.strategy === 'constant') return this.classes.indexOf(this.params.constant!);
    let best = 0;
    for (let k = 1; k < this.classPrior.length; k++) if (this.classPrior[k] > this.classPrior[best]) best = k;
    return best;
  }

  /** The class whose cumulative share first exceeds `u` in [0, 1). */
  private drawClass(u: number): number {
    let cum = 0;
    for (let k = 0; k < this.classPrior.length; k++) {
      cum += this.classPrior[k];
      if (u < cum) return k;
    }
    return this.classPrior.length - 1;
  }

  private checkFitted(caller: string): void {
    if (!this.classes.length) throw new Error(modelMessage.notFitted(caller));
  }
}

function oneHot(k: number, at: number): Float64Array {
  const row = new Float64Array(k);
  row[at] = 1;
  return row;
}

function checkParams(p: typeof DEFAULTS): typeof DEFAULTS {
  if (!STRATEGIES.includes(p.strategy)) throw new RangeError(modelMessage.badParam(WHERE, 'strategy', STRATEGIES.map((s) => `'${s}'`).join(', '), p.strategy));
  if (typeof p.seed !== 'number' || !Number.isFinite(p.seed)) throw new RangeError(modelMessage.badParam(WHERE, 'seed', 'a finite number', p.seed));
  if (p.strategy === 'constant' && !['string', 'number', 'boolean'].includes(typeof p.constant))
    throw new TypeError(modelMessage.badParam(WHERE, 'constant', 'a class label (string, number or boolean)', p.constant, "strategy 'constant' predicts it for every row"));
  return p;
}
