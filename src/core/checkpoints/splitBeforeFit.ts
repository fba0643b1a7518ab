import type { RunRecord } from '../runs/contract';
import type { CheckpointContext, CheckpointDefinition, CheckpointOutcome, CheckpointProblem } from './contract';
import { kernelFacts } from './kernelFacts';
import { checkpointMessage as m } from './messages';
import { dataOf, latestRun, outcome, runLabel, topRuns } from './sessionRuns';
import { isPreprocessorRun } from '../runs/preprocessorRuns';

const VERB: Partial<Record<RunRecord['kind'], string>> = { fit: 'fitted', cv: 'cross-validated', search: 'tuned' };

interface Split {
  trainRows: number;
  testRows: number;
  key: string;
  /** Fingerprint hashes of the table split and its parts, when the run recorded them. */
  parts?: { source: string; train: string; test: string };
  /** For data derived from a part or the table split: which one the kernel judged it to be, and how. */
  derived?: { role: 'source' | 'train' | 'test'; note: string };
}

const ROLES: readonly unknown[] = ['source', 'train', 'test'];

/** The trainTestSplit record of a run, if it was fitted or evaluated on a part of one. */
function splitOf(r: RunRecord): Split | undefined {
  // A fit or evaluation keeps its split in `splitter`; a cross-validation or search keeps its fold splitter there and the split in `split`.
  const s = r.splitter?.kind === 'trainTestSplit' ? r.splitter : r.split;
  if (s?.kind !== 'trainTestSplit') return undefined;
  const { trainRows, testRows, parts, ...rest } = s.params as { trainRows?: unknown; testRows?: unknown; parts?: Split['parts'] & { role?: unknown; note?: unknown } };
  if (typeof trainRows !== 'number' || typeof testRows !== 'number') return undefined;
  const lineage =
    parts && typeof parts.source === 'string' && typeof parts.train === 'string' && typeof parts.test === 'string' ? { parts: { source: parts.source, train: parts.train, test: parts.test } } : {};
  const derived = lineage.parts && ROLES.includes(parts?.role) ? { derived: { role: parts?.role as 'source' | 'train' | 'test', note: typeof parts?.note === 'string' ? parts.note : '' } } : {};
  return { trainRows, testRows, key: JSON.stringify({ ...rest, trainRows, testRows, test: parts?.test }), ...lineage, ...derived };
}

/** The verdict from the split's lineage alone (the data's hash against the hashes of the split table and its parts), or undefined when lineage cannot tell. */
function byLineage(run: RunRecord, trainHash: string, rows: number, split: Split | undefined, verb: string, preprocessing: string[], checked: string[]): CheckpointProblem | 'unknown' | undefined {
  const label = runLabel(run);
  const own = splitOf(run);
  if (split?.parts) {
    if (trainHash === split.parts.train) return void checked.push(m.onTrainPart(label, rows));
    if (trainHash === split.parts.source) return m.fittedBeforeSplit(label, verb, rows, undefined, split.testRows, preprocessing);
    // Data made from a part of the same split by column operations or a row subset: the kernel recorded which part.
    if (own?.derived && own.parts?.test === split.parts.test) {
      const { role, note } = own.derived;
      if (role === 'train') return void checked.push(m.onTrainPartDerived(label, rows, note));
      if (role === 'test') return m.fittedOnTest(label, verb, note);
      return m.fittedBeforeSplit(label, verb, rows, undefined, split.testRows, preprocessing, note);
    }
  }
  // Fitted on the train part of the very split the test part came from: rows equal to a test row are duplicates, not a leak.
  if (split && !own?.derived && own?.key === split.key && rows === split.trainRows) return void checked.push(m.onTrainPart(label, rows));
  return 'unknown';
}

/**
 * A preprocessor fitted on its own, judged by the split its table came from: on the train part (or
 * data made from it) it passes; on the test part or the table split it fails with the fix of making
 * it a Pipeline step. Undefined plus a line in `checked` when it passed, 'unknown' when lineage cannot tell.
 */
function checkPreprocessor(run: RunRecord, evaluation: RunRecord, checked: string[]): CheckpointProblem | 'unknown' | undefined {
  const train = dataOf(run, 'train');
  const split = splitOf(evaluation)?.parts;
  const own = splitOf(run);
  if (!train || !split || own?.parts?.test !== split.test) return 'unknown';
  const { hash, rows } = train.fingerprint;
  const role = own.derived?.role ?? (hash === split.train ? 'train' : hash === split.test ? 'test' : hash === split.source ? 'source' : undefined);
  if (role === undefined) return 'unknown';
  if (role !== 'train') return m.preprocessorOnTest(run.name, rows, role, own.derived?.note);
  checked.push(own.derived ? m.onTrainPartDerived(runLabel(run), rows, own.derived.note) : m.onTrainPart(runLabel(run), rows));
  return undefined;
}

function checkRun(ctx: CheckpointContext, run: RunRecord, evaluation: RunRecord, checked: string[]): CheckpointProblem | undefined {
  if (isPreprocessorRun(run)) {
    const verdict = checkPreprocessor(run, evaluation, checked);
    if (verdict !== 'unknown') return verdict;
  }
  const label = runLabel(run);
  const verb = VERB[run.kind] ?? 'fitted';
  const train = dataOf(run, 'train');
  const test = dataOf(evaluation, 'test');
  const split = splitOf(evaluation);
  if (!train || !test) return void checked.push(m.notTheTestData(label, train?.fingerprint.rows ?? 0));
  const rows = train.fingerprint.rows;
  if (train.fingerprint.hash === test.fingerprint.hash) return m.fittedOnTest(label, verb);
  const preprocessing = (run.pipeline ?? []).filter((s) => s.name !== 'estimator').map((s) => s.kind);
  const lineage = byLineage(run, train.fingerprint.hash, rows, split, verb, preprocessing, checked);
  if (lineage !== 'unknown') return lineage;
  // Lineage unknown: compare rows. Identical rows (e.g. passengers of the same sex, age and class) count as shared, so say so.
  const shared = kernelFacts(ctx)?.sharedRows(run.id, evaluation.id);
  if (shared) checked.push(m.overlapCountsDuplicates(label));
  if (shared && shared.rows > 0) return m.fittedBeforeSplit(label, verb, rows, shared.rows, shared.testRows, preprocessing);
  if (shared) return void checked.push(m.noSharedRows(label, rows, shared.testRows));
  if (split && rows === split.trainRows + split.testRows) return m.fittedBeforeSplit(label, verb, rows, undefined, split.testRows, preprocessing);
  checked.push(m.notTheTestData(label, rows));
  return undefined;
}

/**
 * Every fit, cross-validation and search of the session, and every preprocessor fitted on its own
 * (recorded as a `fit` run tagged 'preprocessor'), used training rows only: none was fitted
 * on the evaluation's test data or on data containing it (e.g. the whole table before the split).
 * Judged by split lineage first: a run on the train part of the `trainTestSplit` whose test part was
 * evaluated passes even when some of its rows equal test rows (those are duplicates, not a leak); a
 * run on the test part or on the table before the split fails. Only when lineage cannot tell (data
 * not made by that split) does it compare rows, in a kernel, and then `checked` says that identical
 * rows count as shared.
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
