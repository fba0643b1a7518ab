import type * as TF from '@tensorflow/tfjs';
import { setTfProvider } from '../../../../../src/core/tf/provider';

/** The backends Modelbook ships for TF.js in the kernel (tfjs-node cannot be installed here). */
export const SHIPPED_BACKENDS = ['wasm', 'cpu'] as const;

/**
 * TF.js for plain-Node tests with the wasm backend registered (from node_modules, as the kernel
 * loads its bundled copy) and `name` active; fails loudly if setBackend silently refuses.
 */
export async function useTfBackend(name: (typeof SHIPPED_BACKENDS)[number]): Promise<typeof TF> {
  const tf = await import('@tensorflow/tfjs');
  await import('@tensorflow/tfjs-backend-wasm');
  setTfProvider(async () => tf);
  if (!(await tf.setBackend(name))) throw new Error(`tf.setBackend('${name}') returned false`);
  await tf.ready();
  if (tf.getBackend() !== name) throw new Error(`TF.js runs on ${tf.getBackend()}, not ${name}`);
  return tf;
}
