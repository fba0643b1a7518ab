import { checkInteger } from '../args/checkInteger';
import type { Matrix } from '../models/contract';
import { ROW_KERNELS_WASM_BASE64 } from './kernels/rowKernelsWasm';
import { linalgMessage } from './messages';

/**
 * The dense passes over a row-major design matrix that dominate linear-model fitting, run by a
 * small WebAssembly module with 128-bit SIMD (≈2–3× the plain-JS loops here) or, where
 * WebAssembly or SIMD is unavailable (or the matrix is too large to copy), by TypeScript
 * loops computing the same sums. Both are deterministic; their last bits may differ.
 */
export interface RowKernels {
  readonly backend: 'wasm' | 'js';
  /**
   * Z = X·Wᵀ + b for rows from…to (default all) and W (k × d, row-major): returns the n × k
   * score buffer, filled for those rows. Valid until the next call.
   */
  scores(w: Float64Array, b: Float64Array, k: number, from?: number, to?: number): Float64Array;
  /** The n × k residual buffer `gradient` reads (fill the rows you pass to it). */
  residuals(k: number): Float64Array;
  /**
   * G (k × d) = Rᵀ·X over rows from…to (default all), added to `out` (zero it first). Calling
   * scores and gradient on chunks of rows keeps each chunk of X in cache between the two passes.
   */
  gradient(k: number, out: Float64Array, from?: number, to?: number): void;
  /** A (d × d) = Σᵢ sᵢ (xᵢ − m)(xᵢ − m)ᵀ into `out`. */
  gram(s: Float64Array, m: Float64Array, out: Float64Array): void;
  /**
   * e^−|zᵢ| for rows from…to of the last `scores` with k = 1 (the binary logistic loss's
   * exponential), vectorised: returns the n-long buffer, filled for those rows.
   */
  expNegAbs(from: number, to: number): Float64Array;
  /**
   * WebAssembly only: the binary logistic objective with one weight `s` for every row, in one
   * call: adds Xᵀr (rᵢ = s(σ(zᵢ) − yᵢ), zᵢ = xᵢ·w + b) to grad[0…d) (zero it first) and returns
   * the loss parts Σ (max(zᵢ, 0) − yᵢzᵢ) and Σ log(1 + e^−|zᵢ|) (unweighted) and Σ rᵢ. The JS
   * kernels leave it out: logisticLoss.ts's fused loop is that path.
   */
  binaryUniform?(y: Float64Array, w: Float64Array, b: number, s: number, grad: Float64Array): BinaryParts;
}

/** What `binaryUniform` returns: the objective is s·(base + logSum) + penalty. */
export interface BinaryParts {
  base: number;
  logSum: number;
  interceptGrad: number;
}

/** Copies larger than this stay in JS rather than doubling the memory of a fit. */
const MAX_WASM_BYTES = 1 << 30;
/** Our buffers start here: below lie the module's stack and data (its __heap_base, ≈5 KB). */
const RESERVED_BYTES = 65536;

/** The part of the WebAssembly API used here (core code has no DOM typings for it). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
  Memory: new (descriptor: { initial: number }) => { buffer: ArrayBuffer };
}

let module: object | null | undefined;

function wasmApi(): WasmApi | undefined {
  return (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
}

/**
 * Kernels over `x` for up to `maxK` score columns.
 *
 * @example
 * const k = createRowKernels(x, 1); const z = k.scores(w, b, 1);
 */
export function createRowKernels(x: Matrix, maxK: number, options: { backend?: 'wasm' | 'js' } = {}): RowKernels {
  checkInteger('createRowKernels', 'maxK', maxK, 1);
  if (options.backend !== 'js') {
    const wasm = wasmKernels(x, maxK);
    if (wasm) return wasm;
    if (options.backend === 'wasm') throw new Error(linalgMessage.noWasmSimd('createRowKernels'));
  }
  return jsKernels(x, maxK);
}

function compiled(api: WasmApi): object | null {
  if (module !== undefined) return module;
  try {
    const text = atob(ROW_KERNELS_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    module = new api.Module(bytes);
  } catch {
    // No WebAssembly, no SIMD, or synchronous compilation refused (browser main thread).
    module = null;
  }
  return module;
}

/** One WebAssembly instance per process, its memory reused by later fits (fresh pages are slow to fault in). */
interface WasmInstance {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  exports: {
    scores(X: number, n: number, d: number, W: number, b: number, k: number, Z: number): void;
    negAbsExp(Z: number, n: number, E: number): void;
    binaryUniform(X: number, n: number, d: number, W: number, b: number, s: number, Y: number, R: number, G: number, P: number, out: number): void;
    gradient(X: number, n: number, d: number, R: number, k: number, G: number): void;
    gram(X: number, n: number, d: number, s: number, m: number, U: number, A: number): void;
    __heap_base: { value: number };
  };
  /** The kernels object whose data the memory holds now. */
  owner: object | undefined;
}

/** Memory kept for reuse at most this large; bigger fits get a throwaway instance. */
const MAX_CACHED_BYTES = 256 << 20;
let cached: WasmInstance | undefined;

function instantiate(api: WasmApi, mod: object, bytes: number): WasmInstance | undefined {
  const reuse = bytes <= MAX_CACHED_BYTES;
  if (reuse && cached) {
    const have = cached.memory.buffer.byteLength;
    if (have < bytes) cached.memory.grow(Math.ceil((bytes - have) / 65536));
    return cached;
  }
  const memory = new api.Memory({ initial: Math.ceil(bytes / 65536) }) as WasmInstance['memory'];
  const exports = new api.Instance(mod, { env: { memory } }).exports as WasmInstance['exports'];
  if (exports.__heap_base.value > RESERVED_BYTES) return undefined;
  const instance = { memory, exports, owner: undefined };
  if (reuse) cached = instance;
  return instance;
}

function wasmKernels(x: Matrix, maxK: number): RowKernels | undefined {
  const { rows: n, cols: d } = x;
  const layout = [n * d, maxK * d, maxK, n * maxK, n * maxK, maxK * d, n, d, 4 * d, d * d, n, n, Math.ceil(n / 512) + 1, 2];
  const bytes = RESERVED_BYTES + layout.reduce((a, b) => a + b, 0) * 8;
  const api = wasmApi();
  if (!api || bytes > MAX_WASM_BYTES) return undefined;
  const mod = compiled(api);
  if (!mod) return undefined;
  const instance = instantiate(api, mod, bytes);
  if (!instance) return undefined;
  const { exports } = instance;
  const offsets: number[] = [];
  let at = RESERVED_BYTES / 8;
  for (const size of layout) {
    offsets.push(at);
    at += size;
  }
  const [X, W, B, Z, R, G, S, M, U, A, E, Y, P, OUT] = offsets;
  const self = {};
  let heap = new Float64Array(0);
  /** The y whose copy is in the memory (reloaded with X). */
  let targets: Float64Array | undefined;
  /** The heap view, with our X loaded (again, if another fit used the memory in between). */
  const claim = () => {
    if (heap.buffer !== instance.memory.buffer) heap = new Float64Array(instance.memory.buffer);
    if (instance.owner !== self) {
      heap.set(x.data, X);
      instance.owner = self;
      targets = undefined;
    }
    return heap;
  };
  claim();
  // Per-row work happens on JS-owned copies: V8 compiles loops over views of WebAssembly memory
  // several times slower than over ordinary typed arrays.
  const z = new Float64Array(n * maxK);
  const r = new Float64Array(n * maxK);
  const e = new Float64Array(n);
  return {
    backend: 'wasm',
    binaryUniform(y, w, b, s, grad) {
      const heap = claim();
      if (targets !== y) {
        heap.set(y, Y);
        targets = y;
      }
      heap.set(w.subarray(0, d), W);
      heap[B] = b;
      heap.set(grad.subarray(0, d), G);
      exports.binaryUniform(X * 8, n, d, W * 8, B * 8, s, Y * 8, R * 8, G * 8, P * 8, OUT * 8);
      grad.set(heap.subarray(G, G + d));
      let logSum = 0;
      for (let c = 0, chunks = Math.ceil(n / 512); c < chunks; c++) logSum += Math.log(heap[P + c]);
      return { base: heap[OUT], logSum, interceptGrad: heap[OUT + 1] };
    },
    expNegAbs(from, to) {
      const heap = claim();
      exports.negAbsExp((Z + from) * 8, to - from, (E + from) * 8);
      e.set(heap.subarray(E + from, E + to), from);
      return e;
    },
    scores(w, b, k, from = 0, to = n) {
      const heap = claim();
      heap.set(w.subarray(0, k * d), W);
      heap.set(b.subarray(0, k), B);
      exports.scores((X + from * d) * 8, to - from, d, W * 8, B * 8, k, (Z + from * k) * 8);
      z.set(heap.subarray(Z + from * k, Z + to * k), from * k);
      return z.subarray(0, n * k);
    },
    residuals: (k) => r.subarray(0, n * k),
    gradient(k, out, from = 0, to = n) {
      const heap = claim();
      heap.set(r.subarray(from * k, to * k), R + from * k);
      heap.set(out.subarray(0, k * d), G);
      exports.gradient((X + from * d) * 8, to - from, d, (R + from * k) * 8, k, G * 8);
      out.set(heap.subarray(G, G + k * d));
    },
    gram(s, m, out) {
      const heap = claim();
      heap.set(s, S);
      heap.set(m, M);
      heap.fill(0, A, A + d * d);
      exports.gram(X * 8, n, d, S * 8, M * 8, U * 8, A * 8);
      out.set(heap.subarray(A, A + d * d));
    },
  };
}

function jsKernels(x: Matrix, maxK: number): RowKernels {
  const { rows: n, cols: d, data } = x;
  const z = new Float64Array(n * maxK);
  const r = new Float64Array(n * maxK);
  const e = new Float64Array(n);
  return {
    backend: 'js',
    expNegAbs(from, to) {
      for (let i = from; i < to; i++) e[i] = Math.exp(-Math.abs(z[i]));
      return e;
    },
    scores(w, b, k, from = 0, to = n) {
      for (let i = from; i < to; i++) {
        const o = i * d;
        for (let c = 0; c < k; c++) {
          let s0 = 0;
          let s1 = 0;
          const wc = c * d;
          let j = 0;
          for (; j + 1 < d; j += 2) {
            s0 += data[o + j] * w[wc + j];
            s1 += data[o + j + 1] * w[wc + j + 1];
          }
          if (j < d) s0 += data[o + j] * w[wc + j];
          z[i * k + c] = b[c] + (s0 + s1);
        }
      }
      return z.subarray(0, n * k);
    },
    residuals: (k) => r.subarray(0, n * k),
    gradient(k, out, from = 0, to = n) {
      for (let i = from; i < to; i++) {
        const o = i * d;
        for (let c = 0; c < k; c++) {
          const q = r[i * k + c];
          if (q === 0) continue;
          const gc = c * d;
          for (let j = 0; j < d; j++) out[gc + j] += q * data[o + j];
        }
      }
    },
    gram(s, m, out) {
      out.fill(0, 0, d * d);
      const u = new Float64Array(d);
      for (let i = 0; i < n; i++) {
        const o = i * d;
        for (let j = 0; j < d; j++) u[j] = data[o + j] - m[j];
        const si = s[i];
        for (let j = 0; j < d; j++) {
          const a = si * u[j];
          const row = j * d;
          for (let l = j; l < d; l++) out[row + l] += a * u[l];
        }
      }
      for (let j = 0; j < d; j++) for (let l = 0; l < j; l++) out[j * d + l] = out[l * d + j];
    },
  };
}
