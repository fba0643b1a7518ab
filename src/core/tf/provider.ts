import type * as TF from '@tensorflow/tfjs';
import { kernelService } from '../kernel/service';
import { tfMessage } from './messages';

/** The TensorFlow.js namespace, as the kernel resolved it (the workspace's copy, e.g. tfjs-node, or Modelbook's). */
export type Tf = typeof TF;

let provider: (() => Promise<Tf>) | undefined;
let cached: Promise<Tf> | undefined;

/**
 * Sets where `getTf()` gets TensorFlow.js from. The kernel sets nothing: cells and Modelbook then
 * share the one copy the kernel resolves. Plain-Node tests set `() => import('@tensorflow/tfjs')`.
 *
 * @example
 * setTfProvider(async () => await import('@tensorflow/tfjs'));
 */
export function setTfProvider(p: (() => Promise<Tf>) | undefined): void {
  provider = p;
  cached = undefined;
}

/**
 * The TensorFlow.js namespace, loaded on first use (never at `import 'modelbook'`). Core code must
 * use this rather than importing '@tensorflow/tfjs' itself, so that the model a cell builds and
 * the one Modelbook trains come from the same copy.
 */
export function getTf(): Promise<Tf> {
  cached ??= load();
  return cached;
}

async function load(): Promise<Tf> {
  if (provider) return provider();
  const kernel = kernelService();
  if (!kernel) throw new Error(tfMessage.notAvailable);
  return (await kernel.importModule('@tensorflow/tfjs')) as Tf;
}
