import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GitRevisions } from '../../../../src/store/git/revisions';
import { pickDefaultBase } from '../../../../src/store/review/defaultBase';
import { gitIn } from './helpers';

describe('store/review pickDefaultBase', function () {
  this.timeout(60_000);
  let repo: string;
  let git: ReturnType<typeof gitIn>;
  let reader: GitRevisions | undefined;
  const commit = (name: string) => {
    fs.writeFileSync(path.join(repo, 'nb.mlnb'), name);
    git('add', '.');
    git('commit', '-q', '-m', name);
    return git('rev-parse', 'HEAD');
  };
  const pick = async () => {
    reader = GitRevisions.open(repo);
    return pickDefaultBase(reader);
  };

  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) {
      console.log('      skipped: git is not installed');
      this.skip();
    }
  });
  beforeEach(() => {
    repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-base-')));
    git = gitIn(repo);
    git('init', '-q');
  });
  afterEach(() => {
    reader?.dispose();
    reader = undefined;
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('takes HEAD~1 on the default branch itself, and nothing on a first commit', async () => {
    commit('one');
    assert.equal(await pick(), undefined, 'a first commit has no base');
    reader?.dispose();
    const one = git('rev-parse', 'HEAD');
    commit('two');
    assert.deepEqual(await pick(), { commit: one, reason: 'parent', ref: 'HEAD~1', label: 'HEAD~1 (the parent commit)' });
  });

  it("takes the merge-base with the default branch on a feature branch: origin/HEAD's target first, then main", async () => {
    const fork = [commit('one'), commit('two')][1];
    git('checkout', '-q', '-b', 'feature');
    commit('three');
    commit('four');
    git('checkout', '-q', 'main');
    const mainTip = commit('five on main');
    git('checkout', '-q', 'feature');
    const local = await pick();
    assert.deepEqual([local?.reason, local?.ref, local?.commit], ['default-branch', 'main', fork]);
    reader?.dispose();

    // A remote default branch named by origin/HEAD, which forked later than local main.
    git('update-ref', 'refs/remotes/origin/trunk', 'HEAD~1');
    git('symbolic-ref', 'refs/remotes/origin/HEAD', 'refs/remotes/origin/trunk');
    const remote = await pick();
    assert.deepEqual([remote?.reason, remote?.ref, remote?.commit], ['default-branch', 'origin/trunk', git('rev-parse', 'HEAD~1')]);
    assert.notEqual(remote?.commit, mainTip);
  });

  it("takes the checked-out pull request's base, as owner/repo:branch or branch, through the remote that names the repository", async () => {
    commit('one');
    const forkPoint = commit('two');
    git('checkout', '-q', '-b', 'pr-7');
    commit('three');
    git('remote', 'add', 'origin', 'https://github.com/me/churn-fork.git');
    git('remote', 'add', 'upstream', 'git@github.com:octo/churn.git');
    git('update-ref', 'refs/remotes/upstream/release', forkPoint);
    git('update-ref', 'refs/remotes/origin/release', 'HEAD');
    git('config', 'branch.pr-7.github-pr-base-branch', 'octo/churn:release');
    const qualified = await pick();
    assert.deepEqual(qualified, { commit: forkPoint, reason: 'pull-request', ref: 'upstream/release', label: "merge-base with upstream/release (the pull request's base)" });
    reader?.dispose();

    git('config', 'branch.pr-7.github-pr-base-branch', 'release');
    const plain = await pick();
    assert.deepEqual([plain?.reason, plain?.ref], ['pull-request', 'origin/release'], 'a bare branch: origin first');
  });

  it('ignores a pull-request base that is no revision, or that the repository lacks, and falls back', async () => {
    commit('one');
    const parent = commit('two');
    git('checkout', '-q', '-b', 'pr-8');
    commit('three');
    const marker = path.join(os.tmpdir(), `mb-base-output-${process.pid}`);
    fs.rmSync(marker, { force: true });
    git('config', 'branch.pr-8.github-pr-base-branch', `--output=${marker}`);
    const refused = await pick();
    assert.deepEqual([refused?.reason, refused?.ref, refused?.commit], ['default-branch', 'main', parent]);
    assert.equal(fs.existsSync(marker), false);
    reader?.dispose();

    git('config', 'branch.pr-8.github-pr-base-branch', 'octo/churn:gone');
    const missing = await pick();
    assert.equal(missing?.reason, 'default-branch');
  });
});
