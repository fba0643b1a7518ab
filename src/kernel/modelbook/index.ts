/**
 * The `modelbook` module as cells load it in the kernel: the pure API of src/core plus what needs
 * Node (reading files from the workspace). Built to dist/modelbook.mjs.
 */
export * from '../../core/modelbook/index';
export * from './data';
// Recorded versions of the calls that make runs (see recording.ts); they shadow the plain ones.
export { crossValidate, gridSearch, randomSearch, halvingSearch, evaluate, evaluatePredictions } from './recording';
export { runs } from './runs';
export { exportModel, loadModel, type ExportModelOptions } from './package';
export { monitor } from './monitor';
export type { MonitorOptions } from '../../core/monitor/computeMonitor';
export type { RuleInput } from '../../core/monitor/rules/parseRule';
export type { Severity } from '../../core/monitor/contract';
export { problem, modelCard, type ModelCardOptions } from './card';
export { stakeholderReport, type StakeholderReportOptions } from './report';
export { checkpoint, defineCheckpoint, checkpoints } from './checkpoints';
