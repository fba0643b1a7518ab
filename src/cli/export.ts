/**
 * `modelbook export RUN_ID --out DIR`: a model package from a recorded run, without the notebook.
 * A fit run keeps its fitted model and its training table's schema and profile as artifacts; an
 * evaluation run names the fit that made its model and adds its threshold, gates, metrics and the
 * scores it kept. Wired into src/cli/main.ts as `case 'export'`.
 */
import os from 'node:os';
import path from 'node:path';
import { collectPackageParts, type EvaluationSummary } from '../core/package/collectParts';
import type { ReferenceParts } from '../core/package/referenceParts';
import type { ExportLeak } from '../core/package/exportLeak';
import { EXPORT_ARTIFACTS } from '../core/package/exportArtifacts';
import { packageMessage } from '../core/package/messages';
import type { GateResult } from '../core/evaluation/gates/gateTypes';
import type { RunRecord } from '../core/runs/contract';
import { estimatorFromJSON, type EstimatorJSON } from '../core/models/registry';
import '../core/features/pipeline';
import '../core/models/mlp/register';
import { packageCardMarkdown } from '../store/card/packageCard';
import { readPredictions } from '../store/review/readPredictions';
import { readRegularFile } from '../store/readRegularFile';
import { artifactsFolder, findRunWorkspace } from '../store/runs/paths';
import { RunIndex } from '../store/runs/runIndex';
import { writePackage } from '../store/package/writePackage';
import { requiredApprovalsProblem } from '../store/approvals/requireRoles';
import { parseFlags, UsageError, type FlagSpec } from './flags';
import { LifecycleRefusedError, lifecycleRefusal } from '../core/lifecycle/checkLifecycle';
import { manifestLifecycle } from '../core/lifecycle/lifecycleRun';
import { lifecycleMessage } from '../core/lifecycle/messages';
import { lifecycleGate } from '../store/lifecycle/gate';
import { recordCliLifecycle } from '../store/lifecycle/recordCli';

export interface ExportIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

const EXPORT_FLAGS = {
  out: { type: 'string' },
  name: { type: 'string' },
  'allow-failed-gates': { type: 'boolean' },
  'allow-leak': { type: 'boolean' },
  workspace: { type: 'string' },
  'override-lifecycle': { type: 'string' },
} as const satisfies Record<string, FlagSpec>;

/**
 * Runs `modelbook export …` (argv without the word 'export'). Exit code 0 exported, 1 refused
 * (a role .modelbook/governance.json requires has not approved the run, checkpoints the notebook's lifecycle requires have not passed in the run's session and no
 * --override-lifecycle REASON, failed gates, a pipeline that saw test rows, a model that is not fitted), 2 a usage error or a run that is not found or kept
 * nothing to export.
 *
 * @example
 * await runExportCommand(['01JD…', '--out', 'models/churn'], io, process.cwd()) // 0
 */
export async function runExportCommand(argv: string[], io: ExportIo, cwd: string): Promise<number> {
  let flags;
  try {
    flags = parseFlags('export', argv, EXPORT_FLAGS);
    if (flags.help) {
      io.out(`${packageMessage.cliExportUsage}\n`);
      return 0;
    }
    if (flags.positionals.length !== 1) throw new UsageError(packageMessage.cliExportUsage);
    if (!flags.values.out) throw new UsageError(packageMessage.cliNeedOut);
    if (flags.values['override-lifecycle'] !== undefined && flags.values['override-lifecycle'].trim() === '') throw new UsageError(lifecycleMessage.emptyReason('--override-lifecycle'));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n${packageMessage.cliExportUsage}\n`);
    return 2;
  }
  const workspace = path.resolve(cwd, flags.values.workspace ?? findRunWorkspace(cwd));
  try {
    // Opt-in governance: .modelbook/governance.json's requiredRoles must have approved this run.
    const unapproved = requiredApprovalsProblem(workspace, flags.positionals[0], cwd);
    if (unapproved) {
      io.err(`${unapproved}\n`);
      return 1;
    }
    const dir = path.resolve(cwd, flags.values.out);
    const manifest = await exportRun(workspace, flags.positionals[0], dir, flags.values.name ?? path.basename(dir), {
      allowFailedGates: flags.values['allow-failed-gates'] === true,
      allowLeak: flags.values['allow-leak'] === true,
      ...(flags.values['override-lifecycle'] !== undefined ? { overrideLifecycle: flags.values['override-lifecycle'].trim() } : {}),
    });
    io.out(`${packageMessage.cliExported(path.relative(cwd, dir) || '.', manifest.contentHash, Object.keys(manifest.files).length + 1)}\n`);
    return 0;
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return e instanceof LifecycleRefusedError || /^exportModel: /.test((e as Error).message) ? 1 : 2;
  }
}

async function exportRun(workspace: string, id: string, dir: string, name: string, options: { allowFailedGates: boolean; allowLeak: boolean; overrideLifecycle?: string }) {
  const { overrideLifecycle, ...allow } = options;
  const index = RunIndex.openSync(workspace);
  const matches = index.findByPrefix(id);
  if (matches.length === 0) throw new Error(packageMessage.cliUnknownRun(id));
  if (matches.length > 1)
    throw new Error(
      packageMessage.cliAmbiguousRun(
        id,
        matches.map((m) => m.id),
      ),
    );
  const record = index.readRecord(matches[0].id);
  let fit: RunRecord;
  let evaluation: RunRecord | undefined;
  let leak: ExportLeak | undefined;
  if (record.kind === 'fit') fit = record;
  else if (record.kind === 'evaluation') {
    evaluation = record;
    const source = readArtifact<{ fitRun?: string; leak?: ExportLeak }>(workspace, record.id, EXPORT_ARTIFACTS.source);
    if (!source?.fitRun || !index.get(source.fitRun)) throw new Error(packageMessage.cliNoFitRun(record.id));
    if (typeof source.leak?.leaked === 'boolean') leak = { leaked: source.leak.leaked, detail: String(source.leak.detail) };
    fit = index.readRecord(source.fitRun);
  } else throw new Error(packageMessage.cliWrongKind(record.id, record.kind));
  // The notebook's lifecycle, checked against the session that recorded the exported run.
  const check = lifecycleGate(index, record.notebook, record.session, 'export');
  if (check && !check.passed && overrideLifecycle === undefined) throw new LifecycleRefusedError(lifecycleRefusal('modelbook export', check, lifecycleMessage.overrideInCli));
  const modelJson = readArtifact<EstimatorJSON>(workspace, fit.id, EXPORT_ARTIFACTS.model);
  const reference = readArtifact<ReferenceParts>(workspace, fit.id, EXPORT_ARTIFACTS.reference);
  if (!modelJson || !reference) throw new Error(packageMessage.cliNoArtifacts(fit.id));
  const kept = evaluation?.predictions ? readPredictions(path.join(workspace, ...evaluation.predictions.path.split('/'))) : undefined;
  const scores = kept ? (kept.yScore ?? (kept.task === 'regression' ? kept.yPred.map(Number) : undefined)) : undefined;
  const card = evaluation ? packageCardMarkdown(index, evaluation.id, name) : undefined;
  const parts = await collectPackageParts({
    model: estimatorFromJSON(modelJson),
    referenceParts: reference,
    name,
    ...(evaluation ? { evaluation: summaryOf(evaluation, kept?.positiveLabel) } : {}),
    ...(scores ? { scores } : {}),
    runs: { fit: fit.id, ...(evaluation ? { evaluation: evaluation.id } : {}) },
    context: { ...(fit.notebook ? { notebook: fit.notebook } : {}), ...(fit.codeHash ? { codeHash: fit.codeHash } : {}) },
    environment: { ...fit.environment, runtime: fit.environment.runtime ?? `node ${process.version}`, platform: fit.environment.platform ?? `${os.platform()}-${os.arch()}` },
    createdAt: new Date().toISOString(),
    ...allow,
    ...(leak ? { leak } : {}),
    ...(card ? { card } : {}),
    ...(check ? { lifecycle: manifestLifecycle(check, overrideLifecycle) } : {}),
  });
  const manifest = writePackage(dir, parts);
  recordCliLifecycle(workspace, record, check ?? { step: 'export', required: [], missing: [], passed: true }, {
    ...(overrideLifecycle !== undefined ? { reason: overrideLifecycle } : {}),
    package: manifest.contentHash,
  });
  return manifest;
}

/** An evaluation run record as the package needs it: threshold, gates and metrics with intervals. */
function summaryOf(r: RunRecord, positiveLabel: string | undefined): EvaluationSummary {
  const threshold = typeof r.params.threshold === 'number' ? r.params.threshold : undefined;
  const gates: GateResult[] = r.gates.map((g) => ({
    gate: g.name,
    kind: g.baseline !== undefined ? 'relative' : (g.metric ?? '').includes('[') ? 'slice' : 'absolute',
    metric: g.metric ?? g.name,
    op: (g.op ?? '>=') as GateResult['op'],
    threshold: g.threshold ?? 0,
    passed: g.passed,
    value: g.value ?? null,
    reason: g.detail ?? g.name,
  }));
  const metrics = Object.entries(r.metrics).map(([name, value]) => {
    const ci = r.intervals?.[name];
    return { name, value, ci: ci ? { lower: ci.low, upper: ci.high, level: ci.level, ...(ci.method ? { method: ci.method } : {}) } : null };
  });
  return {
    task: String(r.params.task ?? ''),
    rows: typeof r.params.rows === 'number' ? r.params.rows : 0,
    gates,
    metrics,
    ...(threshold !== undefined ? { threshold } : {}),
    ...(positiveLabel !== undefined ? { positiveLabel } : {}),
  };
}

function readArtifact<T>(workspace: string, runId: string, name: string): T | undefined {
  try {
    return JSON.parse(readRegularFile(path.join(artifactsFolder(workspace, runId), ...name.split('/')), { maxBytes: 64 << 20 }).bytes.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}
