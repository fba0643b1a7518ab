import type * as TF from '@tensorflow/tfjs';
import type { ClassLabel, Classifier, Features, FitOptions, Probabilities, Target } from '../contract';
import { collectFeatures } from '../../training/features';
import { selectFittedFeatures, splitFitInput, type TargetOrLabel } from '../featureInput';
import { encodeClasses, encodeWithClasses } from '../../training/targets';
import { BaseLayersEstimator } from './base';
import { observeFit } from '../fitObserver';
import type { LayersParams } from './params';
import { modelMessage } from '../messages';

/**
 * Gives any TF.js LayersModel the classifier interface (fit / predict / predictProba), trained by
 * Modelbook's loop: seeded shuffling and batching, live loss chart, early stopping, interrupt at
 * the next batch. The model ends in one sigmoid unit (two classes) or k softmax units (k classes);
 * an uncompiled model is compiled with Adam and binary or categorical cross-entropy.
 * Every fit starts from the weights the model had when wrapped (unless `warmStart`), so re-running
 * a cell gives the same model.
 *
 * @example
 * const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [8], units: 16, activation: 'relu' }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });
 * const clf = new LayersClassifier({ model, maxIter: 20, batchSize: 64, seed: 1 });
 * await clf.fit(train, yTrain);
 */
export class LayersClassifier extends BaseLayersEstimator implements Classifier {
  readonly kind = 'classifier' as const;
  private labels: ClassLabel[] = [];

  /**
   * @param params the model, and the loop's settings; defaults: batchSize 32, maxIter 10, shuffle true, seed 0,
   *   tol 1e-4, earlyStopping false, validationFraction 0.1, nIterNoChange 10, warmStart false, learningRateInit 1e-3
   */
  constructor(params: Partial<LayersParams> & { model: TF.LayersModel }) {
    super('LayersClassifier', params);
  }

  /** Class labels seen in fit, sorted as scikit-learn sorts them. */
  get classes(): ClassLabel[] {
    return [...this.labels];
  }

  /**
   * Trains the model on x and class labels y (see the class comment for where it starts).
   *
   * @example
   * await clf.fit(x, y, { validation: { x: xVal, y: yVal } });
   */
  async fit(features: Features, target: TargetOrLabel, options: FitOptions = {}): Promise<this> {
    const { x, y } = splitFitInput(features, target, 'LayersClassifier.fit');
    return observeFit(this, x, options, (o) => this.fitUnobserved(x, y, o));
  }

  /** The work of `fit`, which runs it through the fit observer (so a kernel records it). */
  private async fitUnobserved(x: Features, y: Target, options: FitOptions): Promise<this> {
    const m = collectFeatures(x, 'LayersClassifier.fit');
    const rows = m.rows;
    const { classes, codes } = encodeClasses(y, rows, 'LayersClassifier.fit');
    if (classes.length < 2) throw new RangeError(modelMessage.oneClass('LayersClassifier.fit', classes[0]));
    const toTargets = (c: Int32Array, units: number, loss: string | undefined) => {
      if (loss && /sparse/i.test(loss)) return { y: Float32Array.from(c), width: 1 };
      if (units === 1 && classes.length === 2) return { y: Float32Array.from(c), width: 1 };
      if (units !== classes.length) throw new RangeError(modelMessage.outputUnits('LayersClassifier.fit', units, classes.length));
      const onehot = new Float32Array(c.length * units);
      c.forEach((k, i) => (onehot[i * units + k] = 1));
      return { y: onehot, width: units };
    };
    const v = options.validation;
    await this.fitCore(
      m,
      {
        defaultLoss: (units) => (units === 1 ? 'binaryCrossentropy' : 'categoricalCrossentropy'),
        encode: (units, loss) => ({ ...toTargets(codes, units, loss), stratify: codes }),
        ...(v
          ? {
              encodeValidation: (units: number, loss: string | undefined) => {
                const vx = collectFeatures(selectFittedFeatures(v.x, m.names, 'LayersClassifier.fit (options.validation.x)'), 'LayersClassifier.fit (options.validation.x)');
                return { x: vx, y: toTargets(encodeWithClasses(v.y, classes, vx.rows, 'LayersClassifier.fit (options.validation.y)'), units, loss).y };
              },
            }
          : {}),
        scoreName: 'accuracy',
        score: (outputs, yv, n, units, width) => {
          let hits = 0;
          for (let i = 0; i < n; i++) hits += argmax(outputs, i, units) === (width === 1 ? yv[i] : argmax(yv, i, width)) ? 1 : 0;
          return hits / n;
        },
      },
      options,
    );
    this.labels = classes;
    return this;
  }

  /**
   * Class probabilities, one column per class in the order of `classes`.
   *
   * @example
   * const p = await clf.predictProba(x);
   */
  async predictProba(x: Features): Promise<Probabilities> {
    const { values, rows, units } = await this.outputs(x, 'predictProba');
    const k = this.labels.length;
    const data = new Float64Array(rows * k);
    for (let i = 0; i < rows; i++) {
      if (units === 1) {
        data[2 * i] = 1 - values[i];
        data[2 * i + 1] = values[i];
      } else for (let j = 0; j < k; j++) data[i * k + j] = values[i * units + j];
    }
    return { classes: this.classes, rows, data };
  }

  /**
   * The most probable class of each row.
   *
   * @example
   * await clf.predict(x) // ['a', 'b', …]
   */
  async predict(x: Features): Promise<ClassLabel[]> {
    const { values, rows, units } = await this.outputs(x, 'predict');
    return Array.from({ length: rows }, (_, i) => this.labels[argmax(values, i, units)]);
  }
}

function argmax(values: ArrayLike<number>, row: number, units: number): number {
  if (units === 1) return values[row] > 0.5 ? 1 : 0;
  let best = 0;
  for (let j = 1; j < units; j++) if (values[row * units + j] > values[row * units + best]) best = j;
  return best;
}
