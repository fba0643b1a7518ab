import type * as TF from '@tensorflow/tfjs';
import { message } from '../../core/messages';

type Tf = typeof TF;

/**
 * Kernels that TF.js gradients need but tfjs-backend-wasm 4.22 does not implement (found by
 * diffing `getKernelsForBackend('cpu')` with 'wasm' and training each layer type): without them
 * Conv1D/Conv2D, DepthwiseConv2D/SeparableConv2D and Embedding cannot train on wasm.
 * Complex, FFT, string and ragged kernels are left out: the wasm backend has no such dtypes.
 */
export const CPU_FALLBACK_KERNELS = ['Conv2DBackpropFilter', 'DepthwiseConv2dNativeBackpropFilter', 'DepthwiseConv2dNativeBackpropInput', 'UnsortedSegmentSum', 'Einsum'] as const;

interface BackendLike {
  readSync(dataId: object): unknown;
}
interface CpuLike extends BackendLike {
  makeTensorInfo(shape: number[], dtype: string, values?: unknown): TF.TensorInfo;
  disposeData(dataId: object): boolean;
}
interface WasmLike extends BackendLike {
  makeOutput(shape: number[], dtype: string, memoryOffset?: number, values?: unknown): TF.TensorInfo;
}

/**
 * Gives the wasm backend the kernels it lacks by running the cpu backend's kernel on copies of
 * the inputs (per op, so the rest of training stays on wasm). Returns the kernels it registered.
 *
 * @param tf the TensorFlow.js namespace cells use
 * @param names kernels to cover; default CPU_FALLBACK_KERNELS
 * @example
 * registerCpuFallbackKernels(tf) // ['Conv2DBackpropFilter', …]
 */
export function registerCpuFallbackKernels(tf: Tf, names: readonly string[] = CPU_FALLBACK_KERNELS): string[] {
  if (!tf || typeof tf.registerKernel !== 'function') throw new TypeError('internal: registerCpuFallbackKernels: pass the TensorFlow.js namespace.');
  const wasmHas = new Set(tf.getKernelsForBackend('wasm').map((k) => k.kernelName));
  const added: string[] = [];
  for (const name of names) {
    const cpuKernel = tf.getKernel(name, 'cpu');
    if (wasmHas.has(name) || !cpuKernel) continue;
    tf.registerKernel({ kernelName: name, backendName: 'wasm', kernelFunc: (args) => _runOnCpu(tf, cpuKernel, args) });
    added.push(name);
  }
  return added;
}

function _runOnCpu(tf: Tf, kernel: TF.KernelConfig, args: { inputs: TF.NamedTensorInfoMap; attrs?: TF.NamedAttrMap; backend: unknown }): TF.TensorInfo | TF.TensorInfo[] {
  const cpu = tf.findBackend('cpu') as unknown as CpuLike | null;
  if (!cpu) throw new Error(message.tfCpuBackendMissing(kernel.kernelName));
  const wasm = args.backend as WasmLike;
  const temps: TF.TensorInfo[] = [];
  const move = (t: TF.TensorInfo | undefined) => {
    if (!t) return t;
    const info = cpu.makeTensorInfo(t.shape, t.dtype, wasm.readSync(t.dataId));
    temps.push(info);
    return info;
  };
  const src = args.inputs as unknown as Record<string, TF.TensorInfo | undefined> | TF.TensorInfo[];
  const inputs = Array.isArray(src) ? src.map(move) : Object.fromEntries(Object.entries(src).map(([k, t]) => [k, move(t)]));
  try {
    const out = kernel.kernelFunc({ inputs: inputs as unknown as TF.NamedTensorInfoMap, attrs: args.attrs ?? {}, backend: cpu as unknown as TF.KernelBackend });
    const back = (o: TF.TensorInfo) => {
      const values = cpu.readSync(o.dataId);
      cpu.disposeData(o.dataId);
      return wasm.makeOutput(o.shape, o.dtype, undefined, values);
    };
    return Array.isArray(out) ? out.map(back) : back(out);
  } finally {
    for (const t of temps) cpu.disposeData(t.dataId);
  }
}
