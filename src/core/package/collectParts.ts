import { table as aqTable, type ColumnTable } from 'arquero';
import { dataFingerprint } from '../data/fingerprint';
import { profile } from '../data/profile';
import type { GateResult } from '../evaluation/gates/gateTypes';
import type { ClassLabel } from '../models/contract';
import { fitRecordToJSON, type FitRecord } from '../features/fitRecord';
import type { EstimatorJSON } from '../models/registry';
import type { RunEnvironment } from '../runs/contract';
import type { ManifestParts } from './buildManifest';
import { PACKAGE_FILES } from './contract';
import { referenceParts, type ReferenceParts } from './referenceParts';
import { exportLeak, type ExportLeak } from './exportLeak';
import { packageMessage } from './messages';
import { inferOutputSchema } from './outputSchema';
import { saveLayersModel } from './saveLayersModel';

/** A package to write: the manifest's parts and every file but the manifest, by package path. */
export interface PackageParts {
  manifest: ManifestParts;
  files: Record<string, string | Uint8Array>;
}

/** What an export starts from: the fitted model, its training table and (optionally) its evaluation. */
export interface ExportSource {
  model: unknown;
  /** The training table: input schema and drift reference. */
  reference?: ColumnTable;
  /** Instead of `reference`: what a fit run kept of its training table (see `referenceParts`). */
  referenceParts?: ReferenceParts;
  name: string;
  /** The evaluation run's threshold, gates and headline metrics (an EvaluationView fits). */
  evaluation?: EvaluationSummary;
  /** The evaluated rows' scores (positive-class score, or predicted value): the prediction-drift reference. */
  scores?: ArrayLike<number>;
  /** The evaluation's test table, to check the pipeline never saw it. */
  test?: ColumnTable;
  /** The label column, when known (kept out of the input schema). */
  label?: string;
  runs?: { fit?: string; evaluation?: string };
  context?: { notebook?: string; codeHash?: string };
  environment: RunEnvironment;
  createdAt: string;
  allowFailedGates?: boolean;
  /** Instead of `test` and `reference`: the leak check the kernel ran when the model was evaluated. */
  leak?: ExportLeak;
  /** Export although the pipeline saw test rows (CLI `--allow-leak`); recorded as `leak` in the manifest. */
  allowLeak?: boolean;
  /** The model card's Markdown, when one exists. */
  card?: string;
  /** The lifecycle gate the export went through (see `manifestLifecycle`), recorded in the manifest. */
  lifecycle?: ManifestParts['lifecycle'];
}

/** What a package needs of an evaluation: `EvaluationView` has it, and a run record can give it. */
export interface EvaluationSummary {
  task: string;
  rows: number;
  threshold?: number;
  positiveLabel?: ClassLabel;
  gates: GateResult[];
  metrics: { name: string; value: number | null; ci?: { lower: number | null; upper: number | null; level: number; method?: string } | null }[];
}

type Serializable = { kind?: string; classes?: unknown[]; spec(): { type: string }; toJSON?: () => EstimatorJSON };
type PipelineLike = Serializable & { steps: { toJSON(): unknown }[]; estimator?: Serializable; inputColumns: string[]; featureNames: string[]; fitted: boolean; fittedOn?: unknown };
type LayersLike = Serializable & { fittedFeatureNames: string[]; model: unknown };

/**
 * Everything a model package holds, from a fitted model: the model (our JSON, or TF.js's layers
 * format for a LayersClassifier/LayersRegressor with its preprocessing apart), the input schema
 * from the training table, the output schema with the evaluation's threshold, the training and
 * score profiles, the reference metrics and the manifest's parts. Refuses (with the reason and the
 * fix) a model that is not fitted, a pipeline that saw test rows, and failed gates unless allowed.
 *
 * @example
 * const parts = await collectPackageParts({ model: pipe, reference: train, name: 'churn', evaluation: ev.view, environment, createdAt });
 */
export async function collectPackageParts(src: ExportSource): Promise<PackageParts> {
  if (!src.referenceParts && typeof (src.reference as Partial<ColumnTable>)?.numRows !== 'function') throw new TypeError(packageMessage.badReference);
  const model = src.model as Serializable;
  if (typeof model?.spec !== 'function') throw new TypeError(packageMessage.badModel('exportModel'));
  const type = model.spec().type;
  const pipe = type === 'Pipeline' ? (model as PipelineLike) : undefined;
  const inner = (pipe ? pipe.estimator : model) as Serializable | undefined;
  const innerType = inner?.spec().type;
  const layers = innerType === 'LayersClassifier' || innerType === 'LayersRegressor';
  const columns = inputColumnsOf(model, pipe, layers);
  const known = src.reference ? src.reference.columnNames() : (src.referenceParts?.inputs.columns.map((c) => c.name) ?? []);
  const missing = columns.filter((c) => !known.includes(c));
  if (missing.length) throw new RangeError(packageMessage.referenceLacksColumns(missing));
  const leak = pipe && src.test && src.reference ? exportLeak(pipe as unknown as Parameters<typeof exportLeak>[0], src.test, src.reference) : src.leak;
  if (leak?.leaked && !src.allowLeak) throw new Error(packageMessage.leak(leak.detail));
  const gates = src.evaluation?.gates ?? [];
  const failed = gates.filter((g) => !g.passed);
  if (failed.length && !src.allowFailedGates) throw new Error(packageMessage.gatesFailed(failed.map((g) => g.reason || g.gate)));
  const files: Record<string, string | Uint8Array> = {};
  if (layers) {
    const saved = await saveLayersModel((inner as LayersLike).model);
    files[PACKAGE_FILES.tfModel] = saved.modelJson;
    files[PACKAGE_FILES.tfWeights] = saved.weights;
    if (pipe) files[PACKAGE_FILES.preprocessing] = json(preprocessingJSON(pipe));
  } else {
    if (typeof model.toJSON !== 'function') throw new TypeError(packageMessage.notSerializable(type));
    files[PACKAGE_FILES.model] = json(model.toJSON());
  }
  const ref = src.reference ? referenceParts(src.reference, columns) : src.referenceParts!;
  const inputs = { columns: columns.map((c) => ref.inputs.columns.find((k) => k.name === c)!) };
  const outputs = inferOutputSchema({ kind: inner?.kind ?? 'regressor', classes: (inner?.classes ?? []) as never }, src.evaluation, src.label);
  files[PACKAGE_FILES.inputSchema] = json(inputs);
  files[PACKAGE_FILES.outputSchema] = json(outputs);
  files[PACKAGE_FILES.trainingProfile] = json(ref.trainingProfile);
  if (src.scores && src.scores.length > 0) files[PACKAGE_FILES.scoreProfile] = json(profile(aqTable({ [outputs.task === 'regression' ? 'prediction' : 'score']: Array.from(src.scores) })).toJSON());
  if (src.evaluation)
    files[PACKAGE_FILES.referenceMetrics] = json({
      task: src.evaluation.task,
      rows: src.evaluation.rows,
      threshold: src.evaluation.threshold ?? null,
      metrics: src.evaluation.metrics.map((m) => ({ name: m.name, value: m.value, ci: m.ci ?? null })),
    });
  if (src.card) files[PACKAGE_FILES.card] = src.card;
  const data: ManifestParts['data'] = [{ role: 'train', fingerprint: ref.fingerprint }];
  if (src.test) data.push({ role: 'evaluation', fingerprint: dataFingerprint(src.test) });
  return {
    files,
    manifest: {
      name: src.name,
      flavour: layers ? 'tfjs-layers' : 'modelbook',
      modelType: type,
      inputs,
      outputs,
      runs: src.runs ?? {},
      ...(src.context?.codeHash !== undefined ? { codeHash: src.context.codeHash } : {}),
      ...(src.context?.notebook !== undefined ? { notebook: src.context.notebook } : {}),
      data,
      environment: src.environment,
      createdAt: src.createdAt,
      ...(gates.length ? { gates: { results: gates, overridden: failed.length > 0 } } : {}),
      ...(leak?.leaked ? { leak: { detail: leak.detail, overridden: true } } : {}),
      ...(src.lifecycle ? { lifecycle: src.lifecycle } : {}),
    },
  };
}

/** The raw input columns a fitted model reads; refuses an unfitted one. */
function inputColumnsOf(model: Serializable, pipe: PipelineLike | undefined, layers: boolean): string[] {
  const type = model.spec().type;
  if (pipe) {
    if (!pipe.fitted || (pipe.estimator && !isFitted(pipe.estimator))) throw new Error(packageMessage.notFitted(type));
    return [...pipe.inputColumns];
  }
  if (layers) {
    const names = (model as LayersLike).fittedFeatureNames;
    if (!names.length) throw new Error(packageMessage.notFitted(type));
    return names;
  }
  if (typeof model.toJSON !== 'function') throw new TypeError(packageMessage.notSerializable(type));
  const fitted = model.toJSON().fitted as { featureNames?: string[] } | undefined;
  if (!fitted) throw new Error(packageMessage.notFitted(type));
  return [...(fitted.featureNames ?? [])];
}

function isFitted(e: Serializable): boolean {
  const type = e.spec().type;
  if (type === 'LayersClassifier' || type === 'LayersRegressor') return (e as LayersLike).fittedFeatureNames.length > 0;
  return typeof e.toJSON === 'function' ? e.toJSON().fitted !== undefined : true;
}

/** A pipeline's fitted steps without its estimator, as `Pipeline.fromJSON` reads them. */
function preprocessingJSON(pipe: PipelineLike): EstimatorJSON {
  const steps = pipe.steps.map((s) => s.toJSON() as Record<string, unknown>);
  return {
    type: 'Pipeline',
    params: { steps: steps.map((s) => ({ ...s, state: undefined })), estimator: null },
    fitted: { steps, estimator: null, inputColumns: pipe.inputColumns, featureNames: pipe.featureNames, ...(pipe.fittedOn ? { fittedOn: fitRecordToJSON(pipe.fittedOn as FitRecord) } : {}) },
  };
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
