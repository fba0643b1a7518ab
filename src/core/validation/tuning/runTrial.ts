import { scoreModel } from '../scoring';
import { takeFeatures, takeTarget } from '../cvData';
import { modelFromSpec } from '../model';
import type { Trial, TrialResult } from './trial';
import type { TrialData } from './trialDataset';
import { validationMessage } from '../messages';

/**
 * Runs one trial: builds the model from its spec (through the registry, as another process
 * would), fits it on the trial's training rows and scores the held-out rows. Errors become a
 * failed result (NaN scores, the message kept) rather than ending the search.
 *
 * @example
 * const result = await runTrial(trial, loadTrialDataset(dataset));
 */
export async function runTrial(trial: Trial, data: TrialData, signal?: AbortSignal): Promise<TrialResult> {
  if (trial.dataId !== data.id) throw new RangeError(validationMessage.trialWrongDataset(trial.id, trial.dataId, data.id));
  const base = { id: trial.id, candidate: trial.candidate, fold: trial.fold, round: trial.round };
  const t0 = now();
  let t1 = t0;
  try {
    const model = modelFromSpec(trial.spec);
    await model.fit(takeFeatures(data.x, trial.train), takeTarget(data.y, trial.train), { signal });
    t1 = now();
    const test = await scoreModel(model, takeFeatures(data.x, trial.test), takeTarget(data.y, trial.test), trial.scoring);
    const train = trial.returnTrainScore ? await scoreModel(model, takeFeatures(data.x, trial.train), takeTarget(data.y, trial.train), trial.scoring) : undefined;
    return { ...base, test, ...(train ? { train } : {}), fitMs: t1 - t0, scoreMs: now() - t1 };
  } catch (e) {
    if ((e as Error)?.name === 'AbortError') throw e;
    return { ...base, test: Object.fromEntries(trial.scoring.map((s) => [s, NaN])), fitMs: (t1 === t0 ? now() : t1) - t0, scoreMs: 0, error: e instanceof Error ? e.message : String(e) };
  }
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
