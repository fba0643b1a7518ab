/**
 * Every sentence the feature steps and pipelines say to a cell author, in one place (as
 * src/core/messages.ts does for the rest of Modelbook). Each names the problem and, where there is
 * one, the fix; `fn` is the function or step that refuses (e.g. 'StandardScaler.transform').
 */
const quoted = (names: readonly string[]) => names.map((c) => `"${c}"`).join(', ');
const choiceList = (choices: readonly unknown[]) => {
  const shown = choices.map((c) => (c === null ? 'null' : `'${String(c)}'`));
  return shown.length < 2 ? shown.join('') : `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}`;
};
const holds = (v: unknown) => (v instanceof Date ? 'dates' : `${typeof v} values`);

export const featuresMessage = {
  // options
  unknownOption: (fn: string, option: string, known: readonly string[]) => `${fn}: unknown option "${option}"; known options: ${known.join(', ')}.`,
  badChoice: (fn: string, option: string, choices: readonly unknown[], got: unknown) => `${fn}: ${option} must be ${choiceList(choices)} (got ${JSON.stringify(got)}).`,
  badStepName: (fn: string, got: unknown) => `${fn}: name must be a non-empty string without dots (got ${JSON.stringify(got)}).`,
  badFeatureRange: (fn: string, lo: number, hi: number) => `${fn}: featureRange must be [low, high] with low < high (got [${lo}, ${hi}]).`,
  noEdges: (fn: string, column: string) => `${fn}: no edges given for column "${column}".`,
  edgesNotIncreasing: (fn: string, column: string, edges: readonly number[]) => `${fn}: edges for "${column}" must be strictly increasing (got ${edges.join(', ')}).`,

  // fitting and transforming
  stepNotFitted: (fn: string) => `${fn}: the step is not fitted; fit it (or its Pipeline) on training data first.`,
  pipelineNotFitted: (fn: string) => `${fn}: the pipeline is not fitted; call fit(train, label) first.`,
  columnEmpty: (fn: string, column: string) => `${fn}: column "${column}" has no values in the training data; drop it or impute it first.`,
  columnAllMissing: (fn: string, column: string, strategy: string) =>
    `${fn}: column "${column}" is entirely missing in the training data, so there is nothing to learn a ${strategy} from; drop it (DropColumns) or use strategy 'constant'.`,
  columnMixed: (fn: string, column: string) => `${fn}: column "${column}" mixes value types (e.g. numbers and text); convert it to one type first.`,
  columnDates: (fn: string, column: string) => `${fn}: column "${column}" holds dates; derive numeric or text features from it first.`,
  columnNotNumeric: (fn: string, column: string, row: number, value: unknown) =>
    `${fn}: column "${column}" holds ${holds(value)} (row ${row}: ${JSON.stringify(value)}); this step needs numbers. Encode the column first (OneHotEncoder / OrdinalEncoder) or leave it out of the step's columns.`,
  strategyNeedsNumbers: (fn: string, strategy: string, column: string, kind: string) =>
    `${fn}: strategy '${strategy}' needs a numeric column but "${column}" holds ${kind} values; use 'mostFrequent' or 'constant' for it.`,
  columnStillText: (fn: string, column: string, row: number, value: unknown) =>
    `${fn}: column "${column}" still holds ${typeof value === 'string' ? 'text' : 'dates'} after the steps (row ${row}: ${JSON.stringify(value)}); add new OneHotEncoder({ columns: ['${column}'] }) or OrdinalEncoder, or drop it with DropColumns.`,
  unseenValue: (fn: string, column: string, value: unknown, row: number, fix: 'ignore' | 'useEncodedValue', known?: readonly unknown[]) =>
    `${fn}: column "${column}" has the value ${JSON.stringify(value)} (row ${row}), which was not seen in fit${known ? ` (known: ${known.map((v) => JSON.stringify(v)).join(', ')})` : ''}; ${
      fix === 'ignore' ? "pass handleUnknown: 'ignore' to encode unknown values as all zeros" : "pass handleUnknown: 'useEncodedValue' (and unknownValue) to encode unknown values"
    }.`,

  // columns and tables
  notTableInput: (fn: string) => `${fn}: x must be an arquero table, a Matrix or an array of numeric rows.`,
  noColumns: (fn: string, missing: readonly string[], columns: readonly string[]) => `${fn}: no column ${quoted(missing)} in the table (columns: ${columns.join(', ')}).`,
  noLabelColumn: (fn: string, label: string, columns: readonly string[]) => `${fn}: no label column "${label}" (columns: ${columns.join(', ')}).`,
  lacksFittedColumns: (fn: string, missing: readonly string[], fitted: 'the step' | 'the pipeline', table = 'the table') =>
    `${fn}: ${table} has no column ${quoted(missing)}, which ${fitted} was fitted on.`,
  badColumnsRule: (fn: string) => `${fn}: columns must be a list of names or a selector such as numericColumns().`,
  outputColumnExists: (fn: string, column: string) => `${fn}: the output column "${column}" already exists; rename the input column or the step's output.`,
  rowOutOfRange: (fn: string, row: number, rows: number) => `${fn}: row ${row} is outside 0…${rows - 1}.`,

  // pipelines
  pipelineBadArgs: 'Pipeline: pass { steps, estimator } or an array of steps.',
  pipelineNotStep: (index: number) => `Pipeline: step ${index} is not a step (it needs fit and transform); use e.g. new StandardScaler().`,
  duplicateStepName: (name: string) => `Pipeline: two steps are named "${name}"; give one a name, e.g. new StandardScaler({ name: 'scaleAge' }).`,
  pipelineBadEstimator: 'Pipeline: estimator must have fit/predict (e.g. new LogisticRegression()).',
  pipelineNeedsLabel: 'Pipeline.fit: the pipeline ends in an estimator, so it needs y (the target, or the name of the label column in x).',
  pipelineNoEstimator: (fn: string) => `${fn}: the pipeline has no estimator; add one with new Pipeline({ steps, estimator }).`,
  regressorNoProba: (fn: string) => `${fn}: the estimator is a regressor; use predict.`,
  estimatorNoScore: (fn: string, type: string) => `${fn}: ${type} has no score method.`,
  estimatorNotSerializable: (fn: string, type: string) => `${fn}: ${type} cannot be saved as JSON.`,
  notPipelineJson: (got: unknown) => `Pipeline.fromJSON: expected type 'Pipeline', got ${JSON.stringify(got)}.`,
  badPipelineSpec: 'Pipeline.fromSpec: params must be { steps: StepJSON[], estimator: spec | null }.',
  paramForMissingEstimator: (path: string) => `Pipeline: parameter "${path}" is for the estimator, but the pipeline has none.`,
  paramNoStep: (path: string, step: string, steps: readonly string[]) =>
    `Pipeline: parameter "${path}" names no step "${step}" (steps: ${steps.join(', ') || 'none'}; use "estimator.<param>" for the model).`,

  // step registry and custom steps
  registerBadType: 'registerStep: type must be a non-empty string.',
  registerBadFactory: (type: string) => `registerStep("${type}"): factory must be a function (json) => step.`,
  badStepJson: 'stepFromJSON: pass { type, name, params, state? } as produced by step.toJSON().',
  unknownStepType: (type: string, known: readonly string[]) => `stepFromJSON: no step type '${type}' is registered (known: ${known.join(', ')}).`,
  customBadDefinition: 'CustomStep: pass { name, transform, fit? }.',
  customNotFunction: (name: string, member: 'transform' | 'fit') => `CustomStep "${name}": ${member} must be a function ${member === 'transform' ? '(table, state) => table' : '(table) => state'}.`,
  customBadOutput: (name: string) => `CustomStep "${name}": transform must return an arquero table.`,
  customUndefined: (name: string) => `CustomStep "${name}" is not defined in this process; run the code that creates new CustomStep({ name: '${name}', … }) here first.`,

  // leak check
  leakNotFitted: 'checkPipelineLeak: the pipeline is not fitted (or was saved without its fit record); fit it first.',
  leakBadTest: "checkPipelineLeak: test must be an arquero table with the pipeline's input columns.",
  noLeak: (testRows: number, fittedRows: number) => `No leak: none of the ${testRows} test rows were in the ${fittedRows} rows the pipeline was fitted on.`,
  leak: (count: number, exact: boolean, testRows: number, sameData: boolean) =>
    `Leak: the pipeline was fitted on data that includes ${exact ? '' : '≈'}${count} of the ${testRows} test rows${sameData ? ' (it was fitted on the test data itself)' : ''}. Fit the pipeline on the training split only (split first, then fit), so test scores stay honest.`,
};
