import type { EngineData, MlpEngine, NetworkSpec } from './engine';
import { align, ensureMemory, instantiateFusedKernel, type FusedExports, type PlanLayout } from './fusedKernel';
import type { MlpWeights } from './weights';

const ACT = { identity: 0, relu: 1, tanh: 2, logistic: 3 } as const;
const OUT = { identity: 0, sigmoid: 1, softmax: 2 } as const;
/** Rows copied into kernel memory per predict call. */
const PREDICT_CHUNK = 8192;

const pad4 = (n: number) => Math.ceil(n / 4) * 4;

interface Region {
  x: number;
  y: number;
  rows: number;
}

/**
 * An MLP inside one instance of the fused WebAssembly kernel. JS lays out the kernel's memory
 * (a Plan struct, parameters, Adam state, per-layer activation buffers, the data) and then calls
 * `train_batch` once per mini-batch: no per-op dispatch, no allocation while training.
 */
export class FusedEngine implements MlpEngine {
  readonly backend = 'fused-wasm-simd';
  private top: number;
  private readonly plan: number;
  private readonly strides: number[];
  private readonly nParams: number;
  private readonly offsets: { params: number; w: number[]; b: number[] };
  private training: (Region & { perm: number }) | undefined;
  private validation: (Region & { out: number }) | undefined;
  private staging: Region | undefined;

  /**
   * @param batchCapacity the largest batch `trainBatch` will get (activation buffers hold it)
   * @example
   * const engine = await FusedEngine.create(spec, 512);
   */
  static async create(spec: NetworkSpec, batchCapacity: number): Promise<FusedEngine> {
    if (spec.sizes.length < 2) throw new RangeError('internal: FusedEngine: a network needs an input and an output layer.');
    if (!(Number.isInteger(batchCapacity) && batchCapacity >= 1)) throw new RangeError(`internal: FusedEngine: batchCapacity must be a positive integer (got ${batchCapacity}).`);
    const { exports, layout } = await instantiateFusedKernel();
    if (spec.sizes.length - 1 > layout.maxLayers) throw new RangeError(`internal: FusedEngine: at most ${layout.maxLayers - 1} hidden layers (got ${spec.sizes.length - 2}).`);
    return new FusedEngine(spec, batchCapacity, exports, layout);
  }

  private constructor(
    private readonly spec: NetworkSpec,
    private readonly cap: number,
    private readonly k: FusedExports,
    private readonly layout: PlanLayout,
  ) {
    const sizes = spec.sizes;
    const L = sizes.length - 1;
    this.strides = sizes.map(pad4);
    const w: number[] = [];
    const b: number[] = [];
    let n = 0;
    for (let l = 0; l < L; l++) {
      w.push(n * 4);
      n += sizes[l] * this.strides[l + 1];
      b.push(n * 4);
      n += this.strides[l + 1];
    }
    this.nParams = n;
    this.top = align(k.__heap_base.value);
    this.plan = this.alloc(layout.bytes);
    const params = this.alloc(n * 4);
    const grads = this.alloc(n * 4);
    const adamM = this.alloc(n * 4);
    const adamV = this.alloc(n * 4);
    let wtFloats = 0;
    for (let l = 0; l < L; l++) wtFloats = Math.max(wtFloats, this.strides[l] * this.strides[l + 1]);
    const wt = this.alloc(wtFloats * 4);
    const act = this.strides.map((s) => this.alloc(cap * s * 4));
    const delta = this.strides.map((s) => this.alloc(cap * s * 4));
    const ybatch = this.alloc(cap * 4);
    this.offsets = { params, w, b };

    const f = layout.field;
    const I = this.i32(this.plan, layout.bytes / 4);
    const F = this.f32(this.plan, layout.bytes / 4);
    const set = (off: number, v: number) => (I[off / 4] = v);
    const setF = (off: number, v: number) => (F[off / 4] = v);
    set(f.layers, L);
    set(f.hiddenAct, ACT[spec.activation]);
    set(f.outKind, OUT[spec.output]);
    set(f.batchCap, cap);
    set(f.t, 0);
    set(f.nParams, n);
    set(f.params, params);
    set(f.grads, grads);
    set(f.adamM, adamM);
    set(f.adamV, adamV);
    set(f.wt, wt);
    for (let l = 0; l <= L; l++) {
      set(f.size + 4 * l, sizes[l]);
      set(f.stride + 4 * l, this.strides[l]);
      set(f.act + 4 * l, act[l]);
      set(f.delta + 4 * l, delta[l]);
    }
    for (let l = 0; l < L; l++) {
      set(f.w + 4 * l, w[l]);
      set(f.b + 4 * l, b[l]);
    }
    set(f.ybatch, ybatch);
    setF(f.lr, spec.learningRate);
    setF(f.beta1, spec.beta1);
    setF(f.beta2, spec.beta2);
    setF(f.eps, spec.epsilon);
    setF(f.alpha, spec.alpha);
    setF(f.accBeta1, 1);
    setF(f.accBeta2, 1);
  }

  setWeights(weights: MlpWeights): void {
    const sizes = this.spec.sizes;
    if (weights.sizes.length !== sizes.length || weights.sizes.some((s, i) => s !== sizes[i]))
      throw new RangeError(`internal: FusedEngine: weights are for layers ${JSON.stringify(weights.sizes)}, the network has ${JSON.stringify(sizes)}.`);
    const p = this.f32(this.offsets.params, this.nParams);
    p.fill(0);
    for (let l = 0; l + 1 < sizes.length; l++) {
      const s = this.strides[l + 1];
      const w0 = this.offsets.w[l] / 4;
      for (let r = 0; r < sizes[l]; r++) p.set(weights.coefs[l].subarray(r * sizes[l + 1], (r + 1) * sizes[l + 1]), w0 + r * s);
      p.set(weights.intercepts[l], this.offsets.b[l] / 4);
    }
    // A new starting point starts Adam afresh, as a new TF.js optimizer would.
    const f = this.layout.field;
    this.f32(this.offsetOf('adamM'), this.nParams).fill(0);
    this.f32(this.offsetOf('adamV'), this.nParams).fill(0);
    this.i32(this.plan + f.t, 1)[0] = 0;
    this.f32(this.plan + f.accBeta1, 1)[0] = 1;
    this.f32(this.plan + f.accBeta2, 1)[0] = 1;
  }

  getWeights(): MlpWeights {
    const sizes = this.spec.sizes;
    const p = this.f32(this.offsets.params, this.nParams);
    const coefs: Float32Array[] = [];
    const intercepts: Float32Array[] = [];
    for (let l = 0; l + 1 < sizes.length; l++) {
      const s = this.strides[l + 1];
      const w0 = this.offsets.w[l] / 4;
      const w = new Float32Array(sizes[l] * sizes[l + 1]);
      for (let r = 0; r < sizes[l]; r++) w.set(p.subarray(w0 + r * s, w0 + r * s + sizes[l + 1]), r * sizes[l + 1]);
      coefs.push(w);
      intercepts.push(p.slice(this.offsets.b[l] / 4, this.offsets.b[l] / 4 + sizes[l + 1]));
    }
    return { sizes: [...sizes], coefs, intercepts };
  }

  setTraining(data: EngineData): void {
    const region = this.copyIn(data, this.training?.rows ?? 0, this.training);
    const perm = this.training && this.training.rows >= data.rows ? this.training.perm : this.alloc(data.rows * 4);
    this.training = { ...region, perm };
    const f = this.layout.field;
    const I = this.i32(this.plan, this.layout.bytes / 4);
    I[f.x / 4] = region.x;
    I[f.y / 4] = region.y;
    I[f.perm / 4] = perm;
  }

  setValidation(data: EngineData): void {
    const region = this.copyIn(data, this.validation?.rows ?? 0, this.validation);
    const out = this.validation && this.validation.rows >= data.rows ? this.validation.out : this.alloc(data.rows * this.strides[this.strides.length - 1] * 4);
    this.validation = { ...region, out };
  }

  setOrder(order: Int32Array): void {
    if (!this.training || order.length !== this.training.rows) throw new RangeError('internal: FusedEngine: setOrder needs one index per training row (call setTraining first).');
    this.i32(this.training.perm, order.length).set(order);
  }

  trainBatch(start: number, count: number): number {
    if (count > this.cap) throw new RangeError(`internal: FusedEngine: batch of ${count} rows exceeds the capacity of ${this.cap}.`);
    return this.k.train_batch(this.plan, start, count);
  }

  evaluateValidation(): { lossSum: number; outputs: Float32Array } {
    const v = this.validation;
    if (!v) throw new Error('internal: FusedEngine: no validation data (call setValidation first).');
    const lossSum = this.k.predict(this.plan, v.x, v.y, v.rows, v.out);
    return { lossSum, outputs: this.unpadOutputs(v.out, v.rows) };
  }

  predict(x: Float32Array, rows: number): Float32Array {
    const units = this.spec.sizes[this.spec.sizes.length - 1];
    const sOut = this.strides[this.strides.length - 1];
    const result = new Float32Array(rows * units);
    const cols = this.spec.sizes[0];
    for (let start = 0; start < rows; start += PREDICT_CHUNK) {
      const n = Math.min(PREDICT_CHUNK, rows - start);
      if (!this.staging) this.staging = { x: this.alloc(PREDICT_CHUNK * this.strides[0] * 4), y: this.alloc(PREDICT_CHUNK * sOut * 4), rows: PREDICT_CHUNK };
      this.writeRows(this.staging.x, x.subarray(start * cols, (start + n) * cols), n);
      this.k.predict(this.plan, this.staging.x, 0, n, this.staging.y);
      result.set(this.unpadOutputs(this.staging.y, n), start * units);
    }
    return result;
  }

  snapshot(): Float32Array {
    return this.f32(this.offsets.params, this.nParams).slice();
  }

  restore(snapshot: unknown): void {
    if (!(snapshot instanceof Float32Array) || snapshot.length !== this.nParams) throw new TypeError('internal: FusedEngine: restore needs a snapshot taken from this engine.');
    this.f32(this.offsets.params, this.nParams).set(snapshot);
  }

  dispose(): void {
    // Memory belongs to the instance; dropping the engine frees it.
    this.training = this.validation = this.staging = undefined;
  }

  private copyIn(data: EngineData, haveRows: number, have: Region | undefined): Region {
    const cols = this.spec.sizes[0];
    if (data.x.length !== data.rows * cols || data.y.length !== data.rows) throw new RangeError(`internal: FusedEngine: data must have ${cols} features and one target per row.`);
    const region = have && haveRows >= data.rows ? { x: have.x, y: have.y, rows: data.rows } : { x: this.alloc(data.rows * this.strides[0] * 4), y: this.alloc(data.rows * 4), rows: data.rows };
    this.writeRows(region.x, data.x, data.rows);
    this.f32(region.y, data.rows).set(data.y);
    return region;
  }

  private writeRows(at: number, x: Float32Array, rows: number): void {
    const cols = this.spec.sizes[0];
    const s = this.strides[0];
    const dst = this.f32(at, rows * s);
    if (s === cols) dst.set(x);
    else for (let r = 0; r < rows; r++) dst.set(x.subarray(r * cols, (r + 1) * cols), r * s);
  }

  private unpadOutputs(at: number, rows: number): Float32Array {
    const units = this.spec.sizes[this.spec.sizes.length - 1];
    const s = this.strides[this.strides.length - 1];
    const src = this.f32(at, rows * s);
    if (s === units) return src.slice();
    const out = new Float32Array(rows * units);
    for (let r = 0; r < rows; r++) for (let j = 0; j < units; j++) out[r * units + j] = src[r * s + j];
    return out;
  }

  private offsetOf(field: 'adamM' | 'adamV'): number {
    return this.i32(this.plan + this.layout.field[field], 1)[0];
  }

  private alloc(bytes: number): number {
    const at = this.top;
    this.top = align(at + bytes);
    ensureMemory(this.k, this.top);
    return at;
  }

  // Views are made afresh on every use: growing the memory detaches the old buffer.
  private f32(at: number, n: number): Float32Array {
    return new Float32Array(this.k.memory.buffer, at, n);
  }

  private i32(at: number, n: number): Int32Array {
    return new Int32Array(this.k.memory.buffer, at, n);
  }
}
