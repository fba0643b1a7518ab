import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { findExecutable } from '../findExecutable';
import { buildRefsGitDir } from './refsGitDir';
import { findRepository, readHead, type Repository } from './repository';
import { SAFE_GIT_CONFIG, safeGitEnv } from './safeGit';
import { gitMessage } from './messages';

/** Thrown for a revision that is refused or unknown, or a repository that cannot be read. */
export class GitRevisionError extends Error {
  override name = 'GitRevisionError';
}

/** One entry of a tree at a commit. */
export interface TreeEntry {
  /** Repository-relative, '/'-separated. */
  path: string;
  type: 'blob' | 'tree' | 'commit';
  oid: string;
  /** Blob size in bytes (undefined for trees and submodules). */
  size?: number;
}

/** A commit as `GitRevisions.log` lists it. */
export interface CommitInfo {
  commit: string;
  subject: string;
  author: string;
  /** Committer time, seconds since the epoch. */
  time: number;
}

/** A branch, remote branch or tag as `GitRevisions.refs` lists it. */
export interface RefInfo {
  /** The short name: `main`, `origin/main`, `v1.0`. */
  name: string;
  commit: string;
  kind: 'branch' | 'remote' | 'tag';
}

/** The largest blob read by default (a predictions file of 200,000 rows is ≈6 MB). */
export const MAX_BLOB_BYTES = 64 * 2 ** 20;
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * Why `rev` is not a revision Modelbook passes to git, or undefined when it may be: it must not
 * start with '-' (an option), name a path (`HEAD:file`), a range (`A..B`), or hold characters no
 * ref or revision expression has.
 *
 * @example
 * checkRevision('--output=/tmp/x') // "starts with '-' (git would read it as an option)"
 */
export function checkRevision(rev: unknown): string | undefined {
  if (typeof rev !== 'string' || rev === '') return 'is empty';
  if (rev.length > 256) return 'is longer than 256 characters';
  if (rev.startsWith('-')) return "starts with '-' (git would read it as an option)";
  if (rev.includes(':')) return "contains ':' (a path inside a revision, like HEAD:file, is not a revision)";
  if (rev.includes('..')) return "contains '..' (a range; give one revision)";
  if (!/^[A-Za-z0-9._/~^@{}+-]+$/.test(rev)) return 'contains characters no revision has (spaces, control characters, \\ * ? [ are refused)';
  return undefined;
}

/** Why `p` is not a repository-relative path to read, or undefined. */
function checkPath(p: string): string | undefined {
  if (p === '' || p.startsWith('/') || /[\0\n\r\\]/.test(p)) return 'must be a repository-relative path without \\, NUL or newlines';
  if (p.split('/').some((s) => s === '..' || s === '.' || s === '')) return "must not contain '.', '..' or empty segments";
  return undefined;
}

/**
 * Reads commits of the repository holding a folder without touching its work tree, index or
 * config: git runs against a private refs-only git dir (see buildRefsGitDir), found outside the
 * workspace, with no GIT_* variables and nothing from the repository's config — so nothing a cell
 * wrote into `.git/` can make it run a command. `dispose()` removes the private dir.
 *
 * @example
 * const git = GitRevisions.open('/work/churn');
 * const base = await git.resolve('main'); await git.listTree(base, '.modelbook/runs'); git.dispose();
 */
export class GitRevisions {
  private constructor(
    readonly repo: Repository,
    private readonly git: string,
    private readonly gitDir: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /**
   * The reader of the repository containing `dir`; a GitRevisionError when there is none, it has
   * no commit, or no git outside the workspace.
   *
   * @example
   * const git = GitRevisions.open(workspaceDir);
   */
  static open(dir: string): GitRevisions {
    const repo = findRepository(dir);
    if (!repo) throw new GitRevisionError(gitMessage.notInRepository(dir));
    const head = readHead(repo);
    if (!head) throw new GitRevisionError(gitMessage.noCommit(repo.workTree));
    const untrusted = [dir, repo.workTree];
    const git = findExecutable('git', untrusted);
    if (!git) throw new GitRevisionError(gitMessage.gitNotFound);
    const gitDir = buildRefsGitDir(repo, head.commit);
    if (!gitDir) throw new GitRevisionError(gitMessage.noPrivateGitDir(repo.workTree));
    return new GitRevisions(repo, git, gitDir, safeGitEnv(untrusted));
  }

  /**
   * The commit `rev` names (`main`, `origin/main`, `HEAD~1`, `v1.0`, a commit or its prefix).
   *
   * @example
   * await git.resolve('HEAD~1') // '3f2a…' (40 hex)
   */
  async resolve(rev: string): Promise<string> {
    const why = checkRevision(rev);
    if (why) throw new GitRevisionError(gitMessage.revisionRefused(JSON.stringify(rev), why));
    const r = await this.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`]);
    const commit = r.ok ? r.out.toString('utf8').trim() : '';
    if (!OBJECT_ID.test(commit)) throw new GitRevisionError(gitMessage.notACommit(JSON.stringify(rev), this.repo.workTree));
    return commit;
  }

  /**
   * The entries directly under `dir` (repository-relative) at `commit`, with blob sizes; empty
   * when the folder does not exist there.
   *
   * @example
   * await git.listTree(commit, '.modelbook/runs') // [{ path: '.modelbook/runs/01JD….json', type: 'blob', oid, size: 2317 }, …]
   */
  async listTree(commit: string, dir: string): Promise<TreeEntry[]> {
    this.checkCommit(commit);
    const why = checkPath(dir);
    if (why) throw new GitRevisionError(gitMessage.folderRefused(JSON.stringify(dir), why));
    const r = await this.run(['ls-tree', '-l', '-z', '--full-tree', commit, '--', `${dir}/`]);
    if (!r.ok) throw new GitRevisionError(gitMessage.cannotList(dir, commit, r.err));
    const out: TreeEntry[] = [];
    for (const rec of r.out.toString('utf8').split('\0')) {
      const m = /^\d+ (blob|tree|commit) ([0-9a-f]{40,64}) +(-|\d+)\t(.+)$/s.exec(rec);
      if (m) out.push({ path: m[4]!, type: m[1] as TreeEntry['type'], oid: m[2]!, ...(m[3] !== '-' ? { size: Number(m[3]) } : {}) });
    }
    return out;
  }

  /**
   * The blob at `file` in `commit`, or undefined when there is none or it is larger than `maxBytes`.
   *
   * @example
   * (await git.readFile(commit, 'churn.mlnb'))?.toString('utf8')
   */
  async readFile(commit: string, file: string, maxBytes = MAX_BLOB_BYTES): Promise<Buffer | undefined> {
    return (await this.readFiles(commit, [file], maxBytes)).get(file);
  }

  /**
   * Several files of `commit` with two git processes whatever their number (one `ls-tree`, one
   * `cat-file --batch`); missing, oversized and non-blob paths are left out.
   *
   * @example
   * await git.readFiles(commit, ['churn.mlnb', 'fraud.mlnb']) // Map { 'churn.mlnb' => <Buffer …> }
   */
  async readFiles(commit: string, files: readonly string[], maxBytes = MAX_BLOB_BYTES): Promise<Map<string, Buffer>> {
    this.checkCommit(commit);
    for (const file of files) {
      const why = checkPath(file);
      if (why) throw new GitRevisionError(gitMessage.pathRefused(JSON.stringify(file), why));
    }
    const out = new Map<string, Buffer>();
    if (files.length === 0) return out;
    const r = await this.run(['ls-tree', '-l', '-z', '--full-tree', commit, '--', ...files]);
    if (!r.ok) return out;
    const oidOf = new Map<string, string>();
    for (const rec of r.out.toString('utf8').split('\0')) {
      const m = /^\d+ blob ([0-9a-f]{40,64}) +(\d+)\t(.+)$/s.exec(rec);
      if (m && Number(m[2]) <= maxBytes && files.includes(m[3]!)) oidOf.set(m[3]!, m[1]!);
    }
    const blobs = await this.readBlobs([...oidOf.values()], maxBytes);
    for (const [file, oid] of oidOf) {
      const b = blobs.get(oid);
      if (b) out.set(file, b);
    }
    return out;
  }

  /**
   * Many blobs by object id through one `git cat-file --batch` process; a blob larger than
   * `maxBytes`, missing or not a blob is left out.
   *
   * @example
   * await git.readBlobs(entries.map((e) => e.oid)) // Map { '9c4e…' => <Buffer …>, … }
   */
  async readBlobs(oids: readonly string[], maxBytes = MAX_BLOB_BYTES): Promise<Map<string, Buffer>> {
    const wanted = [...new Set(oids)];
    for (const oid of wanted) if (!OBJECT_ID.test(oid)) throw new GitRevisionError(gitMessage.notObjectId(JSON.stringify(oid)));
    const out = new Map<string, Buffer>();
    if (wanted.length === 0) return out;
    // Sizes first (cheap), so an oversized blob is never read into memory.
    const check = await this.run(['cat-file', '--batch-check'], `${wanted.join('\n')}\n`);
    if (!check.ok) throw new GitRevisionError(gitMessage.catFileFailed(check.err));
    const small = check.out
      .toString('utf8')
      .split('\n')
      .map((l) => /^([0-9a-f]{40,64}) blob (\d+)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null && Number(m[2]) <= maxBytes)
      .map((m) => m[1]!);
    if (small.length === 0) return out;
    const r = await this.run(['cat-file', '--batch'], `${small.join('\n')}\n`);
    if (!r.ok) throw new GitRevisionError(gitMessage.catFileFailed(r.err));
    let at = 0;
    const buf = r.out;
    while (at < buf.length) {
      const nl = buf.indexOf(0x0a, at);
      if (nl < 0) break;
      const m = /^([0-9a-f]{40,64}) (\w+) (\d+)$/.exec(buf.toString('utf8', at, nl));
      if (!m) {
        at = nl + 1; // '<oid> missing'
        continue;
      }
      const size = Number(m[3]);
      if (m[2] === 'blob') out.set(m[1]!, buf.subarray(nl + 1, nl + 1 + size));
      at = nl + 1 + size + 1;
    }
    return out;
  }

  /**
   * The best common ancestor of two commits (what a pull request's diff starts from), or
   * undefined when they share none.
   *
   * @example
   * await git.mergeBase(await git.resolve('HEAD'), await git.resolve('origin/main')) // '3f2a…'
   */
  async mergeBase(a: string, b: string): Promise<string | undefined> {
    this.checkCommit(a);
    this.checkCommit(b);
    const r = await this.run(['merge-base', a, b]);
    const commit = r.ok ? r.out.toString('utf8').trim() : '';
    return OBJECT_ID.test(commit) ? commit : undefined;
  }

  /**
   * Up to `count` commits reachable from `commit`, newest first, with their subject, author and
   * time (seconds since the epoch).
   *
   * @example
   * await git.log(head, 20) // [{ commit: '3f2a…', subject: 'C = 10', author: 'Ada', time: 1767225600 }, …]
   */
  async log(commit: string, count: number): Promise<CommitInfo[]> {
    this.checkCommit(commit);
    const r = await this.run(['log', '-z', `--max-count=${Math.max(1, Math.floor(count))}`, '--no-show-signature', '--no-ext-diff', '--format=%H%x1f%s%x1f%an%x1f%ct', commit, '--']);
    if (!r.ok) return [];
    return r.out
      .toString('utf8')
      .split('\0')
      .map((rec) => rec.replace(/^\n/, '').split('\x1f'))
      .filter((f) => f.length === 4 && OBJECT_ID.test(f[0]!))
      .map(([commit, subject, author, time]) => ({ commit: commit!, subject: subject!, author: author!, time: Number(time) }));
  }

  /**
   * The branches, remote branches and tags (short names) and the commits they point at, as the
   * private dir copied them.
   *
   * @example
   * await git.refs() // [{ name: 'main', commit: '3f2a…', kind: 'branch' }, { name: 'origin/main', …, kind: 'remote' }]
   */
  async refs(): Promise<RefInfo[]> {
    const r = await this.run(['for-each-ref', '--format=%(refname)%00%(objectname)', 'refs/heads', 'refs/remotes', 'refs/tags']);
    if (!r.ok) return [];
    const out: RefInfo[] = [];
    for (const line of r.out.toString('utf8').split('\n')) {
      const [ref, oid] = line.split('\0');
      const m = ref ? /^refs\/(heads|remotes|tags)\/(.+)$/.exec(ref) : null;
      if (m && oid && OBJECT_ID.test(oid)) out.push({ name: m[2]!, commit: oid, kind: m[1] === 'heads' ? 'branch' : m[1] === 'remotes' ? 'remote' : 'tag' });
    }
    return out;
  }

  /** Removes the private git dir. */
  dispose(): void {
    fs.rmSync(this.gitDir, { recursive: true, force: true });
  }

  private checkCommit(commit: string): void {
    if (!OBJECT_ID.test(commit)) throw new GitRevisionError(gitMessage.notCommitId(JSON.stringify(commit)));
  }

  /** Runs git on the private dir without blocking the caller (the extension host must never wait on a child process). */
  private run(args: string[], input?: string): Promise<GitResult> {
    return runGit(this.git, ['--no-pager', `--git-dir=${this.gitDir}`, ...SAFE_GIT_CONFIG.flatMap((c) => ['-c', c]), ...args], {
      cwd: this.gitDir,
      env: this.env,
      ...(input !== undefined ? { input } : {}),
    });
  }
}

type GitResult = { ok: true; out: Buffer } | { ok: false; out: Buffer; err: string };

/** One git process through `spawn`: its stdout (capped at 1 GB), killed after 30 s. */
function runGit(git: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv; input?: string }): Promise<GitResult> {
  return new Promise((resolve) => {
    const child = spawn(git, args, { cwd: options.cwd, env: options.env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let outBytes = 0;
    let failure: string | undefined;
    const timer = setTimeout(() => {
      failure = 'git took longer than 30 s';
      child.kill('SIGKILL');
    }, 30_000);
    child.stdout.on('data', (b: Buffer) => {
      outBytes += b.length;
      if (outBytes > MAX_OUTPUT_BYTES) {
        failure = `git wrote more than ${MAX_OUTPUT_BYTES} bytes`;
        child.kill('SIGKILL');
      } else out.push(b);
    });
    child.stderr.on('data', (b: Buffer) => err.push(b));
    // git may exit before reading all of its input (an unknown object): that is its answer, not ours to throw.
    child.stdin.on('error', () => undefined);
    // A git that cannot start emits 'error' and may never emit 'close'.
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ ok: false, out: Buffer.alloc(0), err: failure ?? e.message });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stdout = Buffer.concat(out);
      if (code === 0 && failure === undefined) resolve({ ok: true, out: stdout });
      else resolve({ ok: false, out: stdout, err: failure ?? (Buffer.concat(err).toString('utf8').trim() || `exit ${String(code)}`) });
    });
    child.stdin.end(options.input ?? '');
  });
}

const MAX_OUTPUT_BYTES = 1024 * 2 ** 20;
