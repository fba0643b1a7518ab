/**
 * Every sentence the training layer (features, targets, loops, splits) says to a cell author, in one
 * place (as src/core/messages.ts does for the rest of Modelbook). Each names the problem and, where
 * there is one, the fix. The estimators in src/core/models share the target sentences.
 */
export const trainingMessage = {
  // argument checks shared by every helper: `${fn}: ${name} must be …`
  badArgument: (fn: string, name: string, expected: string, got: unknown) => `${fn}: ${name} must be ${expected} (got ${String(got)}).`,

  // features
  notFeatures: (caller: string) => `${caller}: features must be an arquero table of numeric columns, a Matrix ({ rows, cols, data: Float64Array }) or an array of numeric rows (number[][]).`,
  matrixBadShape: (caller: string, rows: number, cols: number) => `${caller}: a Matrix needs non-negative integer rows and cols (got ${rows} × ${cols}).`,
  matrixBadData: (caller: string, rows: number, cols: number, length: number) => `${caller}: the Matrix says ${rows} × ${cols} but its data holds ${length} values.`,
  rowsNotArrays: (caller: string, first: string) => `${caller}: an array of features must hold rows (arrays of numbers); row 0 is ${first}.`,
  rowsUneven: (caller: string, cols: number, row: number, got: number | string) => `${caller}: every row needs ${cols} values like row 0; row ${row} has ${got}.`,
  columnNotNumeric: (caller: string, column: string, what: string, row: number, value: unknown) =>
    `${caller}: column "${column}" holds ${what} (row ${row}: ${JSON.stringify(value)}); estimators need numbers. Encode it first (one-hot or ordinal) or drop the column.`,

  // targets (y)
  rowsMismatch: (caller: string, name: string, got: number | undefined, rows: number, noun = 'values') => `${caller}: ${name} has ${got} ${noun} but x has ${rows} rows.`,
  targetNotArray: (caller: string, expected: string) => `${caller}: y must be ${expected}.`,
  missingLabel: (caller: string, row: number) => `${caller}: the target has a missing label at row ${row}; drop or fill those rows first.`,
  badLabelType: (caller: string, row: number, type: string) => `${caller}: class labels must be numbers, strings or booleans (row ${row} is ${type}).`,
  mixedLabels: (caller: string, kinds: string[]) => `${caller}: the target mixes ${kinds.join(' and ')} labels; use one type (e.g. convert them all to strings).`,
  unseenLabel: (caller: string, label: unknown, row: number, classes: readonly unknown[]) =>
    `${caller}: label ${JSON.stringify(label)} at row ${row} was not among the training classes (${classes.map((c) => JSON.stringify(c)).join(', ')}).`,
  notFiniteTarget: (caller: string, row: number, value: unknown) => `${caller}: y must hold finite numbers; row ${row} is ${JSON.stringify(value)}.`,

  // fitting
  badSignal: 'fit: options.signal must be an AbortSignal (e.g. new AbortController().signal).',
  earlyStoppingNoValidation: 'trainLoop: early stopping needs validation data, but the trainer returned no validation score.',
  splitTooFewRows: (n: number) => `splitValidation: need at least 2 rows to hold some out (got ${n}).`,
  scoreTooFewValues: (fn: string, rows: number, predicted: number, actual: number) => `${fn}: need ${rows} predicted and actual values (got ${predicted} and ${actual}).`,
  progressNoTitle: 'createProgressReporter: options.title must name the model.',
  progressBadCounts: 'createProgressReporter: maxEpochs and batchesPerEpoch must be ≥ 1.',
  rngBadStream: 'createRng: stream must be a string naming the sequence, e.g. "shuffle".',
  notArray: (fn: string, name: string) => `${fn}: ${name} must be an array or typed array.`,
  curveNoEpochs: 'buildTrainingCurveSpec: state.epochs must be an array of epoch records.',
} as const;
