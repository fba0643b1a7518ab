// Public API of src/core/evaluation, re-exported by the `modelbook` module (src/core/modelbook/index.ts).
export type { Average, MetricResult, MetricWarning, SampleWeight, ScoreMatrix, WarningCode, ZeroDivision } from './metrics/types';
export { accuracyScore, balancedAccuracyScore } from './metrics/accuracy';
export { f1Score, fbetaScore, precisionRecallFscoreSupport, precisionScore, recallScore, type PrecisionRecallFscoreSupport, type PrecisionRecallOptions } from './metrics/precisionRecallF';
export { matthewsCorrcoef } from './metrics/matthews';
export { confusionMatrix, type ConfusionMatrix, type ConfusionMatrixOptions } from './metrics/confusionMatrix';
export { rocAucScore, type RocAucOptions } from './metrics/rocAuc';
export { averagePrecisionScore, prAucScore, type AveragePrecisionOptions } from './metrics/averagePrecision';
export { logLoss, type LogLossOptions } from './metrics/logLoss';
export { brierScoreLoss } from './metrics/brierScore';
export { expectedCalibrationError } from './metrics/calibrationError';
export { calibrationCurve, type CalibrationCurve, type CalibrationOptions, type BinStrategy } from './curves/calibrationCurve';
export { meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError, medianAbsoluteError, rootMeanSquaredError } from './metrics/regressionErrors';
export { explainedVarianceScore, r2Score } from './metrics/r2Score';
export { rocCurve, type RocCurve, type RocCurveOptions } from './curves/rocCurve';
export { precisionRecallCurve, type PrecisionRecallCurve } from './curves/precisionRecallCurve';
export { confusionMetrics, type BinaryConfusion, type ThresholdMetrics } from './metrics/confusionRates';
export { metricsAtThreshold, snapThreshold, thresholdSweep, thresholdTable, type ThresholdTable, type ThresholdTableOptions } from './curves/thresholdTable';
export { pickThreshold, type PickedThreshold, type ThresholdCriterion } from './curves/pickThreshold';
export { bootstrapMetrics, type MetricInterval } from './intervals/bootstrapMetrics';
export { bootstrapCI, type BootstrapMethod, type BootstrapOptions, type BootstrapResult, type ConfidenceInterval, type ResampleScheme } from './intervals/bootstrap';
export {
  demographicParityDifference,
  demographicParityRatio,
  equalizedOddsDifference,
  equalizedOddsRatio,
  equalOpportunityDifference,
  equalOpportunityRatio,
  FAIRNESS_METRICS,
  type FairnessMethod,
  type FairnessMetricName,
  type FairnessOptions,
} from './fairness/fairness';
export {
  METRIC_INFO,
  metricsOf,
  type MetricInfo,
  type MetricName,
  type Task as EvaluationTask,
  type BinaryMetricName,
  type MulticlassMetricName,
  type RegressionMetricName,
} from './metrics/metricCatalog';
export { parseGate, formatGate } from './gates/parseGate';
export { evaluateGates } from './gates/gates';
export type { Gate, GateOp, GateResult, GateSpec, GateKind, GateGroupResult } from './gates/gateTypes';
export { evaluatePredictions, type EvaluationOptions } from './evaluate/fromPredictions';
export type { Predictions, PredictionsInput } from './inputs/predictions';
export { evaluate, type EvaluateOptions, type EvaluationData } from './evaluate/fromModel';
export { Evaluation } from './view/evaluationResult';
export { buildEvaluationCharts, type EvaluationCharts } from './view/buildCharts';
export * from './contract';
export { buildCalibrationSpec, buildPrSpec, buildRocSpec } from './charts/curveSpecs';
export { buildClassPrSpec, buildClassRocSpec, type ClassCurves } from './charts/classCurveSpecs';
export { buildConfusionSpec } from './charts/confusionSpec';
export { buildThresholdSpec } from './charts/thresholdSpec';
export { buildResidualHistogramSpec, buildResidualSpec } from './charts/residualSpecs';
export { buildSliceSpec } from './charts/sliceSpec';
export type { VegaLiteSpec, ChartOptions } from './charts/common';
export { permutationImportance, type FeatureImportance, type PermutationImportance, type PermutationImportanceOptions } from './importance/permutationImportance';
export { partialDependence, type PartialDependence, type PartialDependenceOptions } from './importance/partialDependence';
export type { Prediction, Predictor, Scoring } from './inputs/scoring';
export { buildImportanceSpec, buildPartialDependenceSpec } from './charts/explainSpecs';
