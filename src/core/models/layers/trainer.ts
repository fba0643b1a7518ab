import type * as TF from '@tensorflow/tfjs';
import type { Tf } from '../../tf/provider';
import type { Trainer } from '../../training/contract';

/** Rows and targets as the model takes them: features row-major, targets `rows × targetWidth`. */
export interface LayersData {
  x: Float32Array;
  y: Float32Array;
  rows: number;
}

export interface LayersTrainerOptions {
  /** Feature columns per row (the product of the model's input shape). */
  cols: number;
  /** Values per target row: 1, or k for one-hot labels. */
  targetWidth: number;
  train: LayersData;
  validation?: LayersData;
  /** Validation score from the model's outputs and the targets (accuracy or R²). */
  score?: (outputs: Float32Array, y: Float32Array, rows: number) => number;
}

const CHUNK = 4096;

/**
 * Drives a compiled LayersModel from the shared loop: batches gathered in JS in the loop's seeded
 * order, one `trainOnBatch` each (the model's own loss, regularisers and optimizer), validation
 * loss from `evaluate`, snapshots as copies of the weights.
 *
 * @example
 * const trainer = createLayersTrainer(tf, model, { cols: 8, targetWidth: 1, train });
 */
export function createLayersTrainer(tf: Tf, model: TF.LayersModel, o: LayersTrainerOptions): Trainer<{ shape: number[]; values: Float32Array }[]> {
  const inputShape = (model.inputs[0].shape as (number | null)[]).slice(1) as number[];
  let order: Int32Array = new Int32Array(0);
  const tensorOf = (x: Float32Array, rows: number) => tf.tensor(x, [rows, ...inputShape]);
  return {
    backend: tf.getBackend(),
    beginEpoch: (o2) => {
      order = o2;
    },
    async trainBatch(start, count) {
      const xb = new Float32Array(count * o.cols);
      const yb = new Float32Array(count * o.targetWidth);
      for (let i = 0; i < count; i++) {
        const row = order[start + i];
        xb.set(o.train.x.subarray(row * o.cols, (row + 1) * o.cols), i * o.cols);
        yb.set(o.train.y.subarray(row * o.targetWidth, (row + 1) * o.targetWidth), i * o.targetWidth);
      }
      const xt = tensorOf(xb, count);
      const yt = tf.tensor2d(yb, [count, o.targetWidth]);
      try {
        const out = await model.trainOnBatch(xt, yt);
        return Array.isArray(out) ? out[0] : out;
      } finally {
        tf.dispose([xt, yt]);
      }
    },
    evaluate() {
      const v = o.validation;
      if (!v || !o.score) return undefined;
      const outputs = predictRows(tf, model, v.x, v.rows, o.cols);
      const xt = tensorOf(v.x, v.rows);
      const yt = tf.tensor2d(v.y, [v.rows, o.targetWidth]);
      try {
        const r = model.evaluate(xt, yt, { batchSize: CHUNK }) as TF.Scalar | TF.Scalar[];
        const first = Array.isArray(r) ? r[0] : r;
        const valLoss = first.dataSync()[0];
        tf.dispose(r);
        return { valLoss, valScore: o.score(outputs, v.y, v.rows) };
      } finally {
        tf.dispose([xt, yt]);
      }
    },
    snapshot: () => model.getWeights().map((w) => ({ shape: [...w.shape], values: Float32Array.from(w.dataSync() as Float32Array) })),
    restore: (s) => {
      const tensors = s.map((w) => tf.tensor(w.values, w.shape));
      model.setWeights(tensors);
      tf.dispose(tensors);
    },
  };
}

/**
 * The model's outputs for rows of features, flattened row-major, computed in chunks.
 *
 * @example
 * predictRows(tf, model, x, rows, cols) // Float32Array(rows × units)
 */
export function predictRows(tf: Tf, model: TF.LayersModel, x: Float32Array, rows: number, cols: number): Float32Array {
  const inputShape = (model.inputs[0].shape as (number | null)[]).slice(1) as number[];
  const parts: Float32Array[] = [];
  for (let start = 0; start < rows; start += CHUNK) {
    const n = Math.min(CHUNK, rows - start);
    const values = tf.tidy(() => (model.predict(tf.tensor(x.subarray(start * cols, (start + n) * cols), [n, ...inputShape])) as TF.Tensor).dataSync());
    parts.push(Float32Array.from(values as Float32Array));
  }
  const out = new Float32Array(parts.reduce((a, p) => a + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
