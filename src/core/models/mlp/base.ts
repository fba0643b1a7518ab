import type * as TF from '@tensorflow/tfjs';
import { MIME_BUNDLE, type Displayable } from '../../display/mimeBundle';
import type { MimeBundle } from '../../notebook/contract';
import { MIME } from '../../notebook/mime';
import { getTf } from '../../tf/provider';
import type { TrainingHistory } from '../../training/contract';
import { collectFeatures, type FeatureMatrix } from '../../training/features';
import { TrainingCurve } from '../../training/trainingCurve';
import type { EstimatorSpec, Features, Matrix, ModelSummary } from '../contract';
import type { MlpEngine } from './engine';
import { networkSpec, openMlpEngine, type MlpFit } from './fitMlp';
import { resolveMlpParams, type MLPParams } from './params';
import { describeMlp } from './summary';
import { formatNumber } from '../../text/number';
import { selectFittedFeatures } from '../featureInput';
import type { MlpOutput } from './weights';
import { modelMessage } from '../messages';
import type { EstimatorJSON } from '../registry';
import { fusedKernelSupported } from './fusedKernel';
import { escapeHtml } from '../../text/html';

/** `toJSON().fitted` of an MLP. */
interface SavedMlp {
  featureNames: string[];
  output: MlpOutput;
  engine: string;
  batchSize: number;
  sizes: number[];
  coefs: number[][];
  intercepts: number[][];
  history: TrainingHistory;
}

/** What a fit leaves behind. */
export interface MlpFitted extends MlpFit {
  featureNames: string[];
  output: MlpOutput;
}

/** The parts MLPClassifier and MLPRegressor share: parameters, fitted weights, predictions, summary. */
export abstract class BaseMlp implements Displayable {
  /** The constructor parameters with defaults filled in. */
  readonly params: Readonly<MLPParams>;
  protected fitted: MlpFitted | undefined;
  private predictor: Promise<MlpEngine> | undefined;

  protected constructor(
    private readonly typeName: string,
    params: Partial<MLPParams> | undefined,
  ) {
    this.params = Object.freeze(resolveMlpParams(params, typeName));
  }

  /** The type name and parameters: enough to build an unfitted copy. */
  spec(): EstimatorSpec {
    return { type: this.typeName, params: { ...this.params, hiddenLayerSizes: [...this.params.hiddenLayerSizes] } };
  }

  /** Parameter count, layers, weight statistics, backend and how training went. */
  summary(): ModelSummary {
    return describeMlp(this.typeName, this.params, this.fitted);
  }

  /** What the last fit did: per-epoch losses and scores, why it stopped, backend, time. */
  get history(): TrainingHistory | undefined {
    return this.fitted?.history;
  }

  /** Training loss per epoch (scikit-learn's loss_curve_). */
  get lossCurve(): number[] {
    return this.fitted?.history.epochs.map((e) => e.loss) ?? [];
  }

  /** Validation score per epoch when there was validation data (scikit-learn's validation_scores_). */
  get validationScores(): number[] {
    return this.fitted?.history.epochs.filter((e) => e.valScore !== undefined).map((e) => e.valScore!) ?? [];
  }

  /** Epochs run (scikit-learn's n_iter_). */
  get nIter(): number {
    return this.fitted?.history.epochs.length ?? 0;
  }

  /** Weight matrices, inputs × outputs per layer (scikit-learn's coefs_). */
  get coefs(): Matrix[] {
    const w = this.requireFitted('coefs').weights;
    return w.coefs.map((c, l) => ({ rows: w.sizes[l], cols: w.sizes[l + 1], data: Float64Array.from(c) }));
  }

  /** Bias vectors per layer (scikit-learn's intercepts_). */
  get intercepts(): Float64Array[] {
    return this.requireFitted('intercepts').weights.intercepts.map((b) => Float64Array.from(b));
  }

  /**
   * The loss (and validation) curves of the last fit as a chart.
   *
   * @example
   * model.plotLossCurve() // shows the chart as a cell's last expression
   */
  plotLossCurve(): TrainingCurve {
    const h = this.requireFitted('plotLossCurve').history;
    return TrainingCurve.fromHistory(this.typeName, h, this.params.maxIter);
  }

  /**
   * The fitted network as a TF.js LayersModel (Dense layers with the trained weights), e.g. to
   * save it with `model.save(...)`. Its predictions equal this estimator's to float tolerance.
   *
   * @example
   * const layers = await clf.toLayersModel();
   * layers.predict(tf.tensor2d(rows));
   */
  async toLayersModel(): Promise<TF.LayersModel> {
    const f = this.requireFitted('toLayersModel');
    const tf = await getTf();
    const s = f.weights.sizes;
    const act = { relu: 'relu', tanh: 'tanh', logistic: 'sigmoid', identity: 'linear' } as const;
    const model = tf.sequential();
    for (let l = 0; l + 1 < s.length; l++) {
      const last = l + 2 === s.length;
      const activation = last ? (f.output === 'identity' ? 'linear' : f.output) : act[this.params.activation];
      model.add(tf.layers.dense({ units: s[l + 1], activation, ...(l === 0 ? { inputShape: [s[0]] } : {}) }));
    }
    model.setWeights(f.weights.coefs.flatMap((c, l) => [tf.tensor2d(c, [s[l], s[l + 1]]), tf.tensor1d(f.weights.intercepts[l])]));
    return model;
  }

  [MIME_BUNDLE](): MimeBundle {
    const s = this.summary();
    const rows: [string, string][] = [
      ['parameters', String(s.parameterCount)],
      ...Object.entries(s.extra ?? {}).map(([k, v]) => [k, typeof v === 'number' ? formatNumber(v) : String(v)] as [string, string]),
    ];
    if (s.backend) rows.splice(1, 0, ['backend', s.backend]);
    const layers = (s.layers ?? []).map((l) => `${l.kind} → ${l.outputShape[1]}`).join(', ');
    const html = `<div><b>${this.typeName}</b> ${this.fitted ? '(fitted)' : '(not fitted)'}<br>${escapeHtml(layers)}<table>${rows.map(([k, v]) => `<tr><td>${escapeHtml(k)}</td><td>${escapeHtml(v)}</td></tr>`).join('')}</table></div>`;
    return { [MIME.html]: html, [MIME.text]: `${this.typeName}(${layers})${this.fitted ? ` fitted: ${this.nIter} epochs, ${s.backend}` : ' not fitted'}` };
  }

  /**
   * The parameters and the fitted state (weights as float32 values, feature names, engine,
   * history), as JSON; `MLPClassifier.fromJSON` / `MLPRegressor.fromJSON` rebuild a model whose
   * predictions equal this one's bit for bit on the same engine.
   *
   * @example
   * const saved = JSON.stringify(clf); // toJSON
   */
  toJSON(): EstimatorJSON {
    const f = this.fitted;
    return {
      type: this.typeName,
      params: this.spec().params,
      fitted: f
        ? {
            featureNames: [...f.featureNames],
            output: f.output,
            engine: f.engine,
            batchSize: f.batchSize,
            sizes: [...f.weights.sizes],
            coefs: f.weights.coefs.map((c) => Array.from(c)),
            intercepts: f.weights.intercepts.map((b) => Array.from(b)),
            history: f.history,
            ...this.extraState(),
          }
        : undefined,
    };
  }

  /** State a subclass adds to `toJSON().fitted` (the classifier's labels). */
  protected extraState(): Record<string, unknown> {
    return {};
  }

  /** Restores what `toJSON()` saved in `fitted`. */
  protected restoreFitted(saved: Record<string, unknown>): void {
    const s = saved as unknown as SavedMlp;
    const ok =
      Array.isArray(s.featureNames) &&
      Array.isArray(s.sizes) &&
      Array.isArray(s.coefs) &&
      Array.isArray(s.intercepts) &&
      s.coefs.length === s.sizes.length - 1 &&
      s.intercepts.length === s.sizes.length - 1 &&
      s.coefs.every((c, l) => Array.isArray(c) && c.length === s.sizes[l] * s.sizes[l + 1]) &&
      s.intercepts.every((b, l) => Array.isArray(b) && b.length === s.sizes[l + 1]);
    if (!ok) throw new TypeError(modelMessage.restoreBadState(this.typeName));
    const engine = s.engine === 'tfjs' || s.engine === 'fused' ? s.engine : 'tfjs';
    this.setFitted({
      featureNames: [...s.featureNames],
      output: s.output,
      engine: engine === 'fused' && !fusedKernelSupported() ? 'tfjs' : engine,
      batchSize: s.batchSize,
      history: s.history,
      weights: { sizes: [...s.sizes], coefs: s.coefs.map((c) => Float32Array.from(c)), intercepts: s.intercepts.map((b) => Float32Array.from(b)) },
    });
  }

  protected setFitted(fitted: MlpFitted): void {
    this.fitted = fitted;
    // The old predictor holds the old weights (TF.js variables need an explicit dispose).
    void this.predictor?.then(
      (e) => e.dispose(),
      () => undefined,
    );
    this.predictor = undefined;
  }

  protected requireFitted(what: string): MlpFitted {
    if (!this.fitted) throw new Error(modelMessage.notFitted(`${this.typeName}.${what}`));
    return this.fitted;
  }

  /** Network outputs for x: probabilities (classifiers) or values (regressors), rows × units. */
  protected async outputs(x: Features, caller: string): Promise<{ values: Float32Array; rows: number; units: number }> {
    const f = this.requireFitted(caller);
    const where = `${this.typeName}.${caller}`;
    const m: FeatureMatrix = collectFeatures(selectFittedFeatures(x, f.featureNames, where), where);
    if (m.cols !== f.weights.sizes[0]) throw new RangeError(modelMessage.featureCount(`${this.typeName}.${caller}`, m.cols, f.weights.sizes[0], f.featureNames));
    this.predictor ??= openMlpEngine(f.engine, networkSpec(this.params, f.weights.sizes, f.output), f.weights, 1024);
    const engine = await this.predictor;
    const units = f.weights.sizes[f.weights.sizes.length - 1];
    return { values: engine.predict(m.data, m.rows), rows: m.rows, units };
  }
}
