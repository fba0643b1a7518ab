import type { RunRecord } from '../runs/contract';
import type { CheckpointContext, CheckpointDefinition, CheckpointOutcome, CheckpointProblem } from './contract';
import { kernelFacts } from './kernelFacts';
import { checkpointMessage as m } from './messages';
import { dataOf, latestRun, outcome, runLabel, topRuns } from './sessionRuns';

const VERB: Partial<Record<RunRecord['kind'], string>> = { fit: 'fitted', cv: 'cross-validated', search: 'tuned' };

/** The trainTestSplit record of a run, if it was fitted or evaluated on a part of one. */
function splitOf(r: RunRecord): { trainRows: number; testRows: number; key: string } | undefined {
  const s = r.splitter;
  if (s?.kind !== 'trainTestSplit') return undefined;
  const { trainRows, testRows } = s.params as { trainRows?: unknown; testRows?: unknown };
  return typeof trainRows === 'number' && typeof testRows === 'number' ? { trainRows, testRows, key: JSON.stringify(s.params) } : undefined;
}

function checkRun(ctx: CheckpointContext, run: RunRecord, evaluation: RunRecord, checked: string[]): CheckpointProblem | undefined {
  const label = runLabel(run);
  const verb = VERB[run.kind] ?? 'fitted';
  const train = dataOf(run, 'train');
  const test = dataOf(evaluation, 'test');
  const split = splitOf(evaluation);
  const own = splitOf(run);
  if (!train || !test) return void checked.push(m.notTheTestData(label, train?.fingerprint.rows ?? 0));
  // Fitted on the train part of the very split the test part came from: rows equal to a test row are duplicates, not a leak.
  if (split && own?.key === split.key && train.fingerprint.rows === split.trainRows) return void checked.push(m.onTrainPart(label, train.fingerprint.rows));
  if (train.fingerprint.hash === test.fingerprint.hash) return m.fittedOnTest(label, verb);
  const preprocessing = (run.pipeline ?? []).filter((s) => s.name !== 'estimator').map((s) => s.kind);
  const shared = kernelFacts(ctx)?.sharedRows(run.id, evaluation.id);
  if (shared && shared.rows > 0) return m.fittedBeforeSplit(label, verb, train.fingerprint.rows, shared.rows, shared.testRows, preprocessing);
  if (shared) return void checked.push(m.noSharedRows(label, train.fingerprint.rows, shared.testRows));
  if (split && train.fingerprint.rows === split.trainRows + split.testRows) return m.fittedBeforeSplit(label, verb, train.fingerprint.rows, undefined, split.testRows, preprocessing);
  checked.push(m.notTheTestData(label, train.fingerprint.rows));
  return undefined;
}

/**
 * Every fit, cross-validation and search of the session used training rows only: none was fitted
 * on the evaluation's test data or on data containing it (e.g. the whole table before the split).
 * Judged from the records (data fingerprints and the split each run was made on) and, in a kernel,
 * from the rows the tables share.
 *
 * @example
 * await checkpoint('split-before-fit')
 */
export const splitBeforeFit: CheckpointDefinition = {
  id: 'split-before-fit',
  title: m.splitTitle,
  why: m.splitWhy,
  check(ctx): CheckpointOutcome {
    const fits = topRuns(ctx.runs, ['fit', 'cv', 'search']);
    const evaluation = latestRun(ctx.runs, 'evaluation');
    if (fits.length === 0) return outcome([m.noRuns('fit, cross-validation or search')], [], []);
    if (!evaluation)
      return outcome(
        [m.noEvaluation],
        [],
        fits.map((r) => r.id),
      );
    const test = dataOf(evaluation, 'test');
    const checked = test ? [m.testOfEvaluation(runLabel(evaluation), test.fingerprint.rows, splitOf(evaluation) !== undefined)] : [];
    const problems = fits.map((r) => checkRun(ctx, r, evaluation, checked)).filter((p): p is CheckpointProblem => p !== undefined);
    return outcome(problems, checked, [evaluation.id, ...fits.map((r) => r.id)]);
  },
};
