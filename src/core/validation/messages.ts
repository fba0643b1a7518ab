/**
 * Every sentence cross-validation, the splitters, the metrics and the searches (tuning/) say to a
 * cell author, in one place (as src/core/messages.ts does for the rest of Modelbook). Each names the
 * problem and, where there is one, the fix; `fn` is the function or class that refuses.
 */
import { formatNumber } from '../text/number';

export const validationMessage = {
  // arguments
  notIntegerIn: (fn: string, name: string, max: number, got: unknown) => `${fn}: ${name} must be an integer in 1…${max} (got ${got}).`,
  lengthMismatch: (fn: string, name: string, got: number, unit: 'labels' | 'values', rows: number) => `${fn}: ${name} has ${got} ${unit} for ${rows} rows.`,
  missingLabel: (fn: string, row: number) => `${fn}: missing value at row ${row}; every row needs a label / group.`,
  notData: (fn: string, name: string) => `${fn}: ${name} must be an arquero table, a Matrix or an array of rows.`,
  badModel: (fn: string, needs: string) => `${fn}: model must be an estimator or a Pipeline (${needs}).`,
  needsLabel: (fn: string) => `${fn}: pass { label } — the label column's name or the target values.`,
  columnNeedsTable: (fn: string, what: string, name: string) => `${fn}: ${what} "${name}" names a column, but data is not a table; pass the values instead.`,
  noColumn: (fn: string, what: string, name: string, columns: readonly string[]) => `${fn}: no ${what} column "${name}" (columns: ${columns.join(', ')}).`,
  badLabel: (fn: string, rows: number, got: number | undefined) => `${fn}: label must be a column name or one target value per row (${rows} rows, got ${got}).`,
  foldNeedsIndices: (fn: string, fold: number) => `${fn}: fold ${fold} needs train and test index arrays.`,
  badCv: (fn: string) => `${fn}: cv must be a number of folds, a splitter (new KFold(…)) or an array of { train, test } folds.`,
  interrupted: (what: string) => `${what} was interrupted.`,

  // splitters
  tooManySplits: (fn: string, name: string, nSplits: number, what: string, available: number) => `${fn}: cannot have ${name}=${nSplits} greater than the number of ${what}: ${available}.`,
  kFoldTooFewRows: (nSplits: number, rows: number) => `KFold: cannot make nSplits=${nSplits} folds from ${rows} rows.`,
  stratifiedTooFewMembers: (nSplits: number, largest: number) => `StratifiedKFold: nSplits=${nSplits} cannot be greater than the number of members in each class (largest class: ${largest}).`,
  stratifyNeedsLabels: (fn: string) => `${fn}: needs the class labels ({ y }) to stratify on.`,
  groupsNeeded: (fn: string) => `${fn}: needs the group of each row ({ groups }), e.g. a user id column.`,
  timeSeriesTooManySplits: (nSplits: number, rows: number, testSize: number, gap: number) => `TimeSeriesSplit: too many splits=${nSplits} for ${rows} rows with testSize=${testSize} and gap=${gap}.`,

  // trainTestSplit
  splitNotTable: 'trainTestSplit: data must be an arquero table (use trainTestIndices for a row count).',
  stratifyNeedsShuffle: 'trainTestSplit: stratified splitting requires shuffle: true.',
  badSplitSize: (name: string, rows: number, got: number) => `trainTestSplit: ${name} must be a share in (0, 1) or a row count in 1…${rows} (got ${got}).`,
  splitSizesExceed: (train: number, test: number, rows: number) => `trainTestSplit: train (${train}) + test (${test}) rows exceed the ${rows} rows.`,
  splitEmptyPart: (rows: number, train: number, test: number) => `trainTestSplit: with ${rows} rows these sizes leave an empty part (train ${train}, test ${test}); adjust testSize / trainSize.`,
  classTooSmall: 'trainTestSplit: the least populated class has only 1 member, which is too few to stratify.',
  splitNeedsEveryClass: (classes: number) => `trainTestSplit: train and test need at least one row per class (${classes} classes).`,
  noStratifyColumn: (name: string, columns: readonly string[]) => `trainTestSplit: no column "${name}" to stratify on (columns: ${columns.join(', ')}).`,

  // scoring and metrics
  badScorerName: 'registerScorer: name must be a non-empty string.',
  badScorer: (name: string) => `registerScorer("${name}"): pass { greaterIsBetter, needs: 'predict' | 'proba', compute(yTrue, output, classes) }.`,
  unknownScorer: (name: string, known: readonly string[]) => `unknown scorer "${name}"; known: ${known.join(', ')} (or register one with registerScorer).`,
  scorerNeedsProba: (name: string, kind: string) => `scorer "${name}" needs class probabilities, which a ${kind} does not give.`,
  noMetric: (fn: string, metric: string, scored: readonly string[]) => `${fn}: no metric "${metric}" (scored: ${scored.join(', ')}).`,
  rocAucOneClass: 'rocAuc: only one class is present in the true labels of this fold, so ROC AUC is undefined; use more data per fold or StratifiedKFold.',
  unknownLabel: (fn: string, label: unknown, classes: readonly unknown[]) => `${fn}: label ${JSON.stringify(label)} is not among the model's classes (${classes.join(', ')}).`,
  predictionCount: (truth: number, predictions: number) => `metric: ${truth} true values but ${predictions} predictions.`,
  noRowsToScore: 'metric: no rows to score.',

  // compareModels
  compareNeedsResults: 'compareModels: pass two crossValidate results.',
  compareNoMetric: (metric: string | undefined, a: readonly string[], b: readonly string[]) =>
    `compareModels: both results need the metric ${metric ? `"${metric}"` : 'in common'} (A: ${a.join(', ')}; B: ${b.join(', ')}).`,
  compareDifferentFolds: 'compareModels: the two results come from different folds; run both crossValidate calls with the same cv (same splitter and seed) on the same data.',
  compareTooFewFolds: 'compareModels: needs at least 2 folds.',
  badAlpha: (fn: string, alpha: number) => `${fn}: alpha must be in (0, 1) (got ${alpha}).`,
  comparison: (metric: string, m: number, ci: readonly [number, number], alpha: number, t: number, df: number, pValue: number, better: 'a' | 'b' | 'neither') =>
    `${metric}: A − B = ${formatNumber(m, { fixed: 4 })} (${Math.round((1 - alpha) * 100)}% CI ${formatNumber(ci[0], { fixed: 4 })} … ${formatNumber(ci[1], { fixed: 4 })}), corrected t = ${formatNumber(t, { fixed: 3 })}, df = ${df}, p = ${formatNumber(pValue, { digits: 3 })} → ${
      better === 'neither' ? 'no significant difference' : `${better.toUpperCase()} is better`
    } at α = ${alpha}.`,

  // searches (tuning/)
  searchInterrupted: 'The search was interrupted.',
  allTrialsFailed: (fn: string, firstError: string | undefined) => `${fn}: every trial failed; the first error: ${firstError}`,
  trialWrongDataset: (trial: string | number, needs: string, got: string) => `runTrial: trial ${trial} needs dataset ${needs}, got ${got}.`,
  notTrialDataset: 'loadTrialDataset: not a TrialDataset (expected { id, rows, features, y }).',
  gridNeeded: 'gridSearch: pass { paramGrid }, e.g. { C: [0.1, 1, 10] }.',
  distributionsNeeded: 'randomSearch: pass { paramDistributions }, e.g. { C: loguniform(1e-3, 1e2) }.',
  gridOrDistributions: 'halvingSearch: pass either { paramGrid } or { paramDistributions } (with nCandidates).',
  badFactor: (factor: number) => `halvingSearch: factor must be > 1 (got ${factor}).`,
  badMinResources: (got: unknown) => `halvingSearch: minResources must be a positive integer, 'smallest' or 'exhaust' (got ${got}).`,
  minAboveMax: (min: number, max: number) => `halvingSearch: minResources (${min}) is larger than maxResources (${max}); use fewer folds, or more data.`,
  badUniform: (fn: string, low: number, high: number) => `${fn}: needs finite low < high (got ${low}, ${high}).`,
  badLogUniform: (low: number, high: number) => `loguniform: needs 0 < low < high (got ${low}, ${high}).`,
  badIntRange: (low: number, high: number) => `int: needs integers low ≤ high (got ${low}, ${high}).`,
  emptyChoice: 'choice: needs a non-empty array of values.',
  gridNotObject: 'expandGrid: a grid maps parameter names to arrays of values, e.g. { C: [0.1, 1, 10] }.',
  gridEmptyValues: (name: string, got: unknown) => `expandGrid: "${name}" must list at least one value (got ${JSON.stringify(got)}).`,
  badDistribution: (name: string) => `sampleParams: "${name}" must be a list of values or a distribution (uniform, loguniform, int, choice).`,
};
