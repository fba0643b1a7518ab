import type * as TF from '@tensorflow/tfjs';
import { getTf, type Tf } from '../../tf/provider';
import type { EngineData, MlpEngine, NetworkSpec } from './engine';
import type { MlpWeights } from './weights';

const PREDICT_CHUNK = 8192;

/**
 * The same MLP trained with TF.js ops on the kernel's TF.js backend (wasm, tensorflow or cpu):
 * the reference path for the fused kernel, and the fallback where WebAssembly SIMD is missing.
 * Batches are gathered in JS from the seeded order, so shuffling stays reproducible.
 */
export class TfEngine implements MlpEngine {
  readonly backend: string;
  private coefs: TF.Variable[] = [];
  private intercepts: TF.Variable[] = [];
  private optimizer: TF.AdamOptimizer;
  private training: EngineData | undefined;
  private validation: EngineData | undefined;
  private order: Int32Array | undefined;

  /** @example const engine = await TfEngine.create(spec); */
  static async create(spec: NetworkSpec): Promise<TfEngine> {
    const tf = await getTf();
    await tf.ready();
    return new TfEngine(tf, spec);
  }

  private constructor(
    private readonly tf: Tf,
    private readonly spec: NetworkSpec,
  ) {
    this.backend = tf.getBackend();
    this.optimizer = this.newOptimizer();
  }

  setWeights(weights: MlpWeights): void {
    const tf = this.tf;
    this.disposeVariables();
    const s = weights.sizes;
    this.coefs = weights.coefs.map((w, l) => tf.variable(tf.tensor2d(w, [s[l], s[l + 1]], 'float32')));
    this.intercepts = weights.intercepts.map((b) => tf.variable(tf.tensor1d(b, 'float32')));
    this.optimizer.dispose();
    this.optimizer = this.newOptimizer();
  }

  getWeights(): MlpWeights {
    return {
      sizes: [...this.spec.sizes],
      coefs: this.coefs.map((v) => Float32Array.from(v.dataSync() as Float32Array)),
      intercepts: this.intercepts.map((v) => Float32Array.from(v.dataSync() as Float32Array)),
    };
  }

  setTraining(data: EngineData): void {
    this.training = data;
  }

  setValidation(data: EngineData): void {
    this.validation = data;
  }

  setOrder(order: Int32Array): void {
    this.order = order;
  }

  trainBatch(start: number, count: number): number {
    const tf = this.tf;
    const data = this.training;
    if (!data || !this.order) throw new Error('internal: TfEngine: call setTraining and setOrder before trainBatch.');
    const d = this.spec.sizes[0];
    const xb = new Float32Array(count * d);
    const yb = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      const row = this.order[start + i];
      xb.set(data.x.subarray(row * d, (row + 1) * d), i * d);
      yb[i] = data.y[row];
    }
    return tf.tidy(() => {
      const x = tf.tensor2d(xb, [count, d]);
      const y = tf.tensor1d(yb);
      const vars = [...this.coefs, ...this.intercepts];
      const cost = this.optimizer.minimize(() => tf.add(this.dataLoss(x, y, count), this.penalty(count)) as TF.Scalar, true, vars);
      return cost!.dataSync()[0];
    });
  }

  evaluateValidation(): { lossSum: number; outputs: Float32Array } {
    const v = this.validation;
    if (!v) throw new Error('internal: TfEngine: no validation data (call setValidation first).');
    const tf = this.tf;
    return tf.tidy(() => {
      const x = tf.tensor2d(v.x, [v.rows, this.spec.sizes[0]]);
      const y = tf.tensor1d(v.y);
      const lossSum = this.dataLoss(x, y, v.rows).dataSync()[0] * v.rows;
      return { lossSum, outputs: Float32Array.from(this.activateOutput(this.logits(x)).dataSync() as Float32Array) };
    });
  }

  predict(x: Float32Array, rows: number): Float32Array {
    const tf = this.tf;
    const d = this.spec.sizes[0];
    const units = this.spec.sizes[this.spec.sizes.length - 1];
    const out = new Float32Array(rows * units);
    for (let start = 0; start < rows; start += PREDICT_CHUNK) {
      const n = Math.min(PREDICT_CHUNK, rows - start);
      const values = tf.tidy(() => this.activateOutput(this.logits(tf.tensor2d(x.subarray(start * d, (start + n) * d), [n, d]))).dataSync());
      out.set(values as Float32Array, start * units);
    }
    return out;
  }

  snapshot(): MlpWeights {
    return this.getWeights();
  }

  restore(snapshot: unknown): void {
    const w = snapshot as MlpWeights;
    w.coefs.forEach((c, l) => this.coefs[l].assign(this.tf.tensor2d(c, [w.sizes[l], w.sizes[l + 1]])));
    w.intercepts.forEach((b, l) => this.intercepts[l].assign(this.tf.tensor1d(b)));
  }

  dispose(): void {
    this.disposeVariables();
    this.optimizer.dispose();
  }

  private newOptimizer(): TF.AdamOptimizer {
    return this.tf.train.adam(this.spec.learningRate, this.spec.beta1, this.spec.beta2, this.spec.epsilon);
  }

  private disposeVariables(): void {
    for (const v of [...this.coefs, ...this.intercepts]) v.dispose();
    this.coefs = [];
    this.intercepts = [];
  }

  /** Output-layer pre-activations. */
  private logits(x: TF.Tensor2D): TF.Tensor2D {
    const tf = this.tf;
    let a: TF.Tensor2D = x;
    const last = this.coefs.length - 1;
    this.coefs.forEach((w, l) => {
      const z = tf.add(tf.matMul(a, w), this.intercepts[l]) as TF.Tensor2D;
      a = l === last ? z : this.hidden(z);
    });
    return a;
  }

  private hidden(z: TF.Tensor2D): TF.Tensor2D {
    const tf = this.tf;
    switch (this.spec.activation) {
      case 'relu':
        return tf.relu(z);
      case 'tanh':
        return tf.tanh(z);
      case 'logistic':
        return tf.sigmoid(z);
      default:
        return z;
    }
  }

  private activateOutput(z: TF.Tensor2D): TF.Tensor2D {
    const tf = this.tf;
    return this.spec.output === 'sigmoid' ? tf.sigmoid(z) : this.spec.output === 'softmax' ? tf.softmax(z) : z;
  }

  /** Mean data loss over the rows: log loss, cross-entropy or half squared error. */
  private dataLoss(x: TF.Tensor2D, y: TF.Tensor1D, rows: number): TF.Scalar {
    const tf = this.tf;
    const z = this.logits(x);
    const units = this.spec.sizes[this.spec.sizes.length - 1];
    if (this.spec.output === 'sigmoid') return tf.losses.sigmoidCrossEntropy(y.reshape([rows, 1]), z) as TF.Scalar;
    if (this.spec.output === 'softmax') return tf.losses.softmaxCrossEntropy(tf.oneHot(y.toInt(), units), z) as TF.Scalar;
    return tf.mul(0.5, tf.mean(tf.square(tf.sub(z.reshape([rows]), y)))) as TF.Scalar;
  }

  /** scikit-learn's L2 term: alpha/2 · ΣW² / batch rows (intercepts are not penalised). */
  private penalty(rows: number): TF.Scalar {
    const tf = this.tf;
    if (this.spec.alpha === 0) return tf.scalar(0);
    const sum = tf.addN(this.coefs.map((w) => tf.sum(tf.square(w)))) as TF.Scalar;
    return tf.mul(sum, (0.5 * this.spec.alpha) / rows) as TF.Scalar;
  }
}
