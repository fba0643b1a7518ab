import path from 'node:path';
import type { GitInfo, RunContext } from '../../core/runs/contract';
import { hashCells } from '../../core/runs/codeHash';
import { createIdGenerator } from '../../core/runs/ulid';
import { readGitInfoAsync } from '../../store/runs/git';

const newSessionId = createIdGenerator();

const GIT_REFRESH_MS = 5000;

/**
 * What the runs a cell starts are stamped with, gathered on the host (the sandboxed kernel may
 * not run git): the notebook's workspace-relative path, the cell id, a hash of the code of every
 * cell run so far in this kernel, and the git commit — refreshed in the background at most every
 * few seconds, so no cell ever waits for git.
 */
export class RunContextTracker {
  private sources: string[] = [];
  private git: GitInfo | undefined;
  private gitAt = -Infinity;
  private gitPending: Promise<void> | undefined;
  /** A new id on every kernel start and restart: the runs of the latest one are the notebook's current runs. */
  private session = newSessionId();

  constructor(
    private readonly workspaceDir: string,
    private readonly notebookPath: string | undefined,
  ) {}

  /** A fresh kernel: the code that led to later runs starts again. */
  reset(): void {
    this.sources = [];
    this.session = newSessionId();
  }

  /** The context for a cell about to run (and remembers its code for the cells after it). */
  next(source: string, cellId: string | undefined): RunContext {
    this.sources.push(source);
    this.refreshGit();
    const ctx: RunContext = { codeHash: hashCells(this.sources), session: this.session };
    if (this.notebookPath) ctx.notebook = path.relative(this.workspaceDir, this.notebookPath).split(path.sep).join('/');
    if (cellId) ctx.cellId = cellId;
    if (this.git) ctx.git = this.git;
    return ctx;
  }

  /** Waits for the first git read (a session does this while its kernel starts). */
  async ready(): Promise<void> {
    this.refreshGit();
    await this.gitPending;
  }

  private refreshGit(): void {
    if (this.gitPending || performance.now() - this.gitAt < GIT_REFRESH_MS) return;
    this.gitPending = readGitInfoAsync(this.workspaceDir).then((g) => {
      this.git = g;
      this.gitAt = performance.now();
      this.gitPending = undefined;
    });
  }
}
