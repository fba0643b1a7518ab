import type * as TF from '@tensorflow/tfjs';
import { registerCpuFallbackKernels } from './cpuFallbackKernels';
import { message } from '../../core/messages';

type Tf = typeof TF;

/** The parts of @tensorflow/tfjs-backend-wasm the setup uses. */
export interface WasmBackendModule {
  setWasmPaths(prefix: string): void;
}

/** Where the setup finds the optional backends (injected, so tests can simulate each case). */
export interface BackendSources {
  /** @tensorflow/tfjs-node when the workspace has it (importing it registers 'tensorflow'); undefined when not installed. Throws when it is installed but cannot load. */
  loadTfjsNode(): Promise<unknown>;
  /** tfjs-backend-wasm (the workspace's copy, else Modelbook's bundle) and the folder of its .wasm files; undefined when neither exists. */
  loadWasmBackend(): Promise<{ module: WasmBackendModule; wasmDir: string; from: string } | undefined>;
}

/** One backend the setup tried. */
export interface BackendAttempt {
  backend: 'tensorflow' | 'wasm' | 'cpu';
  ok: boolean;
  /** Why it was skipped or failed. */
  reason?: string;
}

/** What the setup chose, kept for summaries and shown when it had to fall back. */
export interface BackendReport {
  backend: string;
  /** For wasm: whether the SIMD build runs. */
  simd?: boolean;
  /** For wasm: the kernels that run on cpu because wasm lacks them. */
  cpuFallbackKernels?: string[];
  attempts: BackendAttempt[];
}

/**
 * Chooses TF.js's backend in the kernel: 'tensorflow' when the workspace has @tensorflow/tfjs-node
 * (and the sandbox lets its native addon load), else 'wasm' with SIMD (the .wasm files from
 * `wasmDir`; gradients wasm lacks run per op on cpu), else 'cpu'. `tf.setBackend` can return
 * false and silently leave TF.js on cpu, so every step checks it.
 *
 * @example
 * const report = await setupTfBackend(tf, sources); // { backend: 'wasm', simd: true, … }
 */
export async function setupTfBackend(tf: Tf, sources: BackendSources): Promise<BackendReport> {
  if (!tf || typeof tf.setBackend !== 'function') throw new TypeError('internal: setupTfBackend: pass the TensorFlow.js namespace.');
  const attempts: BackendAttempt[] = [];

  const node = await attempt(() => sources.loadTfjsNode());
  if (node.error) attempts.push({ backend: 'tensorflow', ok: false, reason: message.tfNodeFailed(node.error) });
  else if (node.value === undefined) attempts.push({ backend: 'tensorflow', ok: false, reason: message.tfNodeMissing });
  else if (await trySetBackend(tf, 'tensorflow')) {
    attempts.push({ backend: 'tensorflow', ok: true });
    return { backend: 'tensorflow', attempts };
  } else attempts.push({ backend: 'tensorflow', ok: false, reason: "tf.setBackend('tensorflow') returned false" });

  const wasm = await attempt(() => sources.loadWasmBackend());
  if (wasm.error || !wasm.value) attempts.push({ backend: 'wasm', ok: false, reason: wasm.error ? message.tfWasmFailed(wasm.error) : message.tfWasmMissing });
  else {
    const paths = await attempt(async () => wasm.value!.module.setWasmPaths(wasm.value!.wasmDir.endsWith('/') ? wasm.value!.wasmDir : `${wasm.value!.wasmDir}/`));
    if (paths.error) attempts.push({ backend: 'wasm', ok: false, reason: message.tfWasmPathsFailed(paths.error) });
    else if (await trySetBackend(tf, 'wasm')) {
      attempts.push({ backend: 'wasm', ok: true });
      const simd = Boolean(await attempt(() => tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')).then((r) => r.value));
      return { backend: 'wasm', simd, cpuFallbackKernels: registerCpuFallbackKernels(tf), attempts };
    } else attempts.push({ backend: 'wasm', ok: false, reason: message.tfWasmRefused(wasm.value.wasmDir, wasm.value.from) });
  }

  if (await trySetBackend(tf, 'cpu')) attempts.push({ backend: 'cpu', ok: true });
  else attempts.push({ backend: 'cpu', ok: false, reason: "tf.setBackend('cpu') returned false" });
  return { backend: tf.getBackend(), attempts };
}

/**
 * One line for the cell output when the kernel had to fall back from wasm (undefined when not).
 *
 * @example
 * describeFallback(report) // 'TensorFlow.js runs on the slow cpu backend: tfjs-backend-wasm …'
 */
export function describeFallback(report: BackendReport): string | undefined {
  if (report.backend === 'wasm' || report.backend === 'tensorflow') return undefined;
  const wasm = report.attempts.find((a) => a.backend === 'wasm');
  return message.tfSlowBackend(report.backend, wasm?.reason);
}

async function trySetBackend(tf: Tf, name: string): Promise<boolean> {
  try {
    if (!(await tf.setBackend(name))) return false;
    await tf.ready();
    return tf.getBackend() === name;
  } catch {
    return false;
  }
}

async function attempt<T>(f: () => Promise<T> | T): Promise<{ value?: T; error?: string }> {
  try {
    return { value: await f() };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
