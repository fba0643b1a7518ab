/**
 * Loads Modelbook's fused MLP kernel (native/mlp/mlp.c, compiled to WebAssembly SIMD and embedded
 * as base64 in wasmBinary.ts) and describes its Plan struct. Pure: WebAssembly is a language
 * global in Node and browsers alike.
 */
import { FUSED_MLP_WASM_BASE64 } from './wasmBinary';
import { modelMessage } from '../messages';

/** The kernel's exports (see native/mlp/mlp.c). Pointers are byte offsets into `memory`. */
export interface FusedExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  __heap_base: { value: number };
  train_batch(plan: number, start: number, count: number): number;
  predict(plan: number, x: number, y: number, rows: number, out: number): number;
  plan_layout(out: number): void;
}

/** Byte offsets of the Plan's fields, as the compiled kernel reports them. */
export interface PlanLayout {
  bytes: number;
  maxLayers: number;
  field: Record<(typeof FIELDS)[number], number>;
}

const FIELDS = [
  'layers',
  'hiddenAct',
  'outKind',
  'batchCap',
  't',
  'nParams',
  'x',
  'y',
  'perm',
  'params',
  'grads',
  'adamM',
  'adamV',
  'wt',
  'size',
  'stride',
  'w',
  'b',
  'act',
  'delta',
  'ybatch',
  'lr',
  'beta1',
  'beta2',
  'eps',
  'alpha',
  'accBeta1',
  'accBeta2',
] as const;

interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  compile(bytes: Uint8Array): Promise<object>;
  instantiate(module: object, imports: object): Promise<{ exports: unknown }>;
}

const wasmApi = (): WasmApi | undefined => (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

let compiled: Promise<object> | undefined;
let supported: boolean | undefined;

/**
 * Whether this runtime can run the fused kernel (WebAssembly with SIMD; Node ≥ 16.4, current browsers).
 *
 * @example
 * if (fusedKernelSupported()) … // else train with TF.js ops
 */
export function fusedKernelSupported(): boolean {
  if (supported === undefined) {
    const wasm = wasmApi();
    try {
      supported = wasm !== undefined && wasm.validate(decodeBase64(FUSED_MLP_WASM_BASE64));
    } catch {
      supported = false;
    }
  }
  return supported;
}

/**
 * A fresh kernel instance with its own memory (each network gets one; memory is freed with it).
 *
 * @example
 * const { exports, layout } = await instantiateFusedKernel();
 */
export async function instantiateFusedKernel(): Promise<{ exports: FusedExports; layout: PlanLayout }> {
  const wasm = wasmApi();
  if (!wasm) throw new Error(modelMessage.engineNeedsWasm);
  compiled ??= wasm.compile(decodeBase64(FUSED_MLP_WASM_BASE64));
  const instance = await wasm.instantiate(await compiled, {});
  const exports = instance.exports as FusedExports;
  return { exports, layout: readLayout(exports) };
}

function readLayout(e: FusedExports): PlanLayout {
  const at = align(e.__heap_base.value);
  ensureMemory(e, at + 4 * (FIELDS.length + 2));
  e.plan_layout(at);
  const words = new Int32Array(e.memory.buffer, at, FIELDS.length + 2);
  const field = Object.fromEntries(FIELDS.map((f, i) => [f, words[i + 2]])) as PlanLayout['field'];
  return { bytes: words[0], maxLayers: words[1], field };
}

/**
 * Grows the kernel's memory to at least `bytes`.
 *
 * @example
 * ensureMemory(exports, top + (1 << 20));
 */
export function ensureMemory(e: FusedExports, bytes: number): void {
  const have = e.memory.buffer.byteLength;
  if (bytes > have) e.memory.grow(Math.ceil((bytes - have) / 65536));
}

/**
 * `offset` rounded up to a multiple of `to` (16: one v128).
 *
 * @example
 * align(17) // 32
 */
export function align(offset: number, to = 16): number {
  return Math.ceil(offset / to) * to;
}

function decodeBase64(text: string): Uint8Array {
  const bin = atob(text);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}
