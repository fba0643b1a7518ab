import type { ClassLabel, Classifier, Features, FitOptions, Probabilities, Target } from '../contract';
import { collectFeatures } from '../../training/features';
import { selectFittedFeatures, splitFitInput, type TargetOrLabel } from '../featureInput';
import { encodeClasses, encodeWithClasses } from '../../training/targets';
import { BaseMlp } from './base';
import { observeFit } from '../fitObserver';
import { _fitMlp } from './fitMlp';
import type { MLPParams } from './params';
import { modelMessage } from '../messages';
import type { EstimatorJSON } from '../registry';
import { trainingMessage } from '../../training/messages';

/**
 * A multi-layer perceptron classifier, trained like scikit-learn's MLPClassifier (Adam, log loss,
 * L2 penalty `alpha`, its stopping rule and early stopping) but seeded and bit-reproducible:
 * the same data and `seed` give the same weights on the same engine. Training runs on Modelbook's
 * fused WebAssembly SIMD kernel (or TF.js ops with `engine: 'tfjs'`), shows a live loss chart,
 * and stops at the next batch on interrupt, keeping what it has learned.
 *
 * @example
 * const clf = new MLPClassifier({ hiddenLayerSizes: [64, 32], maxIter: 50, earlyStopping: true, seed: 42 });
 * await clf.fit(train, yTrain);
 * const proba = await clf.predictProba(test);
 */
export class MLPClassifier extends BaseMlp implements Classifier {
  readonly kind = 'classifier' as const;
  private labels: ClassLabel[] = [];

  /**
   * @param params scikit-learn's parameters in camelCase; defaults: hiddenLayerSizes [100], activation 'relu',
   *   alpha 1e-4, batchSize 'auto' (min(200, rows)), learningRateInit 1e-3, maxIter 200, seed 0, tol 1e-4,
   *   earlyStopping false, validationFraction 0.1, nIterNoChange 10, engine 'auto', progress true
   */
  constructor(params: Partial<MLPParams> = {}) {
    super('MLPClassifier', params);
  }

  /** Class labels seen in fit, sorted as scikit-learn sorts them. */
  get classes(): ClassLabel[] {
    return [...this.labels];
  }

  /**
   * An MLPClassifier (fitted when the JSON has fitted state) from `toJSON()` output.
   *
   * @example
   * const again = MLPClassifier.fromJSON(JSON.parse(JSON.stringify(clf)));
   */
  static fromJSON(json: EstimatorJSON): MLPClassifier {
    if (json?.type !== 'MLPClassifier') throw new TypeError(modelMessage.restoreWrongType('MLPClassifier', json?.type));
    const m = new MLPClassifier(json.params as Partial<MLPParams>);
    if (json.fitted) {
      const labels = json.fitted.classes;
      if (!Array.isArray(labels) || labels.length < 2) throw new TypeError(modelMessage.restoreBadState('MLPClassifier'));
      m.labels = [...(labels as ClassLabel[])];
      m.restoreFitted(json.fitted);
    }
    return m;
  }

  protected override extraState(): Record<string, unknown> {
    return { classes: [...this.labels] };
  }

  /**
   * Trains from scratch on x and the class labels y. `options.validation` gives held-out data for
   * live validation metrics (and replaces the `validationFraction` split under early stopping);
   * `options.signal` (or the cell's interrupt) stops at the next batch and keeps the partly trained model.
   *
   * @example
   * await clf.fit(x, y, { validation: { x: xVal, y: yVal }, onProgress: (p) => console.log(p.epoch, p.metrics.loss) });
   */
  async fit(features: Features, target: TargetOrLabel, options: FitOptions = {}): Promise<this> {
    const { x, y } = splitFitInput(features, target, 'MLPClassifier.fit');
    return observeFit(this, x, options, (o) => this.fitUnobserved(x, y, o));
  }

  /** The work of `fit`, which runs it through the fit observer (so a kernel records it). */
  private async fitUnobserved(x: Features, y: Target, options: FitOptions): Promise<this> {
    const m = collectFeatures(x, 'MLPClassifier.fit');
    const { classes, codes } = encodeClasses(y, m.rows, 'MLPClassifier.fit');
    if (classes.length < 2) throw new RangeError(modelMessage.oneClass('MLPClassifier.fit', classes[0]));
    const validation = options.validation ? encodeValidation(options.validation, classes, m.names) : undefined;
    const binary = classes.length === 2;
    const fit = await _fitMlp(
      'MLPClassifier',
      this.params,
      m,
      {
        output: binary ? 'sigmoid' : 'softmax',
        outputUnits: binary ? 1 : classes.length,
        y: Float32Array.from(codes),
        stratify: codes,
        ...(validation ? { validation } : {}),
        scoreName: 'accuracy',
        score: (outputs, yv, rows) => accuracy(outputs, yv, rows, binary ? 1 : classes.length),
      },
      options,
    );
    this.labels = classes;
    this.setFitted({ ...fit, featureNames: m.names, output: binary ? 'sigmoid' : 'softmax' });
    return this;
  }

  /**
   * Class probabilities, one column per class in the order of `classes`.
   *
   * @example
   * const p = await clf.predictProba(x); p.data[i * p.classes.length + k] // P(row i is class k)
   */
  async predictProba(x: Features): Promise<Probabilities> {
    const { values, rows, units } = await this.outputs(x, 'predictProba');
    const k = this.labels.length;
    const data = new Float64Array(rows * k);
    if (units === 1) {
      for (let i = 0; i < rows; i++) {
        data[2 * i] = 1 - values[i];
        data[2 * i + 1] = values[i];
      }
    } else {
      for (let i = 0; i < rows * k; i++) data[i] = values[i];
    }
    return { classes: this.classes, rows, data };
  }

  /**
   * The most probable class of each row (for two classes: probability > 0.5, as scikit-learn).
   *
   * @example
   * const labels = await clf.predict(x); // e.g. ['yes', 'no', …]
   */
  async predict(x: Features): Promise<ClassLabel[]> {
    const { values, rows, units } = await this.outputs(x, 'predict');
    const out: ClassLabel[] = new Array(rows);
    for (let i = 0; i < rows; i++) out[i] = this.labels[argmaxRow(values, i, units)];
    return out;
  }

  /**
   * Mean accuracy on x and y (scikit-learn's `score`).
   *
   * @example
   * await clf.score(xTest, yTest) // 0.93
   */
  async score(features: Features, target: TargetOrLabel): Promise<number> {
    const { x, y } = splitFitInput(features, target, 'MLPClassifier.score');
    const predicted = await this.predict(x);
    if (y.length !== predicted.length) throw new RangeError(trainingMessage.rowsMismatch('MLPClassifier.score', 'y', y.length, predicted.length, 'labels'));
    let hits = 0;
    for (let i = 0; i < predicted.length; i++) if (predicted[i] === y[i]) hits++;
    return hits / predicted.length;
  }
}

function encodeValidation(v: NonNullable<FitOptions['validation']>, classes: ClassLabel[], names: string[]) {
  const where = 'MLPClassifier.fit (options.validation.x)';
  const m = collectFeatures(selectFittedFeatures(v.x, names, where), where);
  const cols = names.length;
  if (m.cols !== cols) throw new RangeError(modelMessage.validationFeatureCount('MLPClassifier.fit', m.cols, cols));
  const codes = encodeWithClasses(v.y, classes, m.rows, 'MLPClassifier.fit (options.validation.y)');
  return { x: m.data, y: Float32Array.from(codes), rows: m.rows };
}

/** Index of the predicted class: p > 0.5 for one sigmoid unit, else the first maximum. */
function argmaxRow(values: Float32Array, row: number, units: number): number {
  if (units === 1) return values[row] > 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < units; j++) if (values[row * units + j] > values[row * units + best]) best = j;
  return best;
}

function accuracy(outputs: Float32Array, y: Float32Array, rows: number, units: number): number {
  let hits = 0;
  for (let i = 0; i < rows; i++) if (argmaxRow(outputs, i, units) === y[i]) hits++;
  return hits / rows;
}
