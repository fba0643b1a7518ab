/**
 * `collectLineage`: the chain behind a run or a package, from records only, over injected readers
 * (the store reads files; tests pass hand-made records).
 */
import type { ApprovalState } from '../approvals/contract';
import type { PackageManifest } from '../package/contract';
import type { RegistryModel } from '../registry/contract';
import type { ReviewRecord } from '../review/threadContract';
import type { RunRecord } from '../runs/contract';
import type { Lineage, LineageKind, LineageNode } from './contract';
import { lineageMessage } from './messages';

/** A package as lineage sees it: its manifest when readable and intact, or why not. */
export interface LineagePackage {
  /** Workspace-relative folder, '/'-separated. */
  path: string;
  manifest?: PackageManifest;
  /** Why the package cannot be trusted (unreadable, a file changed, content hash mismatch). */
  problem?: string;
  card?: { path: string; hash: string };
}

/** Everything lineage reads, injected. */
export interface LineageReaders {
  run(id: string): RunRecord | undefined;
  /** The fit run an evaluation run's model came from (its export/source.json), when recorded. */
  fitRunOf(evaluationId: string): string | undefined;
  /** The packages whose manifest names this run (fit or evaluation). */
  packagesOf(runId: string): LineagePackage[];
  reviews(): ReviewRecord[];
  approvals(): ApprovalState[];
  registry(): RegistryModel[];
}

export type LineageSubject = { kind: 'run'; id: string } | { kind: 'package'; pkg: LineagePackage };

const short = (h: string) => h.slice(0, 12);

/** Records a missing or broken link: its sentence, and which link of the chain it is about. */
type Gap = (kind: LineageKind, text: string) => void;

/**
 * The lineage of a run or a package; every link that cannot be traced is a gap with its fix.
 *
 * @example
 * const l = collectLineage({ kind: 'run', id: '01JD…' }, readers);
 * l.complete // false
 * l.gaps // ["the package's evaluation run 01JD… is not in .modelbook/runs: commit it (…)"]
 */
export function collectLineage(subject: LineageSubject, readers: LineageReaders): Lineage {
  const nodes: LineageNode[] = [];
  const gaps: string[] = [];
  const gapKinds: LineageKind[] = [];
  const gap: Gap = (kind, text) => {
    gaps.push(text);
    gapKinds.push(kind);
  };
  let evaluation: RunRecord | undefined;
  let fit: RunRecord | undefined;
  let packages: LineagePackage[] = [];

  if (subject.kind === 'package') {
    const pkg = subject.pkg;
    packages = [pkg];
    const m = pkg.manifest;
    const whose = "the package's";
    if (m) {
      if (!m.runs.fit && !m.runs.evaluation) gap('evaluation', lineageMessage.noRuns(pkg.path));
      if (m.runs.evaluation) {
        evaluation = readers.run(m.runs.evaluation);
        if (!evaluation) gap('evaluation', lineageMessage.runMissing(whose, 'evaluation', m.runs.evaluation));
      }
      if (m.runs.fit) {
        fit = readers.run(m.runs.fit);
        if (!fit) gap('fit', lineageMessage.runMissing(whose, 'fit', m.runs.fit));
      }
    }
  } else {
    const run = readers.run(subject.id);
    if (!run) gap('evaluation', lineageMessage.runMissing('the', 'requested', subject.id));
    else if (run.kind === 'evaluation') evaluation = run;
    else if (run.kind === 'fit') fit = run;
    else gap('fit', lineageMessage.wrongKind(run.id, run.kind));
    if (evaluation) {
      const fitId = readers.fitRunOf(evaluation.id);
      if (!fitId) gap('fit', lineageMessage.noFitRun(evaluation.id));
      else {
        fit = readers.run(fitId);
        if (!fit) gap('fit', lineageMessage.runMissing("the evaluation's", 'fit', fitId));
      }
    }
    if (run) packages = readers.packagesOf(run.id);
  }

  addData(nodes, gap, fit, packages[0]?.manifest);
  if (fit) {
    const steps = fit.pipeline?.map((s) => s.kind) ?? [];
    nodes.push({ kind: 'pipeline', id: fit.id, label: steps.length ? steps.join(' → ') : (fit.model?.type ?? fit.name), status: 'ok', ...(fit.codeHash ? { detail: `code ${fit.codeHash}` } : {}) });
    nodes.push({ kind: 'fit', id: fit.id, label: fit.name, status: 'ok', detail: fit.startedAt });
  } else {
    const id = packages[0]?.manifest?.runs.fit;
    if (id) nodes.push({ kind: 'fit', id, label: id, status: 'missing' });
  }
  if (evaluation) {
    const passed = evaluation.gates.filter((g) => g.passed).length;
    nodes.push({ kind: 'evaluation', id: evaluation.id, label: evaluation.name, status: 'ok', detail: `gates ${passed}/${evaluation.gates.length} passed` });
  } else {
    const id = packages[0]?.manifest?.runs.evaluation;
    if (id) nodes.push({ kind: 'evaluation', id, label: id, status: 'missing' });
  }
  for (const pkg of packages) addPackage(nodes, gap, pkg);

  const runIds = new Set([fit?.id, evaluation?.id].filter((x): x is string => x !== undefined));
  const hashes = new Set(packages.map((p) => p.manifest?.contentHash).filter((x): x is string => x !== undefined));
  const paths = new Set(packages.map((p) => p.path));
  for (const r of readers.reviews())
    if (r.head.runIds.some((id) => runIds.has(id))) nodes.push({ kind: 'review', id: r.id, label: `${r.verdict} by ${r.reviewer.name}`, status: 'ok', detail: r.createdAt });
  for (const a of readers.approvals()) {
    const s = a.entry.subject;
    if (!((s.run && runIds.has(s.run.id)) || (s.package && (paths.has(s.package.path) || hashes.has(s.package.contentHash))))) continue;
    nodes.push({
      kind: 'approval',
      id: a.file,
      label: `${a.entry.role} by ${a.entry.by.name}`,
      status: a.status === 'current' ? 'ok' : a.status === 'older' ? 'older' : 'broken',
      detail: [a.entry.at, ...a.reasons].join('; '),
    });
  }
  for (const model of readers.registry())
    for (const v of model.versions)
      if (hashes.has(v.contentHash) || (v.runs.evaluation !== undefined && runIds.has(v.runs.evaluation))) {
        const aliases = Object.entries(model.aliases)
          .filter(([, n]) => n === v.version)
          .map(([a]) => a);
        nodes.push({ kind: 'registry', id: `${model.name}@${v.version}`, label: `${model.name} v${v.version}${aliases.length ? ` (${aliases.join(', ')})` : ''}`, status: 'ok', detail: v.path });
      }
  const ref = subject.kind === 'run' ? subject.id : subject.pkg.path;
  return { kind: 'modelbook.lineage', version: 1, subject: { kind: subject.kind, ref }, nodes, gaps, gapKinds, complete: gaps.length === 0 };
}

function addData(nodes: LineageNode[], gap: Gap, fit: RunRecord | undefined, manifest: PackageManifest | undefined): void {
  const uses = fit?.data ?? [];
  for (const d of uses)
    nodes.push({
      kind: 'data',
      id: d.fingerprint.hash,
      label: d.name ? `${d.name} (${d.role})` : d.role,
      status: 'ok',
      detail: `${d.fingerprint.rows} rows × ${d.fingerprint.columns.length} columns`,
    });
  if (fit && !uses.some((d) => d.role === 'train')) gap('data', lineageMessage.noData(fit.id));
  for (const d of manifest?.data ?? []) {
    const recorded = uses.find((u) => u.role === d.role);
    if (recorded && recorded.fingerprint.hash !== d.fingerprint.hash) gap('data', lineageMessage.dataDiffers(d.role, d.fingerprint.hash, recorded.fingerprint.hash));
    if (!fit) nodes.push({ kind: 'data', id: d.fingerprint.hash, label: d.role, status: 'ok', detail: `${d.fingerprint.rows} rows (from the package manifest)` });
  }
}

function addPackage(nodes: LineageNode[], gap: Gap, pkg: LineagePackage): void {
  if (pkg.problem || !pkg.manifest) {
    const why = pkg.problem ?? 'unreadable';
    nodes.push({ kind: 'package', id: pkg.path, label: pkg.path, status: 'broken', detail: why });
    gap('package', lineageMessage.packageBroken(pkg.path, why));
    return;
  }
  nodes.push({ kind: 'package', id: pkg.path, label: `${pkg.manifest.name} (${pkg.path})`, status: 'ok', detail: `content ${short(pkg.manifest.contentHash)}` });
  if (pkg.card) nodes.push({ kind: 'card', id: `${pkg.path}/${pkg.card.path}`, label: pkg.card.path, status: 'ok', detail: `sha256 ${short(pkg.card.hash)}` });
}
