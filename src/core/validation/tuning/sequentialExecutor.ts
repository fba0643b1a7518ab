import { runTrial } from './runTrial';
import type { RunTrialsOptions, Trial, TrialDataset, TrialExecutor, TrialResult } from './trial';
import { loadTrialDataset } from './trialDataset';
import { validationMessage } from '../messages';

/**
 * Runs trials one after another in this process, yielding to the event loop between trials so
 * an interrupt and live progress get through. The default executor of every search.
 *
 * @example
 * await gridSearch(pipe, train, { label: 'y', paramGrid: { C: [0.1, 1] }, executor: new SequentialExecutor() }) // no parallel trials
 */
export class SequentialExecutor implements TrialExecutor {
  /**
   * @example
   * await gridSearch(model, data, { label: 'y', paramGrid, executor: new SequentialExecutor() });
   */
  async run(trials: readonly Trial[], dataset: TrialDataset, options: RunTrialsOptions = {}): Promise<TrialResult[]> {
    const data = loadTrialDataset(dataset);
    const results: TrialResult[] = [];
    for (const trial of trials) {
      if (options.signal?.aborted) throw Object.assign(new Error(validationMessage.searchInterrupted), { name: 'AbortError' });
      const r = await runTrial(trial, data, options.signal);
      results.push(r);
      options.onResult?.(r);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    return results;
  }
}
