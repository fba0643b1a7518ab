/**
 * Lets the event loop run (timers, I/O, the kernel's interrupt message) and resumes soon after.
 * A training loop that never returns to the event loop could not be interrupted between batches.
 * setImmediate where it exists (Node), else a zero timeout (browsers).
 *
 * @example
 * if (performance.now() - lastYield > 20) await yieldToEventLoop();
 */
export function yieldToEventLoop(): Promise<void> {
  const g = globalThis as { setImmediate?: (f: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}
