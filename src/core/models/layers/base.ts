import type * as TF from '@tensorflow/tfjs';
import { MIME_BUNDLE, type Displayable } from '../../display/mimeBundle';
import type { MimeBundle } from '../../notebook/contract';
import { MIME } from '../../notebook/mime';
import { getTf, type Tf } from '../../tf/provider';
import type { TrainingHistory } from '../../training/contract';
import { collectFeatures, type FeatureMatrix } from '../../training/features';
import { trainLoop } from '../../training/loop';
import { createProgressReporter } from '../../training/progress';
import { createRng } from '../../training/random';
import { weightStats } from '../weightStats';
import { collectStopSignals } from '../../training/signal';
import { splitValidation } from '../../training/split';
import { TrainingCurve } from '../../training/trainingCurve';
import type { EstimatorSpec, Features, FitOptions, ModelSummary } from '../contract';
import { resolveLayersParams, type LayersParams } from './params';
import { selectFittedFeatures } from '../featureInput';
import { createLayersTrainer, predictRows, type LayersData } from './trainer';
import { modelMessage } from '../messages';
import { escapeHtml } from '../../text/html';

/** What differs between the classifier and the regressor wrappers. */
export interface LayersTask {
  /** The loss to compile an uncompiled model with, from its output units. */
  defaultLoss(units: number): string;
  /** Targets as the compiled model wants them (rows × width), checked against its output. */
  encode(units: number, loss: string | undefined): { y: Float32Array; width: number; stratify?: Int32Array };
  /** Validation targets in the same form. */
  encodeValidation?: (units: number, loss: string | undefined) => { x: FeatureMatrix; y: Float32Array };
  scoreName: 'accuracy' | 'r2';
  score(outputs: Float32Array, y: Float32Array, rows: number, units: number, width: number): number;
}

type Weights = { shape: number[]; values: Float32Array }[];

/** The parts LayersClassifier and LayersRegressor share: compiling, the seeded loop, predictions, summary. */
export abstract class BaseLayersEstimator implements Displayable {
  readonly params: Readonly<LayersParams>;
  private readonly initial: Weights;
  private fittedHistory: TrainingHistory | undefined;
  protected featureCount = 0;
  /** Feature names seen in fit (table columns, or x0, x1, …); predict picks them from wider tables. */
  protected featureNames: string[] = [];

  protected constructor(
    private readonly typeName: string,
    params: Partial<LayersParams> & { model: TF.LayersModel },
  ) {
    this.params = Object.freeze(resolveLayersParams(params, typeName));
    this.initial = this.params.model.getWeights().map((w) => ({ shape: [...w.shape], values: Float32Array.from(w.dataSync() as Float32Array) }));
  }

  /** Feature names seen in fit, in the model's input order (empty before fit). */
  get fittedFeatureNames(): string[] {
    return this.fittedHistory ? [...this.featureNames] : [];
  }

  /** The wrapped TF.js model (trained in place by fit). */
  get model(): TF.LayersModel {
    return this.params.model;
  }

  /** What the last fit did: per-epoch losses and scores, why it stopped, backend, time. */
  get history(): TrainingHistory | undefined {
    return this.fittedHistory;
  }

  /** Training loss per epoch. */
  get lossCurve(): number[] {
    return this.fittedHistory?.epochs.map((e) => e.loss) ?? [];
  }

  /** The type name, the architecture (model.toJSON) and the loop's parameters. */
  spec(): EstimatorSpec {
    const { model, ...rest } = this.params;
    return { type: this.typeName, params: { ...rest, model: model.toJSON(undefined, false) } };
  }

  /** Layers, parameter count, weight statistics, backend and how training went. */
  summary(): ModelSummary {
    const m = this.model;
    const layers = m.layers.map((l) => ({ name: l.name, kind: l.getClassName(), outputShape: firstShape(l.outputShape), parameters: l.countParams() }));
    const weights = m.weights.map((w, i) => weightStats(w.name, [...w.shape] as number[], m.getWeights()[i].dataSync() as Float32Array));
    const h = this.fittedHistory;
    return {
      type: this.typeName,
      parameterCount: m.countParams(),
      layers,
      weights,
      ...(h ? { backend: h.backend } : {}),
      extra: h
        ? {
            fitted: true,
            epochs: h.epochs.length,
            stopReason: h.stopReason,
            bestEpoch: h.bestEpoch,
            finalLoss: h.epochs.at(-1)?.loss ?? null,
            steps: h.steps,
            seed: this.params.seed,
            trainingMs: Math.round(h.elapsedMs),
          }
        : { fitted: false },
    };
  }

  /** The loss (and validation) curves of the last fit as a chart. @example model.plotLossCurve() */
  plotLossCurve(): TrainingCurve {
    const h = this.fittedHistory;
    if (!h) throw new Error(modelMessage.notFitted(`${this.typeName}.plotLossCurve`));
    return TrainingCurve.fromHistory(this.typeName, h, this.params.maxIter);
  }

  [MIME_BUNDLE](): MimeBundle {
    const s = this.summary();
    const rows = s.layers!.map((l) => `<tr><td>${escapeHtml(l.name)}</td><td>${escapeHtml(l.kind)}</td><td>${escapeHtml(JSON.stringify(l.outputShape))}</td><td>${l.parameters}</td></tr>`).join('');
    const status = this.fittedHistory ? `fitted: ${this.fittedHistory.epochs.length} epochs on ${this.fittedHistory.backend}, stopped: ${this.fittedHistory.stopReason}` : 'not fitted';
    return {
      [MIME.html]: `<div><b>${this.typeName}</b> (${escapeHtml(status)}), ${s.parameterCount} parameters<table><tr><th>layer</th><th>kind</th><th>output</th><th>parameters</th></tr>${rows}</table></div>`,
      [MIME.text]: `${this.typeName}(${s.layers!.map((l) => l.kind).join(' → ')}) ${status}`,
    };
  }

  /** Compiles if needed, then runs the shared seeded loop on the model (`m`: the features, already collected). */
  protected async fitCore(m: FeatureMatrix, task: LayersTask, options: FitOptions): Promise<void> {
    const stopped = collectStopSignals(options.signal);
    const tf = await getTf();
    const cols = this.inputSize();
    if (m.cols !== cols) throw new RangeError(modelMessage.inputWidth(`${this.typeName}.fit`, m.cols, cols));
    const units = this.outputUnits();
    this.prepare(tf, task.defaultLoss(units));
    const loss = typeof this.model.loss === 'string' ? this.model.loss : undefined;
    const target = task.encode(units, loss);
    let train: LayersData = { x: m.data, y: target.y, rows: m.rows };
    let validation: LayersData | undefined;
    const given = task.encodeValidation?.(units, loss);
    if (given) validation = { x: given.x.data, y: given.y, rows: given.x.rows };
    else if (this.params.earlyStopping) {
      const split = splitValidation(m.rows, this.params.validationFraction, createRng(this.params.seed, 'split'), target.stratify);
      train = gather(m.data, target.y, cols, target.width, split.train);
      validation = gather(m.data, target.y, cols, target.width, split.validation);
    }
    const trainer = createLayersTrainer(tf, this.model, {
      cols,
      targetWidth: target.width,
      train,
      ...(validation ? { validation, score: (o, y, rows) => task.score(o, y, rows, units, target.width) } : {}),
    });
    const batchSize = Math.min(this.params.batchSize, train.rows);
    const progress = createProgressReporter({
      title: this.typeName,
      maxEpochs: this.params.maxIter,
      batchesPerEpoch: Math.ceil(train.rows / batchSize),
      backend: trainer.backend,
      show: this.params.progress,
      ...(validation ? { scoreName: task.scoreName } : {}),
      ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    });
    this.fittedHistory = await trainLoop(trainer, {
      rows: train.rows,
      batchSize,
      maxIter: this.params.maxIter,
      shuffle: this.params.shuffle,
      rng: createRng(this.params.seed, 'shuffle'),
      earlyStopping: this.params.earlyStopping,
      tol: this.params.tol,
      nIterNoChange: this.params.nIterNoChange,
      stopped,
      progress,
      ...(validation ? { scoreName: task.scoreName } : {}),
    });
    this.featureCount = cols;
    this.featureNames = m.names;
  }

  /** The model's outputs for x (rows × units). */
  protected async outputs(x: Features, caller: string): Promise<{ values: Float32Array; rows: number; units: number }> {
    if (!this.fittedHistory) throw new Error(modelMessage.notFitted(`${this.typeName}.${caller}`));
    const where = `${this.typeName}.${caller}`;
    const m = collectFeatures(selectFittedFeatures(x, this.featureNames, where), where);
    if (m.cols !== this.featureCount) throw new RangeError(modelMessage.featureCount(`${this.typeName}.${caller}`, m.cols, this.featureCount));
    return { values: predictRows(await getTf(), this.model, m.data, m.rows, m.cols), rows: m.rows, units: this.outputUnits() };
  }

  protected outputUnits(): number {
    const shape = this.model.outputs[0].shape;
    return shape[shape.length - 1] ?? 1;
  }

  private inputSize(): number {
    return (this.model.inputs[0].shape.slice(1) as number[]).reduce((a, b) => a * b, 1);
  }

  /** Starting point (unless warmStart): the wrapped weights and a fresh optimizer, so every fit is reproducible. */
  private prepare(tf: Tf, defaultLoss: string): void {
    const model = this.model;
    if (!this.params.warmStart) {
      const tensors = this.initial.map((w) => tf.tensor(w.values, w.shape));
      model.setWeights(tensors);
      tf.dispose(tensors);
    }
    const current = (model as unknown as { optimizer?: TF.Optimizer }).optimizer;
    if (!current || model.loss === undefined) {
      model.compile({ optimizer: tf.train.adam(this.params.learningRateInit), loss: this.params.loss ?? defaultLoss });
    } else if (!this.params.warmStart) {
      const Cls = current.constructor as unknown as { fromConfig(cls: unknown, config: TF.serialization.ConfigDict): TF.Optimizer };
      model.compile({ optimizer: Cls.fromConfig(Cls, current.getConfig()), loss: model.loss, ...(model.metrics ? { metrics: model.metrics } : {}) });
    }
  }
}

function gather(x: Float32Array, y: Float32Array, cols: number, width: number, rows: Int32Array): LayersData {
  const gx = new Float32Array(rows.length * cols);
  const gy = new Float32Array(rows.length * width);
  rows.forEach((r, i) => {
    gx.set(x.subarray(r * cols, (r + 1) * cols), i * cols);
    gy.set(y.subarray(r * width, (r + 1) * width), i * width);
  });
  return { x: gx, y: gy, rows: rows.length };
}

function firstShape(s: TF.Shape | TF.Shape[]): (number | null)[] {
  return Array.isArray(s[0]) ? (s[0] as (number | null)[]) : (s as (number | null)[]);
}
