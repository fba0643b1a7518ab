import * as vscode from 'vscode';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { RunProblem } from '../../core/runs/contract';
import type { RunSummary } from '../../core/runs/summary';
import { RunIndex, type IndexChange } from '../../store/runs/runIndex';
import { ChangeBatcher, type FileEvent } from '../../core/runs/batch';

/** One workspace folder's run index. */
export interface FolderRuns {
  folder: vscode.WorkspaceFolder;
  index: RunIndex;
}

/** What changed in one batch: the index changes per folder. */
export interface RunsChange {
  changes: { folder: vscode.WorkspaceFolder; index: RunIndex; changes: IndexChange[] }[];
}

/**
 * The runs of every workspace folder: one RunIndex each, opened on first use (the tree view or the
 * panel is shown, or a notebook runs), its summary cache in the extension's storage, kept current
 * by a file watcher on `.modelbook/runs/*` whose events are batched (a run file is rewritten on
 * every epoch). Unreadable files become problems, never exceptions.
 */
export class RunsService implements vscode.Disposable {
  private readonly folders = new Map<string, Promise<FolderRuns | undefined>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly emitter = new vscode.EventEmitter<RunsChange>();
  /** Fires after each batch of file events is in the index. */
  readonly onDidChange = this.emitter.event;
  private readonly batchers = new Map<string, ChangeBatcher>();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly storage: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.emitter,
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const f of e.removed) this.forget(f);
        if (e.added.length && this.folders.size) void this.open();
      }),
    );
  }

  /** Opens the index of every workspace folder (once) and returns them. */
  async open(): Promise<FolderRuns[]> {
    const all = await Promise.all((vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => this.openFolder(f)));
    return all.filter((f): f is FolderRuns => f !== undefined);
  }

  /**
   * Opens the indexes and catches up with the folder by listing it and re-reading only new or
   * changed files: a file written while the watcher was starting has no event (the panel and
   * the tree call this when they are shown).
   */
  async sync(): Promise<FolderRuns[]> {
    const all = await this.open();
    for (const { folder, index } of all) {
      this.batchers.get(folder.uri.toString())?.flushNow();
      try {
        const changes = index.refresh();
        if (changes.length) this.emitter.fire({ changes: [{ folder, index, changes }] });
      } catch (e) {
        this.log.warn(`runs: could not list ${folder.name}/.modelbook/runs: ${(e as Error).message}`);
      }
    }
    return all;
  }

  /** The indexes opened so far (no opening). */
  async opened(): Promise<FolderRuns[]> {
    return (await Promise.all(this.folders.values())).filter((f): f is FolderRuns => f !== undefined);
  }

  /** Every run of every folder, with its folder. */
  async rows(): Promise<{ folder: vscode.WorkspaceFolder; row: RunSummary }[]> {
    return (await this.open()).flatMap(({ folder, index }) => index.rows().map((row) => ({ folder, row })));
  }

  async problems(): Promise<(RunProblem & { folder: vscode.WorkspaceFolder })[]> {
    return (await this.open()).flatMap(({ folder, index }) => index.problems().map((p) => ({ ...p, folder })));
  }

  /** The run with this id, its folder and index. */
  async find(id: string): Promise<(FolderRuns & { row: RunSummary }) | undefined> {
    for (const f of await this.open()) {
      const row = f.index.get(id);
      if (row) return { ...f, row };
    }
    return undefined;
  }

  /** Applies pending file events now (tests, and before answering a request that must be current). */
  flush(): void {
    for (const b of this.batchers.values()) b.flushNow();
  }

  private openFolder(folder: vscode.WorkspaceFolder): Promise<FolderRuns | undefined> {
    const key = folder.uri.toString();
    let p = this.folders.get(key);
    if (!p) {
      p = this.start(folder);
      this.folders.set(key, p);
    }
    return p;
  }

  private async start(folder: vscode.WorkspaceFolder): Promise<FolderRuns | undefined> {
    // Watch first, so no file written while the index opens is missed (a late event only re-reads a file).
    const batcher = new ChangeBatcher((events) => void this.apply(folder, events));
    const key = folder.uri.toString();
    this.batchers.set(key, batcher);
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '.modelbook/runs/*'));
    this.disposables.push(
      watcher,
      watcher.onDidCreate((u) => batcher.add(u.fsPath, 'created')),
      watcher.onDidChange((u) => batcher.add(u.fsPath, 'changed')),
      watcher.onDidDelete((u) => batcher.add(u.fsPath, 'deleted')),
      { dispose: () => batcher.dispose() },
    );
    const t0 = Date.now();
    try {
      const index = await RunIndex.open(folder.uri.fsPath, { cacheFile: this.cacheFile(folder) });
      this.log.info(`runs: ${index.size} runs in ${folder.name} indexed in ${Date.now() - t0} ms${index.problems().length ? `, ${index.problems().length} unreadable files` : ''}`);
      return { folder, index };
    } catch (e) {
      this.log.error(`runs: could not read ${folder.name}/.modelbook/runs: ${(e as Error).message}`);
      return undefined;
    }
  }

  private async apply(folder: vscode.WorkspaceFolder, events: Map<string, FileEvent>): Promise<void> {
    const f = await this.folders.get(folder.uri.toString());
    if (!f) return;
    const changes: IndexChange[] = [];
    for (const [file, event] of events) {
      try {
        const c = f.index.applyChange(file, event);
        if (c.kind !== 'ignored') changes.push(c);
      } catch (e) {
        this.log.warn(`runs: ${file}: ${(e as Error).message}`);
      }
    }
    if (!changes.length) return;
    this.emitter.fire({ changes: [{ folder, index: f.index, changes }] });
    this.scheduleSave();
  }

  private cacheFile(folder: vscode.WorkspaceFolder): string | undefined {
    try {
      const dir = this.storage.fsPath;
      fs.mkdirSync(dir, { recursive: true });
      const hash = createHash('sha256').update(folder.uri.fsPath).digest('hex').slice(0, 16);
      return path.join(dir, `runs-index-${hash}.json`);
    } catch (e) {
      this.log.warn(`runs: no summary cache (${(e as Error).message}); the index reads every file when it opens.`);
      return undefined;
    }
  }

  /** The summary cache is written a while after changes stop, not on every epoch. */
  private scheduleSave(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => void this.saveCaches(), 10_000);
  }

  private async saveCaches(): Promise<void> {
    for (const f of await this.opened()) {
      try {
        f.index.saveCache();
      } catch (e) {
        this.log.warn(`runs: could not save the index cache: ${(e as Error).message}`);
      }
    }
  }

  private forget(folder: vscode.WorkspaceFolder): void {
    const key = folder.uri.toString();
    this.batchers.get(key)?.dispose();
    this.batchers.delete(key);
    this.folders.delete(key);
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
    for (const p of this.folders.values()) void p.then((f) => f?.index.saveCache()).catch(() => undefined);
    for (const d of this.disposables) d.dispose();
  }
}
