/**
 * `modelbook retrain NOTEBOOK --champion NAME [--promote]`: champion/challenger retraining. Runs the
 * notebook headless with `modelbook run`'s kernel, takes the package it exported as the
 * challenger, compares the two evaluation runs through the model diff (`diffModels`: paired
 * intervals, McNemar, gates) and promotes the challenger when `decidePromotion` says so.
 * Wired into src/cli/main.ts as `case 'retrain'`.
 */
import path from 'node:path';
import type { ModelDiff } from '../core/review/contract';
import type { ModelVersion, RegistryModel } from '../core/registry/contract';
import { decidePromotion, type PromotionDecision } from '../core/registry/decide';
import { addVersion, recordDecision, setAlias } from '../core/registry/edits';
import { registryCliMessage } from '../core/registry/messages';
import { diffModels } from '../core/review/diffModels';
import { renderDiffMarkdown, renderDiffText } from '../core/review/renderers';
import { NotebookFormatError } from '../core/notebook/parse';
import { writeFileAtomic } from '../store/atomicWrite';
import { FileReadError } from '../store/readRegularFile';
import { findExportedPackage } from '../store/registry/findExported';
import { readRegistryModel, versionFromPackage, writeRegistryModel } from '../store/registry/registryFiles';
import { DiffSideError, loadDiffSide } from '../store/review/loadSide';
import { readGitAuthor } from '../store/reviews/gitAuthor';
import { requiredApprovalsProblem } from '../store/approvals/requireRoles';
import { hashModelDiff } from '../store/reviews/reviewFiles';
import { parseArgs as parseRunArgs } from './args';
import { parseFlags, UsageError, type FlagSpec } from './flags';
import type { LifecycleCheck } from '../core/checkpoints/contract';
import { lifecycleRefusal } from '../core/lifecycle/checkLifecycle';
import { lifecycleMessage } from '../core/lifecycle/messages';
import type { RunRecord } from '../core/runs/contract';
import { lifecycleGate } from '../store/lifecycle/gate';
import { recordCliLifecycle } from '../store/lifecycle/recordCli';
import { RunIndex } from '../store/runs/runIndex';
import { withInstalledNode } from './installNode';
import { findWorkspace, runNotebook } from './run';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

type Format = 'text' | 'md' | 'json';
const FORMATS: readonly Format[] = ['text', 'md', 'json'];

const RETRAIN_FLAGS = {
  champion: { type: 'string' },
  promote: { type: 'boolean' },
  format: { type: 'string' },
  out: { type: 'string' },
  workspace: { type: 'string' },
  'override-lifecycle': { type: 'string' },
} as const satisfies Record<string, FlagSpec>;

/** Exit codes, as `modelbook monitor` has them: 0 fine, 1 a warning, 2 an error in what ran, 3 could not run. */
const EXIT = { promoted: 0, notPromoted: 1, runFailed: 2, couldNotRun: 3 } as const;

interface RetrainArgs {
  notebook: string;
  champion: string;
  promote: boolean;
  format: Format;
  out?: string;
  workspace?: string;
  /** Promote although the notebook's lifecycle checkpoints for 'promote' have not passed: the reason. */
  overrideLifecycle?: string;
}

/** What one retrain came to, as `--format json` prints it. */
interface RetrainReport {
  model: string;
  decision: 'promote' | 'reject' | 'unchanged';
  /** Whether the registry was changed (--promote). */
  applied: boolean;
  champion: { version: number; contentHash: string; evaluationRun: string };
  challenger: { version: number; contentHash: string; path: string; evaluationRun: string };
  reasons: string[];
  diffHash?: string;
  line: string;
  diff?: ModelDiff;
}

function parse(argv: string[]): RetrainArgs | 'help' {
  const { values: v, positionals, help } = parseFlags('retrain', argv, RETRAIN_FLAGS);
  if (help) return 'help';
  if (positionals.length === 0) throw new UsageError(registryCliMessage.needsNotebook);
  if (positionals.length > 1) throw new UsageError(registryCliMessage.oneNotebook(positionals.length));
  if (v.champion === undefined) throw new UsageError(registryCliMessage.needsChampion);
  const format = (v.format ?? 'text') as Format;
  if (!FORMATS.includes(format)) throw new UsageError(registryCliMessage.badChoice('--format', FORMATS, v.format));
  const override = v['override-lifecycle'];
  if (override !== undefined && override.trim() === '') throw new UsageError(lifecycleMessage.emptyReason('--override-lifecycle'));
  return {
    notebook: positionals[0]!,
    champion: v.champion,
    promote: v.promote === true,
    format,
    ...(v.out !== undefined ? { out: v.out } : {}),
    ...(v.workspace !== undefined ? { workspace: v.workspace } : {}),
    ...(override !== undefined ? { overrideLifecycle: override.trim() } : {}),
  };
}

/**
 * Runs `modelbook retrain …` (argv without the word 'retrain'). See the usage for exit codes.
 *
 * @example
 * await runRetrainCommand(['churn.mlnb', '--champion', 'churn', '--promote', '--format', 'md', '--out', 'diff.md'], io, process.cwd(), __dirname) // 0 | 1 | 2 | 3
 */
export async function runRetrainCommand(argv: string[], io: Io, cwd: string, distDir: string): Promise<number> {
  let args: RetrainArgs | 'help';
  try {
    args = parse(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${e.message}\n${registryCliMessage.retrainUsage}\n`);
    return EXIT.couldNotRun;
  }
  if (args === 'help') {
    io.out(`${registryCliMessage.retrainUsage}\n`);
    return 0;
  }
  const notebook = path.resolve(cwd, args.notebook);
  const workspace = path.resolve(cwd, args.workspace ?? findWorkspace(path.dirname(notebook)));
  let model: RegistryModel;
  let champion: ModelVersion;
  try {
    const m = readRegistryModel(workspace, args.champion);
    if (!m) throw new Error(registryCliMessage.noSuchModel(args.champion));
    const n = Object.hasOwn(m.aliases, 'champion') ? m.aliases.champion : undefined;
    const c = m.versions.find((v) => v.version === n);
    if (!c) throw new Error(registryCliMessage.noChampion(args.champion));
    if (!c.runs.evaluation) throw new Error(registryCliMessage.championNoEvaluation(m.name, c.version));
    model = m;
    champion = c;
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return EXIT.couldNotRun;
  }

  // The challenger run: the notebook, headless, exactly as `modelbook run` runs it.
  const since = new Date();
  try {
    const runArgs = withInstalledNode({ ...(parseRunArgs(['run', notebook]) as Extract<ReturnType<typeof parseRunArgs>, { command: 'run' }>), workspace });
    const report = await runNotebook(runArgs, distDir, io);
    if (report.failed > 0) {
      io.err(`${registryCliMessage.runFailed(report.failed)}\n`);
      return EXIT.runFailed;
    }
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return e instanceof FileReadError || e instanceof NotebookFormatError ? EXIT.couldNotRun : EXIT.runFailed;
  }
  const at = new Date().toISOString();
  const by = readGitAuthor(workspace);
  const found = findExportedPackage(workspace, model.name, since);
  if (!found) {
    io.err(`${registryCliMessage.noChallenger(model.name)}\n`);
    return EXIT.runFailed;
  }
  let entry: Omit<ModelVersion, 'version'>;
  try {
    entry = versionFromPackage(workspace, found, by, at).entry;
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return EXIT.runFailed;
  }
  const headRun = entry.runs.evaluation;
  if (!headRun) {
    io.err(`${registryCliMessage.challengerNoEvaluation(entry.path)}\n`);
    return EXIT.runFailed;
  }
  const added = addVersion(model, entry);
  const challenger = added.version;
  const base = { version: champion.version, contentHash: champion.contentHash, evaluationRun: champion.runs.evaluation! };
  const head = { version: challenger.version, contentHash: challenger.contentHash, path: challenger.path, evaluationRun: headRun };
  if (challenger.version === champion.version) {
    const line = registryCliMessage.sameAsChampion(model.name, champion.version);
    return emit(args, io, cwd, { model: model.name, decision: 'unchanged', applied: false, champion: base, challenger: head, reasons: [], line }, EXIT.promoted);
  }

  // The comparison: the model diff of the two evaluation runs, nothing re-implemented here.
  let diff: ModelDiff;
  try {
    const baseSide = await loadDiffSide(workspace, `run:${base.evaluationRun}`);
    const headSide = await loadDiffSide(workspace, `run:${headRun}`);
    diff = await diffModels(baseSide, headSide, { failOn: 'regression' });
  } catch (e) {
    if (!(e instanceof DiffSideError)) throw e;
    io.err(`${e.message}\n`);
    return EXIT.couldNotRun;
  }
  const decision: PromotionDecision = decidePromotion(diff);
  const diffHash = hashModelDiff(diff);
  const cited = { hash: diffHash, verdict: diff.verdict, baseRun: base.evaluationRun, headRun };
  let gate: { check: LifecycleCheck; subject: RunRecord } | undefined;
  if (args.promote && decision.promote) {
    // Opt-in governance: promotion waits for the roles .modelbook/governance.json requires.
    const unapproved = requiredApprovalsProblem(workspace, challenger.path, workspace);
    if (unapproved) {
      io.err(`${unapproved}\n`);
      return EXIT.notPromoted;
    }
    // The notebook's lifecycle, checked against the session that evaluated the challenger.
    try {
      const index = RunIndex.openSync(workspace);
      const subject = index.readRecord(headRun);
      const check = lifecycleGate(index, subject.notebook, subject.session, 'promote') ?? { step: 'promote', required: [], missing: [], passed: true };
      if (!check.passed && args.overrideLifecycle === undefined) {
        io.err(`${lifecycleRefusal('modelbook retrain --promote', check, lifecycleMessage.overrideInCli)}\n`);
        return EXIT.notPromoted;
      }
      gate = { check, subject };
    } catch (e) {
      io.err(`${(e as Error).message}\n`);
      return EXIT.couldNotRun;
    }
  }
  const overridden =
    gate && !gate.check.passed && args.overrideLifecycle !== undefined
      ? lifecycleMessage.overriddenNote(
          args.overrideLifecycle,
          gate.check.missing.map((m) => m.id),
        )
      : undefined;
  if (args.promote) {
    const next = decision.promote
      ? setAlias(added.model, 'champion', challenger.version, { action: 'promote', by, at, reasons: overridden ? [...decision.reasons, overridden] : decision.reasons, diff: cited })
      : recordDecision(added.model, { action: 'reject', version: challenger.version, reasons: decision.reasons, diff: cited, at, by });
    try {
      writeRegistryModel(workspace, next);
    } catch (e) {
      io.err(`${(e as Error).message}\n`);
      return EXIT.couldNotRun;
    }
    if (gate) recordCliLifecycle(workspace, gate.subject, gate.check, { ...(overridden ? { reason: args.overrideLifecycle } : {}), package: challenger.contentHash });
  }
  if (!decision.promote && challenger.path === champion.path) io.err(`warning: ${registryCliMessage.championOverwritten(champion.path, champion.version)}\n`);
  const line = decision.promote
    ? registryCliMessage.decisionPromote(model.name, challenger.version, champion.version, args.promote)
    : `${registryCliMessage.decisionReject(model.name, challenger.version, champion.version)}: ${decision.reasons.join('; ')}`;
  const report: RetrainReport = {
    model: model.name,
    decision: decision.promote ? 'promote' : 'reject',
    applied: args.promote,
    champion: base,
    challenger: head,
    reasons: decision.reasons,
    diffHash,
    line,
    diff,
  };
  return emit(args, io, cwd, report, decision.promote ? EXIT.promoted : EXIT.notPromoted);
}

/** Prints (or writes to --out) the decision and the model diff, and returns the exit code. */
function emit(args: RetrainArgs, io: Io, cwd: string, report: RetrainReport, code: number): number {
  const text = render(report, args.format);
  if (args.out === undefined) {
    io.out(text);
    return code;
  }
  try {
    writeFileAtomic(path.resolve(cwd, args.out), text);
  } catch (e) {
    io.err(`${registryCliMessage.writeFailed(args.out, (e as Error).message)}\n`);
    return EXIT.couldNotRun;
  }
  io.err(`${report.line}\n`);
  return code;
}

function render(r: RetrainReport, format: Format): string {
  if (format === 'json') return `${JSON.stringify(r, null, 2)}\n`;
  const reasons = r.reasons.map((x) => `- ${x}`).join('\n');
  if (format === 'md') {
    const title = r.decision === 'promote' ? '✅ Retrain' : r.decision === 'reject' ? '⚠️ Retrain' : 'Retrain';
    const head = `### ${title} \`${r.model}\`: ${r.line}\n\nChampion v${r.champion.version} (\`${r.champion.contentHash.slice(0, 12)}\`, run ${r.champion.evaluationRun}) vs challenger v${r.challenger.version} (\`${r.challenger.contentHash.slice(0, 12)}\`, \`${r.challenger.path}\`, run ${r.challenger.evaluationRun})${r.diffHash ? `; diff \`${r.diffHash.slice(0, 12)}\`` : ''}.\n`;
    return `${head}${reasons ? `\n${reasons}\n` : ''}${r.diff ? `\n${renderDiffMarkdown(r.diff)}` : ''}`;
  }
  return `${r.line}\n${reasons ? `${reasons}\n` : ''}${r.diff ? `\n${renderDiffText(r.diff)}` : ''}`;
}
