/**
 * Automatic experiment history: in a kernel, every fit, cross-validation, search and evaluation
 * done through the `modelbook` API writes a run record under `.modelbook/runs/` — the user calls
 * no logging function. Every estimator's `fit` goes through core's fit observer (`observeFit`);
 * the observer installed here records it. Which recorded call is running is tracked per async
 * context (AsyncLocalStorage, Node side, so src/core stays pure): fits nested in a recorded call
 * (a pipeline's estimator, CV folds, search trials) become part of that call's record instead of
 * records of their own, while concurrent calls (`Promise.all([a.fit(…), b.fit(…)])`) are each a run.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ColumnTable } from 'arquero';
import { kernelService } from '../../core/kernel/service';
import type { RunHandle, RunRecorder, GateResult as RunGate, MetricEstimate } from '../../core/runs/contract';
import { featuresFingerprint, type DataFingerprint } from '../../core/data/fingerprint';
import type { Features, FitOptions } from '../../core/models/contract';
import { setFitObserver, type FitSubject } from '../../core/models/fitObserver';
import { crossValidate as coreCrossValidate } from '../../core/validation/crossValidate';
import { gridSearch as coreGridSearch } from '../../core/validation/tuning/gridSearch';
import { randomSearch as coreRandomSearch } from '../../core/validation/tuning/randomSearch';
import { halvingSearch as coreHalvingSearch } from '../../core/validation/tuning/halvingSearch';
import type { SearchResult } from '../../core/validation/tuning/searchResult';
import type { Model } from '../../core/validation/model';
import { _trainPartOf } from '../../core/validation/trainTestSplit';
import { _evaluateWithRows, type evaluate as coreEvaluate } from '../../core/evaluation/evaluate/fromModel';
import { _evaluatePredictionsWithRows, type evaluatePredictions as coreEvaluatePredictions } from '../../core/evaluation/evaluate/fromPredictions';
import type { EvaluationWithRows } from '../../core/evaluation/evaluate/evaluatedRows';
import { collectConfusionRecord } from '../../core/evaluation/view/confusionRecord';
import { keepPredictions, type EvaluatedRows } from '../../core/review/keepPredictions';
import { openRunRecorder } from '../../store/runs/recorder';
import { runMessage } from '../../core/runs/messages';
import type { DataFindingRef, PipelineStepRecord, RunRecord } from '../../core/runs/contract';
import { collectFindingRefs, collectPIIFindingRefs, collectPipelineSteps, collectSplitter } from '../../core/runs/structure';
import { scanPII } from '../../core/data/scanPII';
import { _qualityReport } from '../../core/data/qualityReport';
import { saveEvaluationSource, saveFitArtifacts } from './exportArtifacts';
import type { LifecycleCheck } from '../../core/checkpoints/contract';
import { recordLifecycleRun } from '../../core/lifecycle/lifecycleRun';
import { rememberTable } from './sessionFacts';
import type { FeatureStep } from '../../core/features/contract';
import { PREPROCESSOR_TAG } from '../../core/runs/preprocessorRuns';
import { setStepFitObserver } from '../../core/features/stepFitObserver';
import { splitWithLineage, tableFingerprint } from './splitLineage';

let recorder: RunRecorder | undefined;

/** What an export needs of an evaluation that `evaluate` or `evaluatePredictions` returned: its run, rows, test table and label. */
export interface EvaluationSource {
  runId?: string;
  rows: () => EvaluatedRows;
  test?: ColumnTable;
  label?: string;
}
const evaluationSources = new WeakMap<object, EvaluationSource>();
/** The fit run of each estimator fitted in this kernel (its latest fit). */
const fitRuns = new WeakMap<object, string>();
/** The training table of each estimator's latest recorded fit, for the leak check at evaluation. */
const fitTables = new WeakMap<object, ColumnTable>();

/**
 * Where an Evaluation came from (evaluate() or evaluatePredictions() in this kernel), for exportModel.
 *
 * @example
 * evaluationSource(ev)?.runId // '01JD…'
 */
export function evaluationSource(evaluation: object): EvaluationSource | undefined {
  return evaluationSources.get(evaluation);
}

/**
 * The id of the run that recorded a model's latest fit in this kernel, if one did.
 *
 * @example
 * fitRunOf(pipe) // '01JD…'
 */
export function fitRunOf(model: object): string | undefined {
  return fitRuns.get(model);
}
/** The latest evaluation run of each model evaluated in this kernel (what modelCard({ model }) documents). */
const evaluationRuns = new WeakMap<object, string>();

/**
 * The id of the run that recorded a model's latest evaluation in this kernel, if one did.
 *
 * @example
 * evaluationRunOf(pipe) // '01JD…'
 */
export function evaluationRunOf(model: object): string | undefined {
  return evaluationRuns.get(model);
}

/**
 * Records documentation a cell wrote (a `problem()` definition, a `modelCard()`'s prose) as a
 * finished run of that kind, written at once; undefined outside a kernel or when recording fails
 * (documentation must never stop the user's work).
 *
 * @example
 * recordDocument('problem', 'problem', { objective: '…' })?.id
 */
export function recordDocument(kind: 'problem' | 'card', name: string, params: Record<string, unknown>): RunRecord | undefined {
  const r = activeRecorder();
  if (!r) return undefined;
  try {
    const run = r.start({ name, kind, params });
    run.finish();
    run.flush();
    return run.record();
  } catch {
    return undefined;
  }
}

/**
 * Records a lifecycle step (`lifecycle:export`, `lifecycle:promote`) as a finished checkpoint run:
 * passed, or overridden with the reason and what was missing. Undefined outside a kernel or when
 * recording fails (the export itself has happened).
 *
 * @example
 * recordLifecycle(check, { reason: 'demo for the team', package: manifest.contentHash })?.id
 */
export function recordLifecycle(check: LifecycleCheck, extra: { reason?: string; package?: string }): RunRecord | undefined {
  const r = activeRecorder();
  if (!r) return undefined;
  try {
    return recordLifecycleRun(r, check, extra);
  } catch {
    return undefined;
  }
}

/**
 * Records a checkpoint's result as a finished run of kind 'checkpoint' (params, metrics and gate in
 * the layout of `checkpointRecord`), or a failed one when the check itself threw; returns its id
 * (undefined outside a kernel or when recording fails: a checkpoint's verdict still shows).
 *
 * @example
 * recordCheckpoint('fairness', checkpointRecord(result))
 */
export function recordCheckpoint(id: string, recorded: { params: Record<string, unknown>; metrics: Record<string, number>; gates: RunGate[] } | undefined, error?: string): string | undefined {
  const r = activeRecorder();
  if (!r) return undefined;
  try {
    const run = r.start({ name: id, kind: 'checkpoint', params: recorded?.params ?? { checkpoint: id } });
    if (recorded) {
      run.addGates(recorded.gates);
      run.finish(recorded.metrics);
    } else run.fail(new Error(error));
    run.flush();
    return run.id;
  } catch {
    return undefined;
  }
}

/** The recorded call running in this async context, if any: fits inside it are part of its record. */
const enclosingRun = new AsyncLocalStorage<RunHandle>();

/** The kernel's recorder, opened on the first recorded run (undefined outside a kernel). */
function activeRecorder(): RunRecorder | undefined {
  const kernel = kernelService();
  if (!kernel?.workspaceDir || !kernel.runContext) return undefined;
  const context = kernel.runContext;
  recorder ??= openRunRecorder(kernel.workspaceDir, { context: () => context() });
  return recorder;
}

/** Runs `body` as a recorded run of `kind`, or plainly when nested or outside a kernel. */
async function recorded<T>(start: (r: RunRecorder) => RunHandle, body: (run: RunHandle | undefined) => Promise<T>, complete: (run: RunHandle, result: T) => void): Promise<T> {
  // A timer or promise created inside a recorded call keeps its context after the call ends; a
  // fit started from there is no longer part of that call's record.
  const r = enclosingRun.getStore()?.status === 'running' ? undefined : activeRecorder();
  if (!r) return body(undefined);
  let run: RunHandle;
  try {
    run = start(r);
  } catch {
    return body(undefined); // recording must never stop the user's work
  }
  try {
    const result = await enclosingRun.run(run, () => body(run));
    try {
      complete(run, result);
    } catch (e) {
      run.note(runMessage.recorderIncomplete((e as Error).message));
      run.end();
    }
    return result;
  } catch (e) {
    run.end(e);
    throw e;
  }
}

/**
 * Tables up to this many cells (rows × columns) get their data-quality findings and PII scan
 * recorded: the quality check costs about 0.2 µs… 2 µs a cell (200,000 × 12 took 0.4 s of CPU) and
 * the PII scan reads at most 10,000 sampled rows a column, so above it the run keeps only the
 * fingerprint and a diff says the findings were not checked.
 */
const QUALITY_CELLS = 1_000_000;

/**
 * The table's PII scan and quality findings when it is small enough to check cheaply (never the
 * user's error). PII comes first, so the findings limit never cuts it for quality findings.
 */
function qualityFindings(x: ColumnTable, label: string | undefined): DataFindingRef[] | undefined {
  try {
    if (x.numRows() * x.numCols() > QUALITY_CELLS) return undefined;
    const names = x.columnNames();
    const pii = collectPIIFindingRefs(scanPII(x).columns);
    return collectFindingRefs([...pii, ...collectFindingRefs(_qualityReport(x, label !== undefined && names.includes(label) ? { label } : {}).findings)]);
  } catch {
    return undefined;
  }
}

/** The label's column name when the caller named one (a label can also be an array of targets). */
const labelName = (label: unknown): string | undefined => (typeof label === 'string' ? label : undefined);

/** Attaches the data's fingerprint (returned, for reuse) and, for a small table, its quality findings. */
function attachFeatures(run: RunHandle, role: 'train' | 'test', x: unknown, label?: string): DataFingerprint | undefined {
  try {
    const fp = isTable(x) ? tableFingerprint(x) : featuresFingerprint(x as Features);
    run.attachData(role, fp, undefined, isTable(x) ? qualityFindings(x, label) : undefined);
    if (isTable(x)) rememberTable(run.id, x);
    return fp;
  } catch {
    return undefined; // an unusual input shape: the run is still recorded, without a fingerprint
  }
}

function isTable(x: unknown): x is ColumnTable {
  return typeof x === 'object' && x !== null && typeof (x as ColumnTable).numRows === 'function' && typeof (x as ColumnTable).columnNames === 'function';
}

type Spec = { type: string; params: Record<string, unknown> };

/**
 * A run's name and parameters from a model spec. A pipeline is named after its estimator
 * (`Pipeline(LogisticRegression)`) and recorded with the estimator's parameters plus its steps in
 * order — what a reader compares across runs — rather than the nested spec.
 */
function describeSpec(spec: Spec): { name: string; params: Record<string, unknown>; pipeline?: PipelineStepRecord[] } {
  const est = spec.params.estimator as Spec | undefined;
  const steps = spec.params.steps as { type?: string }[] | undefined;
  if (spec.type !== 'Pipeline' || !est || typeof est.type !== 'string') return { name: spec.type, params: spec.params };
  const params: Record<string, unknown> = { ...est.params };
  if (Array.isArray(steps) && steps.length > 0) params.steps = steps.map((s) => s.type ?? '?').join(' → ');
  const pipeline = collectPipelineSteps(spec);
  return { name: `Pipeline(${est.type})`, params, ...(pipeline ? { pipeline } : {}) };
}

/** Records each fit not nested in another recorded call as a `fit` run, with its progress as history. */
function observeFit<O extends FitOptions, T>(estimator: FitSubject, x: unknown, options: O, fit: (options: O) => Promise<T>): Promise<T> {
  let fingerprint: DataFingerprint | undefined;
  return recorded(
    (r) => {
      const { name, params, pipeline } = describeSpec(estimator.spec());
      const seed = typeof params.seed === 'number' ? params.seed : undefined;
      const split = splitWithLineage(x);
      const run = r.start({ name, kind: 'fit', params, ...(pipeline ? { pipeline } : {}), ...(seed !== undefined ? { seed } : {}), ...(split ? { splitter: split } : {}) });
      fingerprint = attachFeatures(run, 'train', x);
      return run;
    },
    (run) => {
      if (!run) return fit(options);
      const onProgress = options.onProgress;
      return fit({ ...options, onProgress: (p) => (run.onProgress(p), onProgress?.(p)) });
    },
    (run) => {
      fitRuns.set(estimator, run.id);
      if (isTable(x)) fitTables.set(estimator, x);
      else fitTables.delete(estimator);
      saveFitArtifacts(run, estimator, x, isTable(x) ? fingerprint : undefined);
      if (typeof estimator.summary === 'function') run.setModel(estimator.summary() as never);
      if ((estimator as { history?: { stopReason?: string } }).history?.stopReason === 'interrupted') run.interrupt('the cell was interrupted during training');
      else run.finish();
    },
  );
}

setFitObserver({ observeFit });

/**
 * Records a preprocessor fitted on its own (not inside a recorded fit such as a Pipeline's) as a
 * finished `fit` run tagged `preprocessor`: the table it learned from by fingerprint, and the split
 * that table came from, so split-before-fit reads it from the records, after a restart too. No
 * quality findings (the model's fit records those), and the default run lists leave it out.
 */
function recordStepFit(step: FeatureStep, table: ColumnTable): void {
  if (enclosingRun.getStore()?.status === 'running') return;
  const r = activeRecorder();
  if (!r) return;
  try {
    const split = splitWithLineage(table);
    const run = r.start({ name: step.type, kind: 'fit', params: step.params, tags: [PREPROCESSOR_TAG], ...(split ? { splitter: split } : {}) });
    run.attachData('train', tableFingerprint(table));
    rememberTable(run.id, table);
    run.finish();
    run.flush();
  } catch {
    // recording must never stop the user's work
  }
}
setStepFitObserver(recordStepFit);

type ModelLike = { spec(): { type: string; params: Record<string, unknown> } };

/**
 * `crossValidate`, recorded as a `cv` run with one child run per fold. See the core function for its options.
 *
 * @example
 * const cv = await crossValidate(pipe, penguins, { label: 'species', cv: 5, scoring: ['accuracy', 'f1Macro'] });
 * cv.mean.accuracy; cv.table(); // and a `cv` run with one child per fold in .modelbook/runs
 */
export const crossValidate: typeof coreCrossValidate = (model, data, options) =>
  recorded(
    (r) => {
      const { name, params, pipeline } = describeSpec((model as ModelLike).spec());
      const splitter = collectSplitter(options?.cv ?? 5);
      const split = splitWithLineage(data);
      const run = r.start({ name: `cross-validate ${name}`, kind: 'cv', params, ...(pipeline ? { pipeline } : {}), ...(splitter ? { splitter } : {}), ...(split ? { split } : {}) });
      attachFeatures(run, 'train', data, labelName(options?.label));
      return run;
    },
    () => coreCrossValidate(model, data, options),
    (run, result) => {
      for (const f of result.folds) run.child({ name: `fold ${f.fold}`, kind: 'fit', params: { fold: f.fold, trainRows: f.trainRows, testRows: f.testRows } }).finish(f.test);
      const metrics: Record<string, number> = {};
      for (const m of result.metrics) {
        metrics[m] = result.mean[m];
        metrics[`${m}Std`] = result.std[m];
      }
      run.finish(metrics);
    },
  );

function recordSearch<R extends SearchResult<Model>>(label: string, model: unknown, data: unknown, space: unknown, options: { cv?: unknown; label?: unknown }, body: () => Promise<R>): Promise<R> {
  return recorded(
    (r) => {
      const { name, params, pipeline } = describeSpec((model as ModelLike).spec());
      const splitter = collectSplitter(options.cv ?? 5);
      const seed = (options as { seed?: unknown }).seed;
      const split = splitWithLineage(data);
      const run = r.start({
        name: `${label} ${name}`,
        kind: 'search',
        params: { ...params, searchSpace: space as never },
        ...(pipeline ? { pipeline } : {}),
        ...(splitter ? { splitter } : {}),
        ...(split ? { split } : {}),
        ...(typeof seed === 'number' ? { seed } : {}),
      });
      attachFeatures(run, 'train', data, labelName(options.label));
      return run;
    },
    body,
    (run, result) => {
      for (const c of result.candidates) {
        const child = run.child({ name: `candidate ${c.index}`, kind: 'trial', params: c.params });
        if (c.index === result.bestIndex) child.tag('best');
        if (c.errors.length > 0) child.note(c.errors[0]);
        child.finish(c.mean);
      }
      run.logParams({ bestParams: result.bestParams as never });
      run.finish({ [result.metric]: result.bestScore });
    },
  );
}

/**
 * `gridSearch`, recorded as a `search` run with one `trial` child per candidate.
 *
 * @example
 * const search = await gridSearch(pipe, train, { label: 'species', paramGrid: { C: [0.01, 0.1, 1, 10] }, cv: 5 });
 * search.bestParams; search.table(); await search.bestEstimator!.predict(test);
 */
export const gridSearch: typeof coreGridSearch = (model, data, options) => recordSearch('grid search', model, data, options.paramGrid, options, () => coreGridSearch(model, data, options));
/**
 * `randomSearch`, recorded as a `search` run with one `trial` child per candidate.
 *
 * @example
 * const search = await randomSearch(new LogisticRegression(), train, { label: 'y', paramDistributions: { C: loguniform(1e-3, 1e2) }, nIter: 20, seed: 1 });
 */
export const randomSearch: typeof coreRandomSearch = (model, data, options) =>
  recordSearch('random search', model, data, options.paramDistributions, options, () => coreRandomSearch(model, data, options));
/**
 * `halvingSearch`, recorded as a `search` run with one `trial` child per candidate and round.
 *
 * @example
 * const search = await halvingSearch(pipe, train, { label: 'y', paramGrid: { C: [0.001, 0.01, 0.1, 1, 10, 100] }, factor: 3 });
 */
export const halvingSearch: typeof coreHalvingSearch = (model, data, options) =>
  recordSearch(
    'halving search',
    model,
    data,
    (options as { paramGrid?: unknown; paramDistributions?: unknown }).paramGrid ?? (options as { paramDistributions?: unknown }).paramDistributions,
    options,
    () => coreHalvingSearch(model, data, options),
  );

/**
 * Finishes an evaluation run: metrics, gates, and the per-row predictions kept beside the record
 * for model diffs (a failure to keep them is a note on the run, never the user's error).
 */
function completeEvaluation(run: RunHandle, { evaluation, rows }: EvaluationWithRows): void {
  const view = evaluation.view;
  try {
    run.keepPredictions(keepPredictions(rows()));
  } catch (e) {
    run.note(runMessage.predictionsNotKept((e as Error).message));
  }
  const metrics: Record<string, number | null | MetricEstimate> = {};
  for (const m of view.metrics) {
    metrics[m.name] = m.ci
      ? { value: m.value, ...(m.ci.lower !== null ? { low: m.ci.lower } : {}), ...(m.ci.upper !== null ? { high: m.ci.upper } : {}), level: m.ci.level, method: m.ci.method }
      : m.value;
  }
  const gates: RunGate[] = view.gates.map((g) => ({ name: g.gate, passed: g.passed, metric: g.metric, op: g.op, threshold: g.threshold, value: g.value, detail: g.reason }));
  if (gates.length > 0) run.addGates(gates);
  const confusion = collectConfusionRecord(view);
  if (confusion) run.setConfusion(confusion);
  run.logParams({ rows: view.rows, task: view.task, ...(view.threshold !== undefined ? { threshold: view.threshold } : {}), ...(view.baseline ? { baseline: baselineParams(view.baseline) } : {}) });
  run.finish(metrics);
}

/** The baseline comparison as an evaluation record keeps it (what the beats-baseline checkpoint reads). */
function baselineParams(b: NonNullable<EvaluationWithRows['evaluation']['view']['baseline']>): Record<string, unknown> {
  return {
    name: b.name,
    comparisons: b.comparisons.map((c) => ({
      metric: c.metric,
      model: c.model,
      baseline: c.baseline,
      difference: c.difference,
      ...(c.ci?.lower != null ? { low: c.ci.lower } : {}),
      ...(c.ci?.upper != null ? { high: c.ci.upper } : {}),
      ...(c.ci ? { level: c.ci.level } : {}),
      pValue: c.pValue,
    })),
  };
}

/**
 * `evaluate`, recorded as an `evaluation` run: metrics with their CIs, gate results, the test data's
 * fingerprint, and its per-row predictions as `.modelbook/runs/<id>.predictions` (rows identified
 * by `idColumn` when given, else by a hash of the row; at most 200,000, a sample by row hash above).
 *
 * @example
 * const ev = await evaluate(model, test, { label: 'churn', positiveLabel: 'yes', slices: ['sex'], gates: ['auc >= 0.8', 'recall[sex] >= 0.7'] });
 * ev.passed; ev.metric('auc'); // { value, ci: { lower, upper, … }, … }
 */
export const evaluate: typeof coreEvaluate = async (model, testData, options) =>
  (
    await recorded(
      (r) => {
        const spec = (model as Partial<ModelLike>).spec?.();
        const described = spec ? describeSpec(spec) : undefined;
        // A test part of trainTestSplit (or data made from one): the evaluation keeps how it was split, so a diff shows a changed split.
        const lineage = splitWithLineage(testData);
        const split = lineage?.params.parts?.role && lineage.params.parts.role !== 'test' ? undefined : lineage;
        // The bootstrap's seed when the cell gave one (the seeds-fixed checkpoint reads it).
        const bootstrapSeed = typeof options?.bootstrap === 'object' ? options.bootstrap.seed : undefined;
        const run = r.start({
          name: `evaluate ${options?.name ?? described?.name ?? 'model'}`,
          kind: 'evaluation',
          params: described?.params ?? {},
          ...(described?.pipeline ? { pipeline: described.pipeline } : {}),
          ...(split ? { splitter: split } : {}),
          ...(typeof bootstrapSeed === 'number' ? { seed: bootstrapSeed } : {}),
        });
        attachFeatures(run, 'test', isTable(testData) ? testData : (testData as { x?: unknown }).x, labelName(options?.label));
        const summary = (model as { summary?: () => unknown }).summary;
        if (typeof summary === 'function') run.setModel(summary.call(model) as never);
        return run;
      },
      async () => {
        const result = await _evaluateWithRows(model, testData, options);
        evaluationSources.set(result.evaluation, { rows: result.rows, ...(isTable(testData) ? { test: testData } : {}), ...(labelName(options?.label) ? { label: labelName(options?.label) } : {}) });
        return result;
      },
      (run, result) => {
        const fitted = typeof model === 'object' && model !== null ? model : undefined;
        // Test rows equal to a training row are duplicates, not a leak: "training" is the train part
        // split off with this test part when trainTestSplit made it (a pipeline fitted on all the
        // data holds every test row), else the table the pipeline was fitted on.
        const train = _trainPartOf(testData) ?? (fitted && fitTables.get(fitted));
        saveEvaluationSource(run, fitted && fitRuns.get(fitted), model, testData, train);
        completeEvaluation(run, result);
        if (fitted) evaluationRuns.set(fitted, run.id);
        const source = evaluationSources.get(result.evaluation);
        if (source) source.runId = run.id;
      },
    )
  ).evaluation;

/**
 * `evaluatePredictions`, recorded as an `evaluation` run.
 *
 * @example
 * const ev = await evaluatePredictions({ yTrue: test.array('churn'), yScore: scores }, { positiveLabel: 'yes', gates: ['auc >= 0.8'] });
 */
export const evaluatePredictions: typeof coreEvaluatePredictions = async (input, options) =>
  (
    await recorded(
      (r) => {
        const seed = typeof options?.bootstrap === 'object' ? options.bootstrap.seed : undefined;
        return r.start({ name: `evaluate ${options?.name ?? 'predictions'}`, kind: 'evaluation', ...(typeof seed === 'number' ? { seed } : {}) });
      },
      async () => {
        const result = await _evaluatePredictionsWithRows(input, options);
        // Kept like evaluate()'s, so modelCard({ run: ev }) and exportModel({ run: ev }) find its run.
        evaluationSources.set(result.evaluation, { rows: result.rows });
        return result;
      },
      (run, result) => {
        completeEvaluation(run, result);
        const source = evaluationSources.get(result.evaluation);
        if (source) source.runId = run.id;
      },
    )
  ).evaluation;
