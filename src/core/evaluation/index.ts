// Public API of src/core/evaluation, re-exported by the `modelbook` module (src/core/modelbook/index.ts).
export type { Average, MetricResult, MetricWarning, SampleWeight, ScoreMatrix, WarningCode, ZeroDivision } from './types';
export { accuracyScore, balancedAccuracyScore } from './accuracy';
export { f1Score, fbetaScore, precisionRecallFscoreSupport, precisionScore, recallScore, type PrecisionRecallFscoreSupport, type PrecisionRecallOptions } from './precisionRecallF';
export { matthewsCorrcoef } from './matthews';
export { confusionMatrix, type ConfusionMatrix, type ConfusionMatrixOptions } from './confusionMatrix';
export { rocAucScore, type RocAucOptions } from './rocAuc';
export { averagePrecisionScore, prAucScore, type AveragePrecisionOptions } from './averagePrecision';
export { logLoss, type LogLossOptions } from './logLoss';
export { brierScoreLoss } from './brierScore';
export { expectedCalibrationError } from './calibrationError';
export { calibrationCurve, type CalibrationCurve, type CalibrationOptions, type BinStrategy } from './calibrationCurve';
export { meanAbsoluteError, meanAbsolutePercentageError, meanSquaredError, medianAbsoluteError, rootMeanSquaredError } from './regressionErrors';
export { explainedVarianceScore, r2Score } from './r2Score';
export { rocCurve, type RocCurve, type RocCurveOptions } from './rocCurve';
export { precisionRecallCurve, type PrecisionRecallCurve } from './precisionRecallCurve';
export { confusionMetrics, type BinaryConfusion, type ThresholdMetrics } from './confusionRates';
export { metricsAtThreshold, snapThreshold, thresholdSweep, thresholdTable, type ThresholdTable, type ThresholdTableOptions } from './thresholdTable';
export { pickThreshold, type PickedThreshold, type ThresholdCriterion } from './pickThreshold';
export { bootstrapMetrics, type MetricInterval } from './bootstrapMetrics';
export { bootstrapCI, type BootstrapMethod, type BootstrapOptions, type BootstrapResult, type ConfidenceInterval, type ResampleScheme } from './bootstrap';
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
} from './fairness';
export { METRIC_INFO, metricsOf, type MetricInfo, type MetricName, type Task as EvaluationTask, type BinaryMetricName, type MulticlassMetricName, type RegressionMetricName } from './metricCatalog';
export { parseGate, formatGate } from './parseGate';
export { evaluateGates } from './gates';
export type { Gate, GateOp, GateResult, GateSpec, GateKind, GateGroupResult } from './gateTypes';
export { evaluatePredictions, type EvaluationOptions } from './evaluatePredictions';
export type { Predictions, PredictionsInput } from './evaluationInputs';
export { evaluate, type EvaluateOptions, type EvaluationData } from './evaluate';
export { Evaluation } from './evaluation';
export { buildEvaluationCharts, type EvaluationCharts } from './evaluationCharts';
export * from './contract';
export { buildCalibrationSpec, buildPrSpec, buildRocSpec } from './charts/curveSpecs';
export { buildClassPrSpec, buildClassRocSpec, type ClassCurves } from './charts/classCurveSpecs';
export { buildConfusionSpec } from './charts/confusionSpec';
export { buildThresholdSpec } from './charts/thresholdSpec';
export { buildResidualHistogramSpec, buildResidualSpec } from './charts/residualSpecs';
export { buildSliceSpec } from './charts/sliceSpec';
export type { VegaLiteSpec, ChartOptions } from './charts/common';
export { permutationImportance, type FeatureImportance, type PermutationImportance, type PermutationImportanceOptions } from './permutationImportance';
export { partialDependence, type PartialDependence, type PartialDependenceOptions } from './partialDependence';
export type { Prediction, Predictor, Scoring } from './scoring';
export { buildImportanceSpec, buildPartialDependenceSpec } from './charts/explainSpecs';
