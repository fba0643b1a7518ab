import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as TF from '@tensorflow/tfjs';
import { describeFallback, setupTfBackend, type BackendReport, type BackendSources, type WasmBackendModule } from './setupBackend';
import { message } from '../../core/messages';

/** Where the kernel keeps the chosen backend's report (read by `tfBackendReport()`). */
export const TF_BACKEND_REPORT = Symbol.for('modelbook.tfBackend');

/** The bundle of tfjs-backend-wasm the build puts next to the vendored TF.js (see the report to the lead). */
export const WASM_BACKEND_BUNDLE = path.join('vendor', 'tfjs-backend-wasm.mjs');

/** What the kernel's module loader offers the setup. */
export interface ModuleSource {
  /** Resolves like a cell's import; throws when the module is not installed. */
  resolve(spec: string): string;
  load(spec: string): Promise<unknown>;
}

/**
 * Sets up TF.js's backend right after the kernel first loads '@tensorflow/tfjs' for a cell or for
 * the `modelbook` module: the workspace's tfjs-node, else wasm (the workspace's tfjs-backend-wasm
 * with its own .wasm files, else Modelbook's bundle with dist/wasm/), else cpu with a warning in
 * the cell's output. Never throws: a failed setup leaves TF.js on its default backend.
 *
 * @example
 * const tf = await import(url); await setupKernelTf(tf, loader, distDir);
 */
export async function setupKernelTf(tf: unknown, loader: ModuleSource, distDir: string): Promise<BackendReport | undefined> {
  try {
    const report = await setupTfBackend(tf as typeof TF, kernelBackendSources(loader, distDir));
    Object.defineProperty(globalThis, TF_BACKEND_REPORT, { value: report, configurable: true, enumerable: false });
    const warning = describeFallback(report);
    if (warning) console.warn(warning);
    return report;
  } catch (e) {
    console.warn(message.tfBackendFailed(e instanceof Error ? e.message : String(e)));
    return undefined;
  }
}

/**
 * The backend the kernel chose, once TF.js has been loaded (undefined before).
 *
 * @example
 * tfBackendReport()?.backend // 'wasm'
 */
export function tfBackendReport(): BackendReport | undefined {
  return (globalThis as Record<symbol, BackendReport | undefined>)[TF_BACKEND_REPORT];
}

/**
 * Where the kernel finds tfjs-node and tfjs-backend-wasm: the workspace (as a cell's import would), else Modelbook's bundle.
 *
 * @example
 * await setupTfBackend(tf, kernelBackendSources(loader, distDir));
 */
export function kernelBackendSources(loader: ModuleSource, distDir: string): BackendSources {
  const installed = (spec: string): string | undefined => {
    try {
      return loader.resolve(spec);
    } catch {
      return undefined;
    }
  };
  return {
    async loadTfjsNode() {
      return installed('@tensorflow/tfjs-node') ? await loader.load('@tensorflow/tfjs-node') : undefined;
    },
    async loadWasmBackend() {
      const own = installed('@tensorflow/tfjs-backend-wasm');
      if (own) {
        const module = (await loader.load('@tensorflow/tfjs-backend-wasm')) as WasmBackendModule;
        // The package's own .wasm files match its JS glue, whatever version the workspace pinned.
        return { module: pickSetWasmPaths(module), wasmDir: path.dirname(own.startsWith('file:') ? fileURLToPath(own) : own), from: 'workspace' };
      }
      const bundle = path.join(distDir, WASM_BACKEND_BUNDLE);
      if (!fs.existsSync(bundle)) return undefined;
      const module = (await import(pathToFileURL(bundle).href)) as WasmBackendModule;
      return { module: pickSetWasmPaths(module), wasmDir: path.join(distDir, 'wasm'), from: bundle };
    },
  };
}

/** ESM namespaces of CommonJS packages keep the exports on `default`. */
function pickSetWasmPaths(ns: unknown): WasmBackendModule {
  const m = ns as Partial<WasmBackendModule> & { default?: Partial<WasmBackendModule> };
  const fn = m.setWasmPaths ?? m.default?.setWasmPaths;
  if (typeof fn !== 'function') throw new Error(message.tfNoSetWasmPaths);
  return { setWasmPaths: fn };
}
