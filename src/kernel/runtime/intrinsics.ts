/**
 * The globals the kernel's own machinery relies on, taken when the kernel loads. Cells share the
 * kernel's global scope, so `globalThis.Promise = undefined` (or a patched `setTimeout`) in a cell
 * must not break how the next cell is run, timed or reported.
 */
export const KernelPromise: PromiseConstructor = globalThis.Promise;
export const kernelSetTimeout: typeof setTimeout = globalThis.setTimeout;
export const kernelClearTimeout: typeof clearTimeout = globalThis.clearTimeout;
export const kernelSetImmediate: typeof setImmediate = globalThis.setImmediate;
export const kernelQueueMicrotask: typeof queueMicrotask = globalThis.queueMicrotask;
const perf = globalThis.performance;
export const kernelNow = (): number => perf.now();
