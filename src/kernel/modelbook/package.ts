/**
 * `exportModel` and `loadModel` as cells call them: a fitted model with its evaluation and training
 * table becomes a model package folder (see src/core/package/contract.ts), and a package folder
 * becomes a model that scores records. Paths are relative to the notebook's folder, like data
 * files; the kernel's sandbox keeps writes inside the workspace.
 */
import os from 'node:os';
import path from 'node:path';
import type { ColumnTable } from 'arquero';
import { kernelService } from '../../core/kernel/service';
import { collectPackageParts } from '../../core/package/collectParts';
import type { LoadedModel, PackageManifest } from '../../core/package/contract';
import { packageMessage } from '../../core/package/messages';
import { Evaluation } from '../../core/evaluation/view/evaluationResult';
import { loadModel as loadPackage } from '../../store/package/loadModel';
import { writePackage } from '../../store/package/writePackage';
import { packageCardMarkdown } from '../../store/card/packageCard';
import { runIndex } from './card';
import { evaluationSource, fitRunOf, recordLifecycle } from './recording';
import { checkOverrideReason, lifecycleRefusal } from '../../core/lifecycle/checkLifecycle';
import { manifestLifecycle } from '../../core/lifecycle/lifecycleRun';
import { lifecycleMessage } from '../../core/lifecycle/messages';
import { lifecycleGate } from '../../store/lifecycle/gate';

export interface ExportModelOptions {
  /** The package folder, e.g. 'models/churn' (relative to the notebook's folder). */
  to: string;
  /** The model's training table: the input schema and the drift reference come from it. */
  reference: ColumnTable;
  /** The Evaluation that evaluate() returned for this model: threshold, gates, reference metrics and scores. */
  run?: Evaluation;
  /** The package's name (default: the folder's name). */
  name?: string;
  /** Export although the evaluation's gates failed; recorded as gates.overridden in the manifest. */
  allowFailedGates?: boolean;
  /** The model card's Markdown (default: the card of `run`, when the notebook recorded a modelCard() for it). */
  card?: string;
  /**
   * Export although checkpoints the notebook's lifecycle requires have not passed in this session:
   * the reason (a sentence a reviewer will read; empty is refused). Recorded in the manifest's
   * `lifecycle` and in the `lifecycle:export` run.
   */
  overrideLifecycle?: string;
}

/**
 * Exports a fitted model as a package folder: the model (our JSON, or TF.js's layers format),
 * the input and output schemas, the training and score profiles, the evaluation's metrics and a
 * `modelbook.json` manifest with a content hash, and `card.md` when the notebook recorded a
 * `modelCard()` for the evaluation. Refuses, with the reason and the fix, a model
 * that is not fitted, a pipeline that saw the evaluation's test rows, failed gates (unless
 * `allowFailedGates`), and checkpoints the notebook's lifecycle requires that have not passed in
 * this kernel session (unless `overrideLifecycle` gives a reason). Every export is recorded as a
 * `lifecycle:export` checkpoint run.
 *
 * @example
 * const ev = await evaluate(pipe, test, { label: 'churn', positiveLabel: 'yes', gates: ['auc >= 0.8'] });
 * const manifest = await exportModel(pipe, { to: 'models/churn', run: ev, reference: train });
 * manifest.contentHash // what a deployment runs
 */
export async function exportModel(model: unknown, options: ExportModelOptions): Promise<PackageManifest> {
  if (typeof options?.to !== 'string' || options.to.trim() === '') throw new TypeError(packageMessage.badTarget(options?.to));
  if (options.run !== undefined && !(options.run instanceof Evaluation)) throw new TypeError(packageMessage.badRun);
  const reason = options.overrideLifecycle !== undefined ? checkOverrideReason(options.overrideLifecycle, 'exportModel') : undefined;
  const dir = path.resolve(process.cwd(), options.to);
  const context = kernelService()?.runContext?.() ?? {};
  const check = kernelService()?.workspaceDir ? lifecycleGate(runIndex(), context.notebook, context.session, 'export') : undefined;
  if (check && !check.passed && reason === undefined) throw new Error(lifecycleRefusal('exportModel', check, lifecycleMessage.overrideInCell));
  const source = options.run ? evaluationSource(options.run) : undefined;
  const rows = source?.rows();
  const scores = rows ? (rows.yScore ?? (rows.task === 'regression' ? (rows.yPred as number[]) : undefined)) : undefined;
  const fit = typeof model === 'object' && model !== null ? fitRunOf(model) : undefined;
  const name = options.name ?? path.basename(dir);
  const card = options.card ?? (source?.runId && kernelService()?.workspaceDir ? packageCardMarkdown(runIndex(), source.runId, name) : undefined);
  const parts = await collectPackageParts({
    model,
    reference: options.reference,
    name,
    ...(options.run ? { evaluation: options.run.view } : {}),
    ...(scores ? { scores } : {}),
    ...(source?.test ? { test: source.test } : {}),
    ...(source?.label ? { label: source.label } : {}),
    runs: { ...(fit ? { fit } : {}), ...(source?.runId ? { evaluation: source.runId } : {}) },
    context: { ...(context.notebook ? { notebook: context.notebook } : {}), ...(context.codeHash ? { codeHash: context.codeHash } : {}) },
    environment: { libraries: context.libraries ?? {}, ...(context.backend ? { backend: context.backend } : {}), runtime: `node ${process.version}`, platform: `${os.platform()}-${os.arch()}` },
    createdAt: new Date().toISOString(),
    ...(options.allowFailedGates ? { allowFailedGates: true } : {}),
    ...(card ? { card } : {}),
    ...(check ? { lifecycle: manifestLifecycle(check, reason) } : {}),
  });
  const manifest = writePackage(dir, parts);
  recordLifecycle(check ?? { step: 'export', required: [], missing: [], passed: true }, { ...(reason !== undefined ? { reason } : {}), package: manifest.contentHash });
  return manifest;
}

/**
 * Loads a model package (checking every file's sha256) ready to score records.
 *
 * @example
 * const model = await loadModel('models/churn');
 * const { predictions } = await model.predict([{ tenure: 12, plan: 'pro' }]);
 */
export function loadModel(dir: string): Promise<LoadedModel> {
  return loadPackage(path.resolve(process.cwd(), dir));
}
