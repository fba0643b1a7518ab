import type { EvaluationView } from '../evaluation/contract';
import { evaluatePredictions } from '../evaluation/evaluate/fromPredictions';
import type { PredictionsInput } from '../evaluation/inputs/predictions';
import type { PredictionSet } from '../review/contract';
import type { RunRecord } from '../runs/contract';

/**
 * An evaluation's slices by the given columns, recomputed from the predictions it kept beside its
 * record with the same evaluation code (no bootstrap: a gap is judged on the point values), so a
 * check gives the same numbers in any kernel session, after a restart, and from the CLI.
 * Undefined when the predictions kept no column of those slices.
 *
 * @example
 * await keptSlices(evaluationRun, set, ['sex']) // an EvaluationView whose slices hold per-group metrics
 */
export async function keptSlices(evaluation: RunRecord, set: PredictionSet, columns: readonly string[]): Promise<EvaluationView | undefined> {
  const groups: Record<string, (string | null)[]> = {};
  for (const c of columns) if (set.slices?.[c]) groups[c] = set.slices[c];
  if (Object.keys(groups).length === 0) return undefined;
  const binary = set.task === 'binary' && set.yScore !== undefined && set.positiveLabel !== undefined;
  const input: PredictionsInput = binary ? { yTrue: set.yTrue, yScore: set.yScore!, groups } : { yTrue: set.yTrue, yPred: set.yPred, groups };
  const threshold = typeof evaluation.params.threshold === 'number' ? evaluation.params.threshold : undefined;
  const evaluated = await evaluatePredictions(input, {
    task: set.task,
    ...(set.positiveLabel !== undefined ? { positiveLabel: set.positiveLabel } : {}),
    ...(binary && threshold !== undefined ? { threshold } : {}),
    slices: Object.keys(groups),
    intersections: false,
    bootstrap: false,
  });
  return evaluated.view;
}
