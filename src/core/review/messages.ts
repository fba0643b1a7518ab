/**
 * What the statistics of a model diff say to people (the review counterpart of src/core/messages.ts):
 * argument errors and the notes a diff carries when something could not be compared as asked.
 */
const pct = (x: number) => `${(100 * x).toFixed(x < 0.01 ? 2 : 1)}%`;

export const reviewMessage = {
  // arguments
  cliNeedsTwoSides: (got: number) => `modelbook diff needs BASE and HEAD (got ${got} argument${got === 1 ? '' : 's'}), e.g. \`modelbook diff main HEAD\`.`,
  cliBadChoice: (what: string, choices: readonly string[], got: unknown) => `${what} must be one of ${choices.join(', ')}, got ${JSON.stringify(got) ?? 'nothing'}.`,
  notASide: (fn: string, name: string) => `${fn}: ${name} must be a loaded side ({ side, evaluations, notebooks }).`,
  tooSmall: (fn: string, name: string, min: number, got: unknown) => `${fn}: ${name} must be at least ${min}, got ${String(got)}.`,
  notADiff: (fn: string) => `${fn}: pass a ModelDiff (schemaVersion 1), as diffModels returns it.`,
  notList: (fn: string, field: 'metrics' | 'slices') => `${fn}: pass a pair's ${field}, e.g. diff.pairs[0].${field}.`,
  notFlips: (fn: string) => `${fn}: pass a pair's flips, e.g. diff.pairs[0].flips.`,
  noRowIds: (fn: string, side: string) => `${fn}: the ${side} prediction set has no rowIds list (one row id per kept prediction).`,
  badPredictionSet: (fn: string, side: string, field: string, expected: string) => `${fn}: the ${side} prediction set's ${field} must be ${expected}.`,
  taskMismatch: (base: string, head: string) => `base predicted a ${base} task and head a ${head} task; their predictions cannot be compared row by row.`,

  // notes on a diff
  onlyOneSide: (base: number, head: number) =>
    `${base} base row${base === 1 ? '' : 's'} and ${head} head row${head === 1 ? '' : 's'} have no partner on the other side; paired statistics use the rows both kept.`,
  duplicateIds: (n: number) => `${n} row id${n === 1 ? ' occurs' : 's occur'} more than once; such rows were matched in order of occurrence (first with first).`,
  labelsDiffer: (n: number) => `${n} matched row${n === 1 ? ' has' : 's have'} a different true label in base and head (the evaluation data changed); each side is scored against its own labels.`,
  sampled: (side: string, kept: number, total: number) => `${side} kept ${kept} of ${total} evaluated rows (a sample chosen by row hash); statistics are on the kept rows.`,
  unpaired: (matched: number, share: number, threshold: number) =>
    `base and head share only ${matched} rows (${pct(share)} of the larger side, below ${pct(threshold)}): metric intervals are unpaired (independent bootstraps of each side), so they are wider than a paired comparison would give.`,
  noCommonRows: 'base and head evaluated no common rows: metric intervals are unpaired (independent bootstraps of each side), and no prediction flips can be counted.',
  recordedIntervals: (side: string) => `${side} kept no predictions: metric deltas use the recorded intervals (normal approximation), and no flips or slice deltas can be computed.`,
  noIntervals: (side: string) => `${side} kept no predictions and recorded no intervals: metric deltas have no interval or significance.`,
  noScores: (side: string) => `${side} kept no scores: ranking and probability metrics (ROC AUC, PR AUC, log loss, Brier) are not compared.`,
  notProbabilities: (side: string) => `${side}'s scores are not all in [0, 1]: log loss and Brier are not compared.`,
  positiveDiffers: (base: string, head: string) => `base's positive class is ${JSON.stringify(base)} and head's ${JSON.stringify(head)}; both are scored with base's.`,
  notBytes: (value: string) => `decodePredictions: pass the file's bytes (Uint8Array), got ${value}.`,
  notPredictionsFile: (source: string, why: string) => `${source} is not a Modelbook predictions file: ${why}.`,
  noSides: (fn: string) => `${fn}: give the base or the head predictions.`,
  badMaxRows: (maxRows: string) => `keepPredictions: maxRows must be a whole number ≥ 1, got ${maxRows}.`,

  // review threads and review records
  threadEdited: 'edited',
  threadRun: (runId: string) => `run ${runId.slice(0, 10)}…`,
  threadOutdated: (cellId: string, about: string) => `Outdated: cell ${cellId} is no longer in the notebook${about ? ` (${about})` : ''}`,
  threadPrompt: 'Start a review thread on this cell',
  threadPlaceholder: 'Markdown: what should change, and why?',
  threadNotFound: 'This review thread is no longer in the repository (it may have been deleted or pulled away).',
  threadNotSaved: (why: string) => `The review thread was not saved: ${why}`,
  threadNoFolder: 'Review threads are stored in the workspace folder: open the notebook from a folder on disk first.',
  threadNoCell: (cellId: string) => `No cell with id ${cellId} in this notebook.`,
  threadsSkipped: (file: string, reason: string) => `Review file ${file} was skipped: ${reason}`,
  reviewBasePrompt: 'Base revision (e.g. main, origin/main, a commit); leave empty if none',
  reviewHeadPrompt: 'Head revision (e.g. HEAD); leave empty if none',
  reviewBodyPrompt: 'What must change? (Markdown, optional)',
  findingNoPair: (notebook: string, cellId: string) => `The model diff shown has no evaluation of cell ${cellId} in ${notebook}; no thread was started.`,
  findingNoMetric: (metric: string) => `The model diff shown does not compare ${JSON.stringify(metric)} there; no thread was started.`,
  findingNoSlice: (slice: string) => `The model diff shown has no slice ${JSON.stringify(slice)} there; no thread was started.`,
  threadsInactive: 'Modelbook review threads are not active.',
  reviewWritten: (verdict: string, file: string) => `${verdict === 'approve' ? 'Approval' : 'Change request'} recorded in ${file}`,
};

/** Why a thread or review file from the repository was refused (shown as "Review file X was skipped: …"). */
export const fileMessage = {
  notObject: (where: string) => `${where} must be an object`,
  unknownField: (where: string, key: string) => `${where} has an unknown field ${JSON.stringify(key.slice(0, 40))}`,
  notString: (where: string) => `${where} must be a string`,
  empty: (where: string) => `${where} must not be empty`,
  tooLong: (where: string, max: number) => `${where} is longer than ${max} characters`,
  notTime: (where: string) => `${where} must be an ISO 8601 date-time`,
  notUlid: (where: string) => `${where} must be a ULID`,
  notOneOf: (where: string, values: readonly string[]) => `${where} must be one of ${values.map((x) => `'${x}'`).join(', ')}`,
  fileTooLarge: (maxChars: number) => `the file is larger than ${maxChars} characters`,
  notJson: (why: string) => `the file is not JSON (${why.slice(0, 120)})`,
  badVersion: (version: number, got: unknown) => `version must be ${version} (this file says ${JSON.stringify(got)?.slice(0, 20)})`,
  badDiffHash: 'diffHash must be 64 lowercase hex digits (sha-256) or empty',
  notList: (where: string) => `${where} must be a list`,
  tooMany: (where: string, max: number) => `${where} has more than ${max} entries`,
  repeatedId: (where: string) => `${where} repeats an earlier comment's id`,
  badNotebookPath: 'anchor.notebook must be a workspace-relative path with / separators and no ".." segments',
  threadFull: (max: number) => `a thread holds at most ${max} comments`,
};
