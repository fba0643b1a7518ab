import { strict as assert } from 'node:assert';
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseGitStatus, readGitInfo } from '../../../../src/store/runs/git';
import { tempWorkspace } from './processes';

describe('store/runs readGitInfo', function () {
  this.timeout(30_000);
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd: repo, encoding: 'utf8' }).trim();

  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) {
      console.log('      skipped: git is not installed');
      this.skip();
    }
  });
  beforeEach(() => (repo = tempWorkspace()));
  afterEach(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('is undefined outside a repository and before the first commit', function () {
    const outside = spawnSync('git', ['rev-parse', '--git-dir'], { cwd: repo }).status !== 0;
    if (outside) assert.equal(readGitInfo(repo), undefined);
    git('init', '-q');
    assert.equal(readGitInfo(repo), undefined);
  });

  it('gives the commit and branch, and dirty for changed or untracked files outside .modelbook', () => {
    git('init', '-q');
    fs.writeFileSync(path.join(repo, 'a.txt'), 'one');
    fs.mkdirSync(path.join(repo, 'sub'));
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    const head = git('rev-parse', 'HEAD');
    assert.deepEqual(readGitInfo(repo), { commit: head, branch: 'main', dirty: false });
    assert.deepEqual(readGitInfo(path.join(repo, 'sub')), { commit: head, branch: 'main', dirty: false }, 'from a subfolder');

    fs.mkdirSync(path.join(repo, '.modelbook', 'runs'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.modelbook', 'runs', 'r.json'), '{}');
    fs.mkdirSync(path.join(repo, 'sub', '.modelbook', 'runs'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'sub', '.modelbook', 'runs', 'r.json'), '{}');
    assert.equal(readGitInfo(repo)?.dirty, false, 'new run records do not make the tree dirty');

    fs.writeFileSync(path.join(repo, 'b.txt'), 'untracked');
    assert.equal(readGitInfo(path.join(repo, 'sub'))?.dirty, true, 'an untracked file anywhere in the tree');
    fs.rmSync(path.join(repo, 'b.txt'));
    fs.writeFileSync(path.join(repo, 'a.txt'), 'two');
    assert.equal(readGitInfo(repo)?.dirty, true, 'a modified tracked file');
  });

  it('has no branch on a detached HEAD', () => {
    git('init', '-q');
    git('commit', '-q', '--allow-empty', '-m', 'first');
    git('checkout', '-q', '--detach');
    const info = readGitInfo(repo)!;
    assert.equal(info.branch, undefined);
    assert.match(info.commit, /^[0-9a-f]{40}$/);
  });

  it('parses porcelain v2 status output', () => {
    assert.deepEqual(parseGitStatus('# branch.oid abcdef1234567\n# branch.head feature/x\n# branch.upstream origin/x\n1 .M N... 100644 100644 100644 a b c.txt\n'), {
      commit: 'abcdef1234567',
      branch: 'feature/x',
      dirty: true,
    });
    assert.equal(parseGitStatus('# branch.oid (initial)\n# branch.head main\n'), undefined);
  });
});
