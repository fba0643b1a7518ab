import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { KernelSession } from '../../../../src/kernel/host/session';
import { readGitInfo, readGitInfoAsync } from '../../../../src/store/runs/git';
import { makeWorkspace, newSession, run } from '../helpers';
import { HOST_TIMEOUT_MS, commitOnce, git, hostReads, markerDir, markerScript, plantWithCell, type Planted } from './plant';

// A cell may write anything inside the workspace, `.git/` included. The host reads git info at
// every kernel start and cell start, outside every sandbox: nothing planted there may run.
describe('attack: planting git configuration for the host to run', function () {
  this.timeout(60_000);
  let ws: string;
  let outside: string;
  let marker: string;
  let session: KernelSession;

  before(function () {
    if (process.platform === 'win32' || spawnSync('git', ['--version']).status !== 0) {
      console.log('      skipped: needs git and a POSIX shell');
      this.skip();
    }
  });
  beforeEach(() => {
    ws = makeWorkspace();
    outside = markerDir();
    marker = path.join(outside, 'host-ran-a-planted-command');
    session = newSession(ws);
  });
  afterEach(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  /** Plants, lets every host read happen, and checks nothing ran and the reads came back in time. */
  async function attack(files: Planted[]): Promise<Awaited<ReturnType<typeof hostReads>>> {
    await plantWithCell(session, [{ file: 'evil.sh', content: markerScript(marker), executable: true }, ...files]);
    const reads = await hostReads(ws);
    assert.equal(fs.existsSync(marker), false, `the host ran the planted command: ${fs.existsSync(marker) ? fs.readFileSync(marker, 'utf8') : ''}`);
    assert.ok(reads.slowestMs < HOST_TIMEOUT_MS, `a host git read took ${Math.round(reads.slowestMs)} ms`);
    return reads;
  }
  const evil = () => path.join(ws, 'evil.sh');
  const config = (text: string): Planted => ({ file: '.git/config', content: `\n${text}\n`, append: true });

  it('core.fsmonitor appended to .git/config does not run, and the commit is still read', async () => {
    const head = commitOnce(ws);
    const { results } = await attack([config(`[core]\n\tfsmonitor = "${evil()}"`)]);
    for (const r of results) assert.equal(r?.commit, head);
  });

  it('a whole .git/ a cell writes where there was none does not run its fsmonitor or hooks', async () => {
    const template = makeWorkspace();
    try {
      commitOnce(template);
      const files: Planted[] = [];
      const walk = (rel: string) => {
        for (const e of fs.readdirSync(path.join(template, rel), { withFileTypes: true })) {
          const r = path.join(rel, e.name);
          if (e.isDirectory()) walk(r);
          else if (e.isFile()) files.push({ file: r, content: fs.readFileSync(path.join(template, r)) });
        }
      };
      walk('.git');
      assert.equal(fs.existsSync(path.join(ws, '.git')), false);
      const hooks = ['post-index-change', 'pre-commit', 'post-checkout'].map((h) => ({ file: `.git/hooks/${h}`, content: markerScript(marker), executable: true }));
      await attack([...files, config(`[core]\n\tfsmonitor = "${evil()}"\n\thooksPath = .git/hooks`), ...hooks, { file: 'a.txt', content: 'one' }]);
    } finally {
      fs.rmSync(template, { recursive: true, force: true });
    }
  });

  it('a clean/process filter driver with a .gitattributes does not run, even on a modified file', async () => {
    commitOnce(ws);
    const { results } = await attack([
      config(`[filter "x"]\n\tclean = "${evil()}"\n\tsmudge = "${evil()}"\n\tprocess = "${evil()}"\n\trequired = true`),
      { file: '.gitattributes', content: '* filter=x\n' },
      { file: 'a.txt', content: 'two' }, // same size: git must hash it, which is when filters run
    ]);
    for (const r of results) assert.equal(r?.dirty, true);
  });

  it('hooks and core.hooksPath pointing into the workspace do not run', async () => {
    commitOnce(ws);
    const hooks = ['post-index-change', 'reference-transaction', 'pre-auto-gc'].flatMap((h) => [
      { file: `.git/hooks/${h}`, content: markerScript(marker), executable: true },
      { file: `myhooks/${h}`, content: markerScript(marker), executable: true },
    ]);
    await attack([...hooks, config('[core]\n\thooksPath = myhooks'), { file: 'a.txt', content: 'two' }]);
  });

  it('include.path to a workspace file with an fsmonitor does not run', async () => {
    commitOnce(ws);
    await attack([{ file: 'evil.gitconfig', content: `[core]\n\tfsmonitor = "${evil()}"\n` }, config(`[include]\n\tpath = ${path.join(ws, 'evil.gitconfig')}`)]);
  });

  it('a nested repository (submodule) with its own fsmonitor is not entered', async () => {
    const sub = path.join(ws, 'sub');
    fs.mkdirSync(sub);
    commitOnce(sub);
    commitOnce(ws);
    git(ws, 'add', 'sub');
    git(ws, 'commit', '-q', '-m', 'with a gitlink');
    await attack([
      { file: 'sub/.git/config', content: `\n[core]\n\tfsmonitor = "${evil()}"\n`, append: true },
      config('[submodule]\n\trecurse = true\n[status]\n\tsubmoduleSummary = true\n[diff]\n\tignoreSubmodules = none'),
      { file: 'sub/a.txt', content: 'two' },
    ]);
  });

  it('GIT_* variables in the host environment are not passed to git', async () => {
    const head = commitOnce(ws);
    await plantWithCell(session, [{ file: 'evil.sh', content: markerScript(marker), executable: true }]);
    const planted = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'core.fsmonitor', GIT_CONFIG_VALUE_0: evil(), GIT_CONFIG_PARAMETERS: `'core.fsmonitor'='${evil()}'`, GIT_EXTERNAL_DIFF: evil() };
    Object.assign(process.env, planted);
    try {
      assert.deepEqual(readGitInfo(ws), { commit: head, branch: 'main', dirty: true }, 'untracked files: dirty');
    } finally {
      for (const k of Object.keys(planted)) delete process.env[k];
    }
    assert.equal(fs.existsSync(marker), false);
  });

  it('a git executable planted on a relative or in-workspace PATH entry is not run', async () => {
    const head = commitOnce(ws);
    await plantWithCell(session, [{ file: 'bin/git', content: markerScript(marker), executable: true }]);
    const before = process.env.PATH;
    process.env.PATH = ['bin', '.', '', path.join(ws, 'bin'), before].join(path.delimiter);
    try {
      assert.deepEqual(readGitInfo(ws), { commit: head, branch: 'main', dirty: true }, 'untracked files: dirty');
    } finally {
      process.env.PATH = before;
    }
    assert.equal(fs.existsSync(marker), false);
  });
});

const PROMPT_MS = 3000;

describe('attack: planting files that hang the host', function () {
  this.timeout(60_000);
  let ws: string;
  let session: KernelSession;

  before(function () {
    if (process.platform === 'win32' || spawnSync('git', ['--version']).status !== 0 || spawnSync('mkfifo', ['--version']).status !== 0) {
      console.log('      skipped: needs git and mkfifo');
      this.skip();
    }
  });
  beforeEach(() => {
    ws = makeWorkspace();
    commitOnce(ws);
    // A cell allowed to start processes can make FIFOs; the host must not care who made them.
    session = newSession(ws, { sandbox: { allowChildProcess: true } });
  });
  afterEach(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  const plants: [string, string][] = [
    ['a FIFO as .git/HEAD', 'rm -f .git/HEAD && mkfifo .git/HEAD'],
    ['a FIFO as .git/index', 'rm -f .git/index && mkfifo .git/index'],
    ['a FIFO as the branch ref and as packed-refs', 'rm -f .git/refs/heads/main && mkfifo .git/refs/heads/main .git/packed-refs'],
    ['a FIFO as .git/config and .git/info/exclude', 'rm -f .git/config && mkdir -p .git/info && rm -f .git/info/exclude && mkfifo .git/config .git/info/exclude'],
    ['a symlink from .git/HEAD to /dev/zero', 'rm -f .git/HEAD && ln -s /dev/zero .git/HEAD'],
    ['a .git file whose gitdir: is a FIFO', 'rm -rf .git && mkfifo fifo && printf "gitdir: fifo\\n" > .git'],
    ['a huge sparse .git/packed-refs', 'rm -f .git/refs/heads/main && truncate -s 8G .git/packed-refs'],
  ];
  for (const [what, shell] of plants) {
    it(`${what} does not hang the host`, async () => {
      const r = await run(session, `import cp from 'node:child_process';\ncp.execSync(${JSON.stringify(shell)}, { stdio: 'ignore' }); 'planted'`);
      assert.equal(r.text, "'planted'", r.error?.message);
      const { slowestMs } = await hostReads(ws);
      // Promptly: not merely cut off by git's own timeout.
      assert.ok(slowestMs < PROMPT_MS, `a host git read took ${Math.round(slowestMs)} ms`);
    });
  }

  it('a FIFO .gitignore in the work tree costs at most the timeout', async () => {
    await run(session, "import cp from 'node:child_process';\ncp.execSync('mkfifo .gitignore'); 'planted'");
    const t0 = performance.now();
    assert.equal(await readGitInfoAsync(ws), undefined, 'git status was stopped');
    assert.ok(performance.now() - t0 < HOST_TIMEOUT_MS, `the host git read took ${Math.round(performance.now() - t0)} ms`);
  });
});
