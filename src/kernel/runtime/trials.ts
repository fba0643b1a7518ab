import type { TrialTransport } from '../../core/validation/tuning/parallelExecutor';
import type { Trial, TrialDataset, TrialResult } from '../../core/validation/tuning/trial';
import type { HostToKernel } from '../../protocol/kernel';
import { send } from './channel';

interface Pending {
  onResult: (r: TrialResult) => void;
  resolve: (outcome: { error?: string }) => void;
}

/**
 * Search trials leave the kernel through its host, which runs them in worker processes (the
 * sandbox lets the kernel start none itself) and relays each result back.
 */
export class HostTrialTransport implements TrialTransport {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  start(dataset: TrialDataset, trials: Trial[], onResult: (r: TrialResult) => void): { done: Promise<{ error?: string }>; cancel(): void } {
    const requestId = this.nextId++;
    const done = new Promise<{ error?: string }>((resolve) => this.pending.set(requestId, { onResult, resolve }));
    send('runTrials', { requestId, dataset, trials });
    return {
      done,
      cancel: () => {
        send('cancelTrials', { requestId });
        this.pending.get(requestId)?.resolve({ error: 'cancelled' });
        this.pending.delete(requestId);
      },
    };
  }

  /** Results and completion from the host. */
  handle(msg: { type: 'trialResult'; payload: HostToKernel['trialResult'] } | { type: 'trialsDone'; payload: HostToKernel['trialsDone'] }): void {
    const p = this.pending.get(msg.payload.requestId);
    if (!p) return;
    if (msg.type === 'trialResult') p.onResult(msg.payload.result);
    else {
      this.pending.delete(msg.payload.requestId);
      p.resolve(msg.payload.error ? { error: msg.payload.error } : {});
    }
  }
}
