import vm from 'node:vm';
import { InterruptedError, interruptEpoch, requestInterrupt } from './state';
import { KernelPromise, kernelNow, kernelSetImmediate } from './intrinsics';

/**
 * Cells are lowered so every `async` function becomes a generator driven by `__async` (esbuild's
 * helper name). Driving it here lets each synchronous stretch of cell code — the part between two
 * awaits — run inside `vm`'s `breakOnSigint` scope: a SIGINT then stops even `while (true) {}`
 * after an `await`, and the kernel, its globals and the cell's earlier variables survive.
 * An outermost scope costs ~50 µs (Node starts its SIGINT watchdog thread); nested scopes cost ~2 µs,
 * so only a step entered from the event loop pays.
 */

const STEP_GLOBAL = '__mbStep';
/**
 * A chain of awaits that resolve at once (`while (true) await null`) runs entirely in microtasks
 * and never lets the event loop read the host's interrupt message. After this long without a
 * macrotask, the next step is scheduled with setImmediate so the message gets in; the host then
 * needs SIGINT only for one long synchronous step.
 */
const YIELD_EVERY_MS = 10;
let lastMacrotask = kernelNow();
const stepScript = new vm.Script(`globalThis.${STEP_GLOBAL}()`, { filename: 'modelbook:step' });
let depth = 0;

type Gen = Generator<unknown, unknown, unknown>;

/** Runs `fn` inside a SIGINT-breakable scope unless one is already active. */
export function runInterruptible<T>(fn: () => T): T {
  if (depth > 0) return fn();
  depth++;
  const g = globalThis as Record<string, unknown>;
  g[STEP_GLOBAL] = fn;
  try {
    return stepScript.runInThisContext({ breakOnSigint: true, displayErrors: false }) as T;
  } catch (e) {
    if (isSigintError(e)) {
      // The watchdog consumed the signal, so the kernel's SIGINT listener will not run: act here.
      requestInterrupt();
      throw new InterruptedError();
    }
    throw e;
  } finally {
    g[STEP_GLOBAL] = undefined;
    depth--;
  }
}

function isSigintError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_INTERRUPTED';
}

/** esbuild's `__async(this, arguments, generatorFunction)`, made interruptible. */
export function asyncDriver(self: unknown, args: unknown, genFn: (...a: unknown[]) => Gen): Promise<unknown> {
  const epoch = interruptEpoch();
  return new KernelPromise((resolve, reject) => {
    let it: Gen | undefined;
    const step = (method: 'next' | 'throw', value?: unknown): void => {
      if (interruptEpoch() !== epoch) {
        reject(new InterruptedError());
        return;
      }
      let r: IteratorResult<unknown>;
      try {
        r = runInterruptible(() => {
          it ??= genFn.apply(self, (args ?? []) as unknown[]);
          return it[method](value);
        });
      } catch (e) {
        reject(e);
        return;
      }
      if (r.done) resolve(r.value);
      else
        KernelPromise.resolve(r.value).then(
          (v) => resume('next', v),
          (e) => resume('throw', e),
        );
    };
    const resume = (method: 'next' | 'throw', value: unknown): void => {
      if (kernelNow() - lastMacrotask < YIELD_EVERY_MS) step(method, value);
      else
        kernelSetImmediate(() => {
          lastMacrotask = kernelNow();
          step(method, value);
        });
    };
    step('next');
  });
}

/**
 * Makes `__async` a read-only global: the helper copy esbuild writes at the top of each lowered
 * cell (`var __async = …`) then assigns to nothing (sloppy-mode scripts ignore the write).
 */
export function installAsyncDriver(): void {
  Object.defineProperty(globalThis, '__async', { value: asyncDriver, writable: false, configurable: false, enumerable: false });
}
