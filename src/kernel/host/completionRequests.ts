import type { KernelCompletion } from '../../protocol/kernel';
import type { KernelProcess } from './kernelProcess';

/** Completion requests to a kernel, each matched to its answer by `requestId`, empty on timeout or exit. */
export class CompletionRequests {
  private ids = 0;
  private readonly waiters = new Map<number, (items: KernelCompletion[]) => void>();

  /** Asks `kernel` for the members at `path`; resolves with `[]` after `timeoutMs` or if the kernel ends. */
  request(kernel: KernelProcess, path: string[], timeoutMs: number): Promise<KernelCompletion[]> {
    const requestId = ++this.ids;
    return new Promise((resolve) => {
      const finish = (items: KernelCompletion[]) => {
        clearTimeout(timer);
        this.waiters.delete(requestId);
        resolve(items);
      };
      const timer = setTimeout(() => finish([]), timeoutMs);
      this.waiters.set(requestId, finish);
      void kernel.exited.then(() => finish([]));
      kernel.send('complete', { requestId, path });
    });
  }

  /** The kernel's `completions` answer: settles its request (a late or unknown id is ignored). */
  answer(requestId: number, items: KernelCompletion[]): void {
    this.waiters.get(requestId)?.(items);
  }
}
