import type { HostToKernel, KernelToHost } from '../../protocol/kernel';
import { message } from '../../core/messages';
import type { KernelProcess } from './kernelProcess';
import type { ConfinedOptions } from './spawnConfined';
import { TrialPool } from './trialPool';

/** Routes one kernel's search-trial requests to a trial pool of its own, ended with the kernel. */
export class TrialRouting {
  private readonly pool: TrialPool;

  constructor(
    private readonly kernel: KernelProcess,
    options: ConfinedOptions,
  ) {
    this.pool = new TrialPool(options, <K extends 'trialResult' | 'trialsDone'>(type: K, payload: HostToKernel[K]) => kernel.send(type, payload));
    void kernel.exited.then(() => this.pool.dispose());
  }

  run(p: KernelToHost['runTrials']): void {
    this.pool.run(p.requestId, p.dataset, p.trials);
  }

  cancel(p: KernelToHost['cancelTrials']): void {
    this.pool.cancel(p.requestId);
  }

  /** The kernel waits for an answer to a search request: refuse a malformed one, and it runs the trials itself. */
  refuseInvalid(bad: { reason: string; type?: string; requestId?: number }): void {
    if (bad.type === 'runTrials' && bad.requestId !== undefined) this.kernel.send('trialsDone', { requestId: bad.requestId, error: message.kernelBadMessage(bad.reason) });
  }
}
