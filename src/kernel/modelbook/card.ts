/**
 * `problem()` and `modelCard()` as cells call them. Both are recorded as runs (kinds 'problem' and
 * 'card') so the prose sits beside the numbers it explains, with the notebook, cell, code hash and
 * commit, and `modelbook card NOTEBOOK` finds it without running the notebook again.
 */
import path from 'node:path';
import { collectModelCard } from '../../core/card/collect';
import type { CardProse, ProblemDefinition } from '../../core/card/contract';
import { CardDisplay, ProblemDisplay } from '../../core/card/display';
import { cardMessage } from '../../core/card/messages';
import { checkCardProse, checkProblem, proseParams } from '../../core/card/prose';
import type { PermutationImportance } from '../../core/evaluation/importance/permutationImportance';
import { kernelService } from '../../core/kernel/service';
import { runMessage } from '../../core/runs/messages';
import type { MonitorReport } from '../../core/monitor/contract';
import { MonitorResult } from '../../core/monitor/monitorResult';
import { checkManifest } from '../../core/package/buildManifest';
import type { PackageManifest } from '../../core/package/contract';
import { addCardReviews, checkCardMonitor, checkCardPackage, readCardMonitor, readCardPackage } from '../../store/card/loadCardContext';
import { loadCardInputs } from '../../store/card/loadCardInputs';
import { RunIndex } from '../../store/runs/runIndex';
import { evaluationRunOf, evaluationSource, recordDocument } from './recording';

/** What modelCard() takes: the model or evaluation it documents, the importance, and the prose. */
export interface ModelCardOptions extends Partial<CardProse> {
  /** The Evaluation that evaluate() returned, or an evaluation run id. */
  run?: object | string;
  /** A model evaluated in this kernel: its latest evaluation is documented. */
  model?: object;
  /** The problem() value of this notebook (default: the notebook's latest recorded problem). */
  problem?: ProblemDisplay;
  /** permutationImportance(...)'s result, or a list of { feature, importance, std? }. */
  importance?: PermutationImportance | { feature: string; importance: number; std?: number }[];
  /** The exported package: its folder (relative to the notebook's folder) or the manifest exportModel returned; the card's version is its content hash. */
  package?: string | PackageManifest;
  /** The latest monitoring result: what monitor() returned, its report, or a report file written by `modelbook monitor --format json`. */
  monitoring?: MonitorResult | MonitorReport | string;
}

let index: RunIndex | undefined;

/** The workspace's run index, opened once and refreshed (stakeholderReport() shares it). */
export function runIndex(): RunIndex {
  const workspace = kernelService()?.workspaceDir;
  if (!workspace) throw new Error(runMessage.runsNoWorkspace);
  if (!index || index.workspaceDir !== workspace) index = RunIndex.openSync(workspace);
  else index.refresh();
  return index;
}

/**
 * The problem this notebook solves, as a structured value the model card and the templates read;
 * recorded as a run of kind 'problem'. Put it in the first cell.
 *
 * @example
 * problem({ objective: 'Flag customers likely to leave next month', target: 'churn (yes/no)', users: 'retention team',
 *   decision: 'who gets a call', successCriteria: 'recall >= 0.7 at precision >= 0.5', constraints: 'no postcode', sensitiveAttributes: ['sex'] })
 */
export function problem(definition: ProblemDefinition): ProblemDisplay {
  const p = checkProblem(definition);
  return new ProblemDisplay(p, recordDocument('problem', 'problem', proseParams(p))?.id);
}

/**
 * The model card of an evaluation: numbers from its run records (each with its run id), prose from
 * these options and the notebook's problem(); recorded as a run of kind 'card' (what `modelbook card`
 * reads). Shows compactly in the cell; the full card is in `.card`.
 *
 * @example
 * modelCard({ run: ev, intendedUse: 'Rank customers for retention calls', limitations: 'Trained on 2024 customers only', ethics: 'Calls are offers, never penalties' })
 * modelCard({ run: ev, package: 'models/churn', monitoring: await monitor('models/churn', 'june.parquet'), intendedUse: '…', limitations: '…', ethics: '…' })
 */
export function modelCard(options: ModelCardOptions): CardDisplay {
  if (typeof options !== 'object' || options === null) throw new TypeError(cardMessage.notObject('modelCard', "{ run: ev, intendedUse: '…', limitations: '…', ethics: '…' }"));
  const { run, model, problem: given, importance, package: pkg, monitoring, ...rest } = options;
  const prose = checkCardProse(rest);
  const idx = runIndex();
  const evaluationRun = typeof run === 'string' ? run : run ? evaluationSource(run)?.runId : model ? evaluationRunOf(model) : latestEvaluation(idx);
  if (!evaluationRun) throw new Error(cardMessage.noEvaluation(run || model ? 'this model' : 'this notebook'));
  const cardRun = recordDocument('card', 'model card', { ...proseParams(prose), evaluationRun, ...(importance ? { importance: importanceList(importance) } : {}) });
  idx.refresh();
  const inputs = loadCardInputs(idx, evaluationRun, idx.workspaceDir);
  if (cardRun) inputs.card = cardRun;
  if (given?.runId && idx.get(given.runId)) inputs.problem = idx.readRecord(given.runId);
  if (pkg !== undefined) inputs.manifest = packageOf(pkg, evaluationRun);
  if (monitoring !== undefined) inputs.monitor = monitoringOf(monitoring);
  addCardReviews(inputs, idx.workspaceDir);
  return new CardDisplay(collectModelCard(inputs));
}

/** The notebook's latest finished evaluation run (stakeholderReport() shares it). */
export function latestEvaluation(idx: RunIndex): string | undefined {
  const notebook = kernelService()?.runContext?.().notebook;
  return idx.query({ ...(notebook ? { notebook } : {}), parentId: null, filter: 'kind == "evaluation" && status == "finished"', limit: 1 }).rows[0]?.id;
}

function packageOf(pkg: string | PackageManifest, evaluationRun: string): PackageManifest {
  if (typeof pkg === 'string') return readCardPackage(path.resolve(process.cwd(), pkg), evaluationRun);
  if (typeof pkg !== 'object' || pkg === null || checkManifest(pkg) !== undefined) throw new TypeError(cardMessage.badPackageOption);
  return checkCardPackage(pkg, pkg.name, evaluationRun);
}

function monitoringOf(m: MonitorResult | MonitorReport | string): MonitorReport {
  if (typeof m === 'string') return readCardMonitor(path.resolve(process.cwd(), m));
  return checkCardMonitor(m instanceof MonitorResult ? m.report : m, 'monitoring');
}

function importanceList(v: NonNullable<ModelCardOptions['importance']>): { feature: string; importance: number; std?: number }[] {
  const list = Array.isArray(v)
    ? v
    : Array.isArray((v as Partial<PermutationImportance>).features)
      ? v.features.map((f) => ({ feature: f.feature, importance: f.importanceMean, std: f.importanceStd }))
      : undefined;
  if (!list || list.some((x) => typeof x?.feature !== 'string' || !Number.isFinite(x.importance) || (x.std !== undefined && !Number.isFinite(x.std)))) throw new TypeError(cardMessage.badImportance);
  return list.map((x) => ({ feature: x.feature, importance: x.importance, ...(x.std !== undefined ? { std: x.std } : {}) }));
}
