/**
 * What governance reads from a workspace: the run or package a user named, the records lineage
 * walks, and the current hashes approvals are compared with. Every file goes through the checked
 * readers (no symlink, no FIFO, a size cap); nothing runs git.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ApprovalSubject } from '../../core/approvals/contract';
import type { CurrentHashes } from '../../core/approvals/entry';
import type { LineagePackage, LineageReaders } from '../../core/lineage/collect';
import { lineageMessage } from '../../core/lineage/messages';
import { EXPORT_ARTIFACTS } from '../../core/package/exportArtifacts';
import { PACKAGE_FILES } from '../../core/package/contract';
import type { RunRecord } from '../../core/runs/contract';
import { readPackage } from '../package/readPackage';
import { sha256Hex } from '../package/writePackage';
import { readRegularFile } from '../readRegularFile';
import { listRegistryModels } from '../registry/registryFiles';
import { listReviews } from '../reviews/reviewFiles';
import { artifactsFolder } from '../runs/paths';
import { RunIndex } from '../runs/runIndex';
import { listApprovals } from '../approvals/approvalLog';

/** A run or a package the user named. */
export type Target = { kind: 'run'; record: RunRecord } | { kind: 'package'; pkg: LineagePackage; dir: string };

/** Thrown when a name is neither a run nor a package (exit code 2). */
export class TargetNotFound extends Error {
  override name = 'TargetNotFound';
}

/** The workspace's records, read once per command. */
export class GovernanceWorkspace {
  private index: RunIndex | undefined;
  constructor(readonly root: string) {}

  /** The run index (opened on first use). */
  runs(): RunIndex {
    return (this.index ??= RunIndex.openSync(this.root));
  }

  /** A package folder (it has modelbook.json) or a run id prefix. */
  resolve(ref: string, cwd: string): Target {
    const dir = path.resolve(cwd, ref);
    if (fs.existsSync(path.join(dir, PACKAGE_FILES.manifest))) return { kind: 'package', pkg: this.readPackageAt(dir), dir };
    const matches = this.runs().findByPrefix(ref);
    if (matches.length > 1)
      throw new TargetNotFound(
        lineageMessage.ambiguous(
          ref,
          matches.map((m) => m.id),
        ),
      );
    if (matches.length === 0) throw new TargetNotFound(lineageMessage.notFound(ref));
    return { kind: 'run', record: this.runs().readRecord(matches[0].id) };
  }

  /** The id of the notebook's (workspace-relative path) latest run of a kind. */
  latestRun(kind: RunRecord['kind'], notebook: string): string | undefined {
    return this.runs()
      .query({})
      .rows.filter((r) => r.kind === kind && r.notebook === notebook)
      .sort((a, b) => (a.startedAt < b.startedAt ? 1 : -1))[0]?.id;
  }

  /** A package read whole (every hash checked); a problem instead of a throw. */
  readPackageAt(dir: string): LineagePackage {
    const rel = this.relative(dir);
    let manifest;
    try {
      manifest = readPackage(dir).manifest;
    } catch (e) {
      return { path: rel, problem: (e as Error).message };
    }
    const card = this.cardHash(dir);
    return { path: rel, manifest, ...(card ? { card: { path: PACKAGE_FILES.card, hash: card } } : {}) };
  }

  /** sha-256 of the package's card file, when there is one. */
  cardHash(dir: string): string | undefined {
    return this.fileHash(path.join(dir, ...PACKAGE_FILES.card.split('/')));
  }

  /** sha-256 of a run's record file, undefined when the run is not there. */
  recordHash(id: string): string | undefined {
    const row = this.runs().get(id);
    return row ? this.fileHash(path.join(this.root, row.file)) : undefined;
  }

  private fileHash(file: string): string | undefined {
    try {
      return sha256Hex(readRegularFile(file, { maxBytes: 256 << 20 }).bytes);
    } catch {
      return undefined;
    }
  }

  /** Workspace-relative '/'-path. */
  relative(dir: string): string {
    return path.relative(this.root, path.resolve(dir)).split(path.sep).join('/') || '.';
  }

  /** What an approval of `target` names now, and the gate results of that moment. */
  subjectOf(target: Target): { subject: ApprovalSubject; gates: { name: string; passed: boolean }[]; label: string } {
    if (target.kind === 'run') {
      const r = target.record;
      return { subject: { run: { id: r.id, recordHash: this.recordHash(r.id) ?? '' } }, gates: r.gates.map((g) => ({ name: g.name, passed: g.passed })), label: r.id };
    }
    const m = target.pkg.manifest;
    if (!m) throw new TargetNotFound(target.pkg.problem ?? target.pkg.path);
    const evaluation = m.runs.evaluation;
    const recordHash = evaluation ? this.recordHash(evaluation) : undefined;
    return {
      subject: {
        ...(evaluation && recordHash ? { run: { id: evaluation, recordHash } } : {}),
        package: { path: target.pkg.path, name: m.name, contentHash: m.contentHash },
        ...(target.pkg.card ? { card: { path: `${target.pkg.path}/${target.pkg.card.path}`, hash: target.pkg.card.hash } } : {}),
      },
      gates: (m.gates?.results ?? []).map((g) => ({ name: g.gate, passed: g.passed })),
      label: target.pkg.path,
    };
  }

  /** The current hashes of what a subject names (null: gone). */
  currentHashes(subject: ApprovalSubject): CurrentHashes {
    const now: CurrentHashes = {};
    if (subject.run) now.run = this.recordHash(subject.run.id) ?? null;
    if (subject.package) {
      const p = this.readPackageAt(path.join(this.root, ...subject.package.path.split('/')));
      now.package = p.manifest?.contentHash ?? null;
      if (!subject.card && p.card) now.card = p.card.hash;
    }
    if (subject.card) now.card = this.fileHash(path.join(this.root, ...subject.card.path.split('/'))) ?? null;
    return now;
  }

  /** The readers `collectLineage` walks. */
  lineageReaders(): LineageReaders {
    return {
      run: (id) => (this.runs().get(id) ? this.runs().readRecord(id) : undefined),
      fitRunOf: (id) => {
        try {
          const text = readRegularFile(path.join(artifactsFolder(this.root, id), ...EXPORT_ARTIFACTS.source.split('/')), { maxBytes: 1 << 20 }).bytes.toString('utf8');
          const fitRun = (JSON.parse(text) as { fitRun?: unknown }).fitRun;
          return typeof fitRun === 'string' ? fitRun : undefined;
        } catch {
          return undefined;
        }
      },
      packagesOf: (runId) => this.packagesOf(runId),
      reviews: () => listReviews(this.root).items,
      approvals: () => listApprovals(this).states,
      registry: () => listRegistryModels(this.root).models,
    };
  }

  /** Packages under the workspace whose manifest names `runId` (dot folders and node_modules skipped, 6 levels). */
  packagesOf(runId: string): LineagePackage[] {
    const found: LineagePackage[] = [];
    const visit = (dir: string, depth: number) => {
      const manifest = path.join(dir, PACKAGE_FILES.manifest);
      if (fs.existsSync(manifest)) {
        try {
          const m = JSON.parse(readRegularFile(manifest, { maxBytes: 64 << 20 }).bytes.toString('utf8')) as { runs?: { fit?: string; evaluation?: string } };
          if (m.runs?.fit === runId || m.runs?.evaluation === runId) found.push(this.readPackageAt(dir));
        } catch {
          // not a readable manifest: not a package of this run
        }
        return;
      }
      if (depth >= 6) return;
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && e.name !== 'node_modules') visit(path.join(dir, e.name), depth + 1);
    };
    visit(this.root, 0);
    return found.sort((a, b) => (a.path < b.path ? -1 : 1));
  }
}
