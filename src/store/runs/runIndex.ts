import fs from 'node:fs';
import path from 'node:path';
import type { RunProblem, RunRecord } from '../../core/runs/contract';
import { queryRuns, type RunQuery, type RunQueryResult } from '../../core/runs/query';
import { resolveStatus, type LivenessOptions } from '../../core/runs/status';
import { summarizeRun, type RunSummary } from '../../core/runs/summary';
import { loadIndexCache, saveIndexCache, type CachedRun } from './indexCache';
import { hostLiveness } from './liveness';
import { RUNS_DIR, runsFolder } from './paths';
import { readRunFile, readRunRecord } from './readRun';
import { isTempFile, removeStaleTempFiles } from './tempFiles';
import { PREDICTIONS_EXT } from './paths';
import { runMessage } from '../../core/runs/messages';

/** A file-change event, as VS Code's FileSystemWatcher (or fs.watch) reports it. */
export type RunFileChange = 'created' | 'changed' | 'deleted';

/** What one change did to the index. */
export interface IndexChange {
  kind: 'added' | 'updated' | 'removed' | 'problem' | 'ignored';
  /** Workspace-relative path of the file. */
  file: string;
  id?: string;
  reason?: string;
}

export interface RunIndexOptions {
  /** How to tell whether a running run's process is alive (default: this host, now). */
  liveness?: () => LivenessOptions;
  /** Delete temp files of killed writers when opening. Default true. */
  removeStaleTempFiles?: boolean;
  /**
   * A file (outside the workspace, e.g. VS Code's workspace storage) where summary rows are kept
   * between sessions: a file whose size and mtime did not change is not read again. Written after
   * `open` and by `saveCache()`.
   */
  cacheFile?: string;
}

/** Files read between two yields to the event loop in `RunIndex.open`. */
const CHUNK = 512;

/**
 * The in-memory index of a workspace's runs: one summary row per record file, kept current from
 * file-change events (`applyChange`) or a cheap rescan (`refresh`), never by re-reading every
 * file. Files that are not valid records are listed in `problems()`, never thrown.
 */
export class RunIndex {
  readonly runsDir: string;
  private readonly byId = new Map<string, RunSummary>();
  private readonly idByFile = new Map<string, string>();
  private readonly stats = new Map<string, { mtimeMs: number; size: number }>();
  private readonly problemByFile = new Map<string, string>();
  private readonly listeners = new Set<(changes: IndexChange[]) => void>();
  private readonly liveness: () => LivenessOptions;
  private readonly cacheFile: string | undefined;
  private cache = new Map<string, CachedRun>();
  private cacheDirty = false;

  private constructor(
    readonly workspaceDir: string,
    options: RunIndexOptions,
  ) {
    this.runsDir = runsFolder(workspaceDir);
    this.liveness = options.liveness ?? (() => hostLiveness());
    this.cacheFile = options.cacheFile;
    if (this.cacheFile) this.cache = loadIndexCache(this.cacheFile, this.runsDir);
  }

  /**
   * Reads every record of a workspace, yielding to the event loop every 512 files so an
   * extension host stays responsive while 50,000 runs load.
   *
   * @example
   * const index = await RunIndex.open(workspaceDir);
   * index.query({ filter: 'metrics.auc > 0.8', sort: '-metrics.auc' }).rows
   */
  static async open(workspaceDir: string, options: RunIndexOptions = {}): Promise<RunIndex> {
    const index = RunIndex.prepare(workspaceDir, options);
    const names = index.listNames();
    for (let i = 0; i < names.length; i += CHUNK) {
      if (i > 0) await new Promise((resolve) => setImmediate(resolve));
      for (const name of names.slice(i, i + CHUNK)) index.load(path.join(index.runsDir, name));
    }
    index.finishOpen();
    return index;
  }

  /**
   * `open` without yielding (for the CLI and tests).
   *
   * @example
   * RunIndex.openSync(process.cwd()).size
   */
  static openSync(workspaceDir: string, options: RunIndexOptions = {}): RunIndex {
    const index = RunIndex.prepare(workspaceDir, options);
    for (const name of index.listNames()) index.load(path.join(index.runsDir, name));
    index.finishOpen();
    return index;
  }

  /** Writes the summary cache (see `cacheFile`) if the index changed since it was read or saved. */
  saveCache(): void {
    if (!this.cacheFile || !this.cacheDirty) return;
    const entries = new Map<string, CachedRun>();
    for (const [abs, id] of this.idByFile) entries.set(path.basename(abs), { ...this.stats.get(abs)!, summary: this.byId.get(id)! });
    saveIndexCache(this.cacheFile, this.runsDir, entries);
    this.cacheDirty = false;
  }

  private finishOpen(): void {
    // Entries of deleted files make the cache dirty too.
    if (this.cache.size !== this.idByFile.size) this.cacheDirty = true;
    this.cache.clear();
    this.saveCache();
  }

  private static prepare(workspaceDir: string, options: RunIndexOptions): RunIndex {
    if (typeof workspaceDir !== 'string' || workspaceDir === '') throw new TypeError(runMessage.needs('RunIndex.open', 'the workspace folder (runs are read from <workspace>/.modelbook/runs)'));
    const index = new RunIndex(path.resolve(workspaceDir), options);
    if (options.removeStaleTempFiles !== false) removeStaleTempFiles(index.runsDir);
    return index;
  }

  get size(): number {
    return this.byId.size;
  }

  /** Every run, with `status` resolved now (a run whose writer died shows as interrupted). */
  rows(): RunSummary[] {
    const live = this.liveness();
    const out: RunSummary[] = [];
    for (const row of this.byId.values()) {
      if (row.recordedStatus !== 'running') out.push(row);
      else out.push({ ...row, status: resolveStatus(row, live) });
    }
    return out;
  }

  /** Filters, sorts and pages the rows (see `queryRuns`); throws a FilterSyntaxError for a bad filter. */
  query(query: RunQuery = {}): RunQueryResult {
    return queryRuns(this.rows(), query);
  }

  get(id: string): RunSummary | undefined {
    const row = this.byId.get(id);
    return row && row.recordedStatus === 'running' ? { ...row, status: resolveStatus(row, this.liveness()) } : row;
  }

  /** The runs whose id starts with `prefix` (case-insensitive), for short ids typed by people. */
  findByPrefix(prefix: string): RunSummary[] {
    const p = prefix.trim().toUpperCase();
    if (!p) return [];
    const exact = this.get(p);
    if (exact) return [exact];
    return [...this.byId.keys()].filter((id) => id.startsWith(p)).map((id) => this.get(id)!);
  }

  /** The full record of a run (history, layers, data columns), read from its file. */
  readRecord(id: string): RunRecord {
    const row = this.byId.get(id);
    if (!row) throw new RangeError(runMessage.unknownRun(id, `in ${this.runsDir}`));
    return readRunRecord(path.join(this.workspaceDir, row.file));
  }

  /** Files in the runs folder that are not readable records, with the reason (path is workspace-relative). */
  problems(): RunProblem[] {
    return [...this.problemByFile].map(([file, reason]) => ({ path: file, reason })).sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /**
   * Updates the index for one changed file (re-reads only that file). Paths outside the runs
   * folder and temp files are ignored. Listeners hear about it.
   *
   * @example
   * watcher.onDidChange((uri) => index.applyChange(uri.fsPath, 'changed'));
   */
  applyChange(file: string | { fsPath: string }, change: RunFileChange): IndexChange {
    const abs = path.resolve(this.workspaceDir, typeof file === 'string' ? file : file.fsPath);
    const result = this._apply(abs, change);
    if (result.kind !== 'ignored') this.emit([result]);
    return result;
  }

  /**
   * Brings the index up to date by listing the folder and re-reading only files that are new or
   * whose size or modification time changed (for when no file watcher is available).
   */
  refresh(): IndexChange[] {
    const names = new Set(this.listNames());
    const changes: IndexChange[] = [];
    for (const file of [...this.stats.keys()]) if (!names.has(path.basename(file))) changes.push(this._apply(file, 'deleted'));
    for (const name of names) {
      const abs = path.join(this.runsDir, name);
      const known = this.stats.get(abs);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(abs);
      } catch {
        continue;
      }
      if (known && known.mtimeMs === stat.mtimeMs && known.size === stat.size) continue;
      changes.push(this._apply(abs, known ? 'changed' : 'created'));
    }
    const real = changes.filter((c) => c.kind !== 'ignored');
    if (real.length) this.emit(real);
    return real;
  }

  /** Calls `listener` after each change the index takes in; returns the unsubscribe function. */
  onDidChange(listener: (changes: IndexChange[]) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private listNames(): string[] {
    try {
      return fs
        .readdirSync(this.runsDir)
        .filter((n) => !n.startsWith('.') && !n.endsWith(PREDICTIONS_EXT))
        .sort();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw e;
    }
  }

  private _apply(abs: string, change: RunFileChange): IndexChange {
    const rel = `${RUNS_DIR}/${path.basename(abs)}`;
    const name = path.basename(abs);
    // `<id>.predictions` belongs to its record (an evaluation's kept predictions), not a record itself.
    if (path.dirname(abs) !== this.runsDir || name.startsWith('.') || isTempFile(name) || name.endsWith(PREDICTIONS_EXT)) return { kind: 'ignored', file: rel };
    if (change === 'deleted') return this.forget(abs, rel);
    return this.load(abs);
  }

  private load(abs: string): IndexChange {
    const rel = `${RUNS_DIR}/${path.basename(abs)}`;
    if (!abs.endsWith('.json')) {
      this.forget(abs, rel);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(abs);
      } catch {
        return { kind: 'ignored', file: rel };
      }
      const reason = 'not a run record (only <run id>.json records and their <run id>.predictions belong in .modelbook/runs)';
      this.problemByFile.set(rel, reason);
      this.stats.set(abs, { mtimeMs: stat.mtimeMs, size: stat.size });
      return { kind: 'problem', file: rel, reason };
    }
    const cached = this.fromCache(abs);
    if (cached) return cached;
    this.cacheDirty = true;
    const r = readRunFile(abs);
    if (!r.ok) {
      if (r.reason === 'deleted') return this.forget(abs, rel);
      this.forget(abs, rel);
      this.problemByFile.set(rel, r.reason);
      this.stats.set(abs, { mtimeMs: r.mtimeMs, size: r.size });
      return { kind: 'problem', file: rel, reason: r.reason };
    }
    const existed = this.idByFile.has(abs);
    this.problemByFile.delete(rel);
    this.byId.set(r.record.id, summarizeRun(r.record, rel));
    this.idByFile.set(abs, r.record.id);
    this.stats.set(abs, { mtimeMs: r.mtimeMs, size: r.size });
    return { kind: existed ? 'updated' : 'added', file: rel, id: r.record.id };
  }

  /** The cached row of a file whose size and mtime are unchanged (only while opening). */
  private fromCache(abs: string): IndexChange | undefined {
    const entry = this.cache.get(path.basename(abs));
    if (!entry) return undefined;
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(abs);
    } catch {
      return undefined;
    }
    if (stat.mtimeMs !== entry.mtimeMs || stat.size !== entry.size) return undefined;
    const rel = `${RUNS_DIR}/${path.basename(abs)}`;
    this.byId.set(entry.summary.id, entry.summary);
    this.idByFile.set(abs, entry.summary.id);
    this.stats.set(abs, { mtimeMs: stat.mtimeMs, size: stat.size });
    return { kind: 'added', file: rel, id: entry.summary.id };
  }

  private forget(abs: string, rel: string): IndexChange {
    const id = this.idByFile.get(abs);
    const hadProblem = this.problemByFile.delete(rel);
    this.stats.delete(abs);
    if (id === undefined) return { kind: hadProblem ? 'removed' : 'ignored', file: rel };
    this.cacheDirty = true;
    this.idByFile.delete(abs);
    this.byId.delete(id);
    return { kind: 'removed', file: rel, id };
  }

  private emit(changes: IndexChange[]): void {
    for (const l of this.listeners) l(changes);
  }
}
