/**
 * What a card knows beyond its runs: the exported package (the card's version is its content hash),
 * the latest monitoring report, and the model-diff reviews and approvals-log sign-offs recorded for
 * the evaluation. `modelbook card --package/--monitor` and `modelCard({ package, monitoring })` read
 * them here; every file goes through the checked readers.
 */
import path from 'node:path';
import type { CardInputs } from '../../core/card/collect';
import { cardMessage } from '../../core/card/messages';
import type { MonitorReport } from '../../core/monitor/contract';
import { monitorReportProblem } from '../../core/monitor/isMonitorReport';
import type { PackageManifest } from '../../core/package/contract';
import { listApprovals } from '../approvals/approvalLog';
import { GovernanceWorkspace } from '../lineage/workspace';
import { readPackage } from '../package/readPackage';
import { readRegularFile } from '../readRegularFile';
import { listReviews } from '../reviews/reviewFiles';
import { CardNotFoundError } from './loadCardInputs';

const MAX_MONITOR_BYTES = 64 << 20;

/**
 * The manifest of the package at `dir` (every file's hash checked), refused when the package was
 * exported from another evaluation than the card documents.
 *
 * @example
 * inputs.manifest = readCardPackage('/work/churn/models/churn', inputs.evaluation.id);
 */
export function readCardPackage(dir: string, evaluationId: string): PackageManifest {
  let manifest: PackageManifest;
  try {
    manifest = readPackage(dir).manifest;
  } catch (e) {
    throw new CardNotFoundError(cardMessage.badPackage(dir, (e as Error).message), { cause: e });
  }
  return checkCardPackage(manifest, dir, evaluationId);
}

/**
 * `manifest` when it was exported from `evaluationId` (or names no evaluation); else refused.
 *
 * @example
 * checkCardPackage(await exportModel(pipe, { to: 'models/churn', run: ev, reference: train }), 'models/churn', ev.runId)
 */
export function checkCardPackage(manifest: PackageManifest, dir: string, evaluationId: string): PackageManifest {
  const from = manifest.runs.evaluation;
  if (from !== undefined && from !== evaluationId) throw new CardNotFoundError(cardMessage.packageOtherEvaluation(dir, from, evaluationId));
  return manifest;
}

/**
 * A monitoring report file (`modelbook monitor … --format json --out FILE`), checked against the
 * report schema.
 *
 * @example
 * inputs.monitor = readCardMonitor('/work/churn/monitoring/june.json');
 */
export function readCardMonitor(file: string): MonitorReport {
  let value: unknown;
  try {
    value = JSON.parse(readRegularFile(file, { maxBytes: MAX_MONITOR_BYTES }).bytes.toString('utf8'));
  } catch (e) {
    throw new CardNotFoundError(cardMessage.badMonitor(file, (e as Error).message), { cause: e });
  }
  return checkCardMonitor(value, file);
}

/**
 * `value` as a MonitorReport, refused when it is not one.
 *
 * @example
 * checkCardMonitor(result.toJSON(), 'monitoring')
 */
export function checkCardMonitor(value: unknown, name: string): MonitorReport {
  const problem = monitorReportProblem(value);
  if (problem) throw new CardNotFoundError(cardMessage.badMonitor(name, problem));
  return value as MonitorReport;
}

/**
 * Adds to `inputs` the review records whose head side had the evaluation and the approvals-log
 * entries naming it (or its package, when `inputs.manifest` is set). Unreadable files are skipped:
 * `modelbook approvals` and `modelbook diff` name them.
 *
 * @example
 * addCardReviews(inputs, '/work/churn'); inputs.approvals?.map((a) => a.entry.role) // ['model-owner']
 */
export function addCardReviews(inputs: CardInputs, workspace: string): void {
  const ws = path.resolve(workspace);
  const id = inputs.evaluation.id;
  const reviews = listReviews(ws).items.filter((r) => r.head.runIds.includes(id));
  const hash = inputs.manifest?.contentHash;
  const approvals = listApprovals(new GovernanceWorkspace(ws)).states.filter((s) => s.entry.subject.run?.id === id || (hash !== undefined && s.entry.subject.package?.contentHash === hash));
  if (reviews.length) inputs.reviews = reviews;
  if (approvals.length) inputs.approvals = approvals;
}
