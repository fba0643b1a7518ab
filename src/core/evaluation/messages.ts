/**
 * Every user-facing sentence of the evaluation library, in one place (vega-lite's log/message.ts), so
 * wording stays consistent between metrics, slices and reports: `message` holds the warnings,
 * `evaluationMessage` the refusals (thrown errors).
 */
import type { MetricWarning, WarningCode } from './metrics/types';

export function warning(code: WarningCode, message: string, extra: Omit<MetricWarning, 'code' | 'message'> = {}): MetricWarning {
  return { code, message, ...extra };
}

export const message = {
  zeroDivision: (what: string, modifier: 'predicted' | 'true', perLabel: boolean) =>
    `${what} ill-defined and being set to 0.0 ${perLabel ? 'in labels with' : 'due to'} no ${modifier} samples. Use the \`zeroDivision\` option to control this behaviour.`,
  fScoreBothUndefined: (perLabel: boolean) =>
    `F-score is ill-defined and being set to 0.0 ${perLabel ? 'in labels with' : 'due to'} no true nor predicted samples. Use the \`zeroDivision\` option to control this behaviour.`,
  singleClassAuc: (label: string) => `Only one class (${label}) present in yTrue: ROC AUC is not defined in that case.`,
  noNegatives: 'No negative samples in yTrue: the false positive rate is meaningless (NaN).',
  noPositives: 'No positive samples in yTrue: the true positive rate is meaningless (NaN).',
  noPositivesRecall: 'No positive class found in yTrue: recall is set to one for all thresholds.',
  predNotInTrue: 'yPred contains classes not in yTrue: they are left out of the balanced accuracy.',
  r2TooFew: 'R² is not well-defined with fewer than two samples.',
  emptyInput: (what: string) => `${what} is not defined on zero samples.`,
  zeroWeights: (what: string) => `${what} is not defined when every sample weight is 0.`,
  smallGroup: (group: string, n: number, min: number) => `Group ${group} has ${n} rows (fewer than ${min}): its metrics are too noisy to trust.`,
  singleClassGroup: (group: string, label: string) => `Group ${group} has only one true class (${label}): rates that need both classes are undefined there.`,
  bootstrapNaN: (metric: string, dropped: number, total: number) =>
    `${metric}: ${dropped} of ${total} bootstrap resamples gave no value (e.g. a single-class resample) and were left out of the interval.`,
  bootstrapBias: (metric: string) =>
    `${metric}: the estimate lies outside its percentile interval, so the statistic is biased under resampling (the ECE typically is); bootstrap.method 'bca' corrects for that.`,
  positiveLabelGuess: (label: string) => `positiveLabel not given: using ${label} (the greater of the two labels, as scikit-learn's roc_auc_score does).`,
  notProbabilities: 'Scores outside [0, 1]: probability metrics (log loss, Brier score, calibration) were skipped.',
  curvesForFirstClasses: (classes: number, max: number) => `${classes} classes: one-vs-rest ROC and precision–recall curves are kept for the first ${max} only.`,
  probabilitiesNotNormalized: 'Class probabilities do not sum to 1 in every row: log loss renormalizes them, AUC uses them as given.',
  undefinedRatio: (what: string) => `${what} is undefined (0 / 0): every group has a zero rate.`,
};

/** A label as people read it in a message: strings quoted. */
export function formatLabel(label: unknown): string {
  return typeof label === 'string' ? JSON.stringify(label) : String(label);
}

/** Every refusal of the evaluation library (bad arguments, inputs that do not fit together), in one place. */
export const evaluationMessage = {
  notClassCurves: (fn: string) => `${fn}: pass { perClass, averages }, e.g. { perClass: ev.view.curves.rocPerClass, averages: ev.view.curves.rocAverages }.`,
  notConfusion: 'buildConfusionSpec: pass { labels, matrix }, e.g. evaluation.view.confusion.',
  notCurve: (fn: string) => `${fn}: pass a curve view { x, y, thresholds }, e.g. evaluation.view.curves.roc.`,
  notCalibration: 'buildCalibrationSpec: pass a calibration view, e.g. evaluation.view.curves.calibration.',
  notImportance: 'buildImportanceSpec: pass the result of permutationImportance().',
  notPartialDependence: 'buildPartialDependenceSpec: pass the result of partialDependence().',
  notResiduals: (fn: string) => `${fn}: pass a residuals view, e.g. evaluation.view.residuals.`,
  notSlice: 'buildSliceSpec: pass a slice view, e.g. evaluation.view.slices[0].',
  sliceNoMetric: (sliceName: string, metric: string, metricsList: string) => `buildSliceSpec: slice ${sliceName} has no metric '${metric}'; available: ${metricsList}.`,
  notThresholdTable: 'buildThresholdSpec: pass a threshold table, e.g. evaluation.view.thresholdTable.',
  notAProbability: (fn: string, i: number, pValue: number) => `${fn}: probability ${i} is ${pValue}, outside [0, 1]; pass probabilities (e.g. predictProba's positive column), not raw scores.`,
  badCriterion: (fn: string, got: string) => `${fn}: criterion must be 'maxF1', 'youden', { maxFbeta }, { targetPrecision }, { targetRecall } or { costFp, costFn }, got ${got}.`,
  unknownCriterion: (fn: string, c: string) => `${fn}: unknown criterion ${c}; use 'maxF1', 'youden', { maxFbeta }, { targetPrecision }, { targetRecall } or { costFp, costFn }.`,
  thresholdNotNumber: (t: string) => `metricsAtThreshold: threshold must be a number, got ${t}.`,
  notAModel: (fn: string, got: string) => `${fn}: model must be a fitted Classifier or Regressor (with kind, predict and, for classifiers, predictProba), got ${got}.`,
  baselineKindDiffers: (fn: string, bKind: string, modelKind: string) => `${fn}: the baseline is a ${bKind} but the model is a ${modelKind}; compare like with like.`,
  badPredictProba: (fn: string, got: string) => `${fn}: model.predictProba must return { classes, rows, data: Float64Array }, got ${got}.`,
  idColumnNeedsTable: (fn: string, got: string) => `${fn}: idColumn names a column of a test table; testData is ${got} (pass an arquero table with the id column).`,
  noLabelOption: (fn: string, namesList: string) => `${fn}: testData is a table: name its target column with { label: '…' } (columns: ${namesList}).`,
  noLabelColumn: (fn: string, label: string, namesList: string) => `${fn}: no label column "${label}" in testData (columns: ${namesList}).`,
  missingFeatures: (fn: string, missingList: string) => `${fn}: feature columns ${missingList} are not in testData.`,
  missingSliceColumns: (fn: string, absentList: string, namesList: string) => `${fn}: slice columns ${absentList} are not in testData (columns: ${namesList}).`,
  badTestData: (fn: string, got: string) => `${fn}: testData must be an arquero table (with options.label) or { x, y, groups? }, got ${got}.`,
  badIdColumn: (fn: string, namesList: string, got: string) => `${fn}: idColumn must name a column of testData (columns: ${namesList}), got ${got}.`,
  idColumnIsInput: (fn: string, id: string) => `${fn}: idColumn "${id}" is also the label or a feature; row ids must not be model inputs.`,
  idEmpty: (fn: string, id: string, i: number) => `${fn}: idColumn "${id}" is empty at row ${i}; every row needs an id.`,
  idRepeats: (fn: string, id: string, key: string) => `${fn}: idColumn "${id}" repeats the id ${key}; ids must be unique to match rows across runs.`,
  badPredictionsInput: (fn: string, got: string) => `${fn}: pass { yTrue, yScore | yProba | yPred, groups?, ids? }, got ${got}.`,
  optionsNotObject: (fn: string, got: string) => `${fn}: options must be an object, got ${got}.`,
  idsLength: (fn: string, n: string, got: string) => `${fn}: ids must be one id per row (${n}), got ${got}.`,
  idsNotUnique: (fn: string, i: number, idsValue: string) => `${fn}: ids must be unique and non-empty; row ${i} has ${idsValue}.`,
  noSensitiveFeatures: (fn: string) => `${fn}: pass the groups as { sensitiveFeatures: table.array('sex') } (or several columns by name).`,
  noGroupColumns: (fn: string) => `${fn}: name at least one column to group by.`,
  noGroupColumn: (fn: string, name: string, columnsList: string) => `${fn}: no group column "${name}"; columns: ${columnsList}.`,
  groupLengthDiffers: (fn: string, namesValue: string, aLength: number, rows: number) => `${fn}: group column "${namesValue}" has ${aLength} values for ${rows} rows.`,
  badGroupValue: (column: string, got: string) => `collectGroups: column "${column}" holds ${got}; group by strings, numbers or booleans.`,
  gatesNotArray: `evaluateGates: gates must be an array, e.g. ['auc >= 0.8'].`,
  badGate: (got: string) => `Gate must be a string like 'auc >= 0.8' or an object { metric, op, value }, got ${got}.`,
  badGateOp: (where: string, op: string) => `${where}: op must be one of >=, <=, >, <; got ${op}.`,
  badGateValue: (where: string, got: string) => `${where}: value must be a finite number, got ${got}.`,
  badGateRelative: (where: string) => `${where}: relative must be 'drop' or 'rise'.`,
  badGateBound: (where: string) => `${where}: bound must be 'estimate', 'lower' or 'upper'.`,
  gateRelativeAndSliced: (where: string) => `${where}: a gate is either relative to the baseline or per slice, not both.`,
  /** `at`: the 0-based offset of the problem in `src`, shown with a caret under it. */
  gateSyntax: (text: string, what: string, at: number, src: string) =>
    `Gate '${text}': ${what} at column ${at + 1}.\n  ${src}\n  ${' '.repeat(at)}^\n  Forms: 'auc >= 0.8', 'auc drop <= 0.01', 'recall[sex] >= 0.7', 'auc.lower >= 0.75'.`,
  gateUnknownMetric: (where: string, name: string, guess: string | undefined, known: string) => `${where}: unknown metric ${name}${guess ? `; did you mean '${guess}'?` : ''} Known: ${known}.`,
  percentilesEqual: (fn: string, percentilesList: string) => `${fn}: the percentiles ${percentilesList} of the feature are (nearly) equal; choose percentiles further apart or pass { values }.`,
  badModelOutput: (fn: string, got: string) => `${fn}: the model must return class probabilities or one number per row, got ${got}.`,
  yLengthDiffers: (fn: string, yLength: number, frameRows: number) => `${fn}: y has ${yLength} values for ${frameRows} rows of x.`,
  /** `classes`: the first few labels, formatted; `more`: whether there are others. */
  notBinary: (fn: string, count: number, classes: string, more: boolean) =>
    `${fn}: yTrue has ${count} classes (${classes}${more ? ', …' : ''}); this metric is binary: pass { positiveLabel } to score one class against the rest.`,
  featureNamesLength: (fn: string, labelsLength: number, xCols: number) => `${fn}: featureNames has ${labelsLength} names for ${xCols} columns.`,
  badFeatures: (fn: string, got: string) => `${fn}: x must be an arquero table, a Matrix { rows, cols, data } or rows of numbers, got ${got}.`,
  noFeature: (fn: string, feature: string, namesList: string) => `${fn}: no feature ${feature}; features: ${namesList}.`,
  noPredictions: (fn: string) => `${fn}: give the predictions as yScore (binary scores), yProba (class probabilities) or yPred (labels or regression values).`,
  badYTrue: (fn: string, got: string) => `${fn}: yTrue must be an array of labels or values, got ${got}.`,
  emptyEvaluation: (fn: string) => `${fn}: yTrue is empty; an evaluation needs rows.`,
  regressionNeedsYPred: (fn: string) => `${fn}: a regression evaluation needs yPred (the predicted values).`,
  probaColumnsNotClasses: (fn: string, probaCols: number, classesLength: number, classesList: string) =>
    `${fn}: yProba has ${probaCols} columns but there are ${classesLength} classes (${classesList}); give a Probabilities (with classes) from predictProba.`,
  labelsNotModelClasses: (fn: string, missingList: string, classesList: string) => `${fn}: labels ${missingList} are not among the model's classes ${classesList}.`,
  predictedLabelsNotModelClasses: (fn: string, foreignList: string, classesList: string) =>
    `${fn}: labels ${foreignList} are not among the model's classes ${classesList} (check the label column's type, e.g. 1 vs "1").`,
  tooManyClassesForBinary: (fn: string, classesLength: number) => `${fn}: ${classesLength} classes for a binary evaluation; use task: 'multiclass' or pass class probabilities.`,
  noPositiveColumn: (fn: string, positive: string, classesList: string) => `${fn}: cannot find the probability column of positive label ${positive} among classes ${classesList}.`,
  binaryNeedsPredictions: (fn: string) => `${fn}: a binary evaluation needs yScore, yProba or yPred.`,
  emptyRegression: (fn: string) => `${fn}: yTrue is empty; a regression metric needs at least one row.`,
  badScoreRow: (fn: string, name: string, i: number, cols: number, got: string) => `${fn}: ${name}[${i}] must be an array of ${cols} numbers (one per class), got ${got}.`,
  scoreMatrixSize: (fn: string, name: string, dataLength: number, mRows: number, cols: number) => `${fn}: ${name} has ${dataLength} values, expected rows × classes = ${mRows} × ${cols}.`,
  badScoreMatrix: (fn: string, name: string, got: string) => `${fn}: ${name} must be class probabilities: a Probabilities from predictProba, a Matrix, or rows of numbers; got ${got}.`,
  scoreNotFinite: (fn: string, name: string, i: number, i2: number, x: string) => `${fn}: ${name} row ${i}, column ${i2} is ${x}; scores must be finite numbers.`,
  notAPredictor: (fn: string, got: string) => `${fn}: model must be a fitted Classifier/Regressor or a function (x) => predictions, got ${got}.`,
  badCustomScoring: (fn: string) => `${fn}: a custom scoring needs { score: (yTrue, prediction) => number, greaterIsBetter }.`,
  unknownScoring: (fn: string, chosen: string, METRIC_INFOList: string) => `${fn}: unknown scoring ${chosen}; use a metric name (${METRIC_INFOList}) or { score, greaterIsBetter }.`,
  scoringNeedsProba: (fn: string, m: string, got: string) => `${fn}: scoring '${m}' needs class probabilities; the predictor returned ${got}.`,
  scoringUnavailable: (fn: string, m: string) => `${fn}: scoring '${m}' is not available for permutation importance; choose another metric or pass { score, greaterIsBetter }.`,
  interrupted: 'The evaluation was interrupted.',
  badStatistic: 'bootstrapCI: statistic must be a function (counts) => number, e.g. (w) => f1Score(y, p, { sampleWeight: w }).value.',
  metricsNotNamed: (fn: string, got: string) => `${fn}: name the metrics, e.g. ['auc'], got ${got}.`,
  unknownMetric: (fn: string, unknown: string[], task: string, known: string) => `${fn}: ${unknown.join(', ')} ${unknown.length > 1 ? 'are' : 'is'} not a ${task} metric; choose from ${known}.`,
  metricsNeedScores: (fn: string, valueList: string) => `${fn}: ${valueList} need scores (yScore or yProba), not hard predictions.`,
  multiclassNeedsPredictions: (fn: string) => `${fn}: a multiclass evaluation needs yProba or yPred.`,
  cannotCompute: (fn: string, missingList: string) => `${fn}: cannot compute ${missingList} from these predictions (probability metrics need scores in [0, 1]; ranking metrics need scores).`,
  compareRowsDiffer: (n: number, n2: number) => `compare: the model was evaluated on ${n} rows and the baseline on ${n2}; a paired comparison needs the same rows.`,
  probabilityOutOfRange: (fn: string, i: number, p: number) => `${fn}: yProb[${i}] is ${p}; probabilities must be within [0, 1].`,
  noLabels: (fn: string) => `${fn}: labels is empty; give at least one label.`,
  notLabelArray: (fn: string, name: string, got: string) => `${fn}: ${name} must be an array of class labels (numbers, strings or booleans), got ${got}.`,
  /** A score matrix whose columns do not match the classes (`list`: the classes, when they help). */
  columnsNotClasses: (fn: string, name: string, cols: number, classes: number, list?: string) =>
    `${fn}: ${name} has ${cols} columns but there are ${classes} classes${list === undefined ? '' : ` (${list})`}; pass { labels } in column order.`,
  labelNotFinite: (fn: string, name: string, i: number, v: number | string | boolean) => `${fn}: ${name}[${i}] is ${v}; class labels must be finite.`,
  badLabel: (fn: string, name: string, i: number, got: string) => `${fn}: ${name}[${i}] is ${got}; class labels must be numbers, strings or booleans (drop or fill missing labels first).`,
  mixedLabelTypes: (fn: string, name: string, kind: string, t: string) => `${fn}: ${name} mixes ${kind} and ${t} labels; use one type for every label (e.g. all strings).`,
  labelNotAClass: (fn: string, name: string, i: number, v: string, classesList: string) => `${fn}: ${name}[${i}] is ${v}, which is not one of the classes ${classesList}.`,
  stringLabelsNeedPositive: (fn: string, classesList: string, last: string) => `${fn}: labels are strings (${classesList}); name the positive class with { positiveLabel: ${last} }.`,
  oneLabelOnly: (fn: string, labelsList: string) => `${fn}: yTrue contains only one label (${labelsList}); give every class explicitly with { labels: [...] }.`,
  classCountsDiffer: (fn: string, labelsLength: number, cols: number) =>
    `${fn}: yTrue and yProba have different numbers of classes (${labelsLength} vs ${cols}); give the classes in column order with { labels: [...] }.`,
  multiclassWithBinaryAverage: (fn: string, presentLength: number) =>
    `${fn}: the target is multiclass (${presentLength} labels) but average is 'binary'; choose one of { average: 'macro' | 'micro' | 'weighted' }.`,
  badPositiveLabel: (fn: string, positive: string, presentList: string) => `${fn}: positiveLabel ${positive} is not a valid label; it should be one of ${presentList}.`,
  partialAucNotBinary: (fn: string) => `${fn}: partial AUC (maxFpr) is only defined for binary problems; remove maxFpr.`,
  multiclassNeedsProba: (fn: string, classesLength: number) =>
    `${fn}: yTrue has ${classesLength} classes but yScore is one score per row; pass class probabilities (rows × classes) for a multiclass AUC.`,
  scoresNotProbabilities: (fn: string) => `${fn}: multiclass scores must be probabilities that sum to 1 over classes in every row (e.g. predictProba's output).`,
  labelsNotScoreClasses: (fn: string, missingList: string, labelsList: string) => `${fn}: yTrue contains ${missingList}, not among the score columns' classes ${labelsList}.`,
  notNumberArray: (fn: string, name: string, got: string) => `${fn}: ${name} must be an array of numbers (or a Float64Array), got ${got}.`,
  notANumber: (fn: string, name: string, i: number, got: string) => `${fn}: ${name}[${i}] is ${got}, not a number. Convert the column first, e.g. table.array('${name}', Float64Array).`,
  notFinite: (fn: string, name: string, i: number, v: number) => `${fn}: ${name}[${i}] is ${v}; ${name} must be finite (drop or impute missing rows first).`,
  lengthsDiffer: (fn: string, name: string, vLength: number, n: number) => `${fn}: ${name} has ${vLength} elements but yTrue has ${n}; they must describe the same rows.`,
  weightsLengthDiffer: (fn: string, wLength: number, n: number) => `${fn}: sampleWeight has ${wLength} elements but yTrue has ${n}.`,
  negativeWeight: (fn: string, i: number, wValue: number) => `${fn}: sampleWeight[${i}] is ${wValue}; weights must be ≥ 0.`,
  notOneOf: (fn: string, name: string, allowedList: string, value: string) => `${fn}: ${name} must be one of ${allowedList}, got ${value}.`,
  notNumberIn: (fn: string, name: string, min: number, max: number, got: string) => `${fn}: ${name} must be a number in [${min}, ${max}], got ${got}.`,
  badSeed: (seed: string) => `createRng: seed must be a finite number, got ${seed}.`,
  slicesWithoutGroups: (slices: string) => `slices ${slices} were requested but no group columns were given (pass groups, or a table holding those columns).`,
  notEvaluationView: (EVALUATION_VIEW_KIND: string, got: string) => `Evaluation.fromJSON: not an evaluation view (expected kind '${EVALUATION_VIEW_KIND}'), got ${got}.`,
  unsupportedViewVersion: (vVersion: string, EVALUATION_VIEW_VERSION: number) =>
    `Evaluation.fromJSON: view version ${vVersion} is not supported (this Modelbook reads version ${EVALUATION_VIEW_VERSION}).`,
  noThresholdTable: (task: string) => `atThreshold: only binary evaluations with scores have a threshold table (this is ${task}).`,
  noSliceThresholds: (slice: string) => `sliceAtThreshold: slice '${slice}' has no threshold counts (only binary evaluations with scores keep them per group).`,
  unknownSlice: (slice: string, known: readonly string[]) =>
    `sliceAtThreshold: no slice '${slice}' in this evaluation${known.length ? ` (its slices: ${known.map((k) => `'${k}'`).join(', ')})` : ': evaluate with slices: [...] to get one'}.`,
};
