import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { GitInfo } from '../../../../src/core/runs/contract';
import type { KernelSession } from '../../../../src/kernel/host/session';
import { makeWorkspace, newSession } from '../helpers';
import { commitOnce, git, hostReads, plantWithCell } from './plant';

// The defences above must not cost the answer: on an ordinary repository every host read agrees with git.
describe('host git info on an ordinary repository, changed by cells', function () {
  this.timeout(60_000);
  let ws: string;
  let session: KernelSession;
  let head: string;

  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) this.skip();
  });
  beforeEach(() => {
    ws = makeWorkspace();
    fs.writeFileSync(path.join(ws, '.gitignore'), 'node_modules/\n');
    head = commitOnce(ws);
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'workspace');
    head = git(ws, 'rev-parse', 'HEAD');
    session = newSession(ws);
  });
  afterEach(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  const expectAll = async (expected: GitInfo | undefined, why: string) => {
    for (const r of (await hostReads(ws)).results) assert.deepEqual(r, expected, why);
  };

  it('is clean, then clean after a cell writes only under .modelbook/', async () => {
    await expectAll({ commit: head, branch: 'main', dirty: false }, 'a fresh commit');
    await plantWithCell(session, [
      { file: '.modelbook/runs/r.json', content: '{}' },
      { file: 'nb/.modelbook/runs/r.json', content: '{}' },
    ]);
    await expectAll({ commit: head, branch: 'main', dirty: false }, 'run records do not make the tree dirty');
  });

  it('is dirty after a cell modifies a tracked file or adds an untracked one', async () => {
    await plantWithCell(session, [{ file: 'a.txt', content: 'two' }]);
    await expectAll({ commit: head, branch: 'main', dirty: true }, 'a modified tracked file (same size)');
    git(ws, 'checkout', '--', 'a.txt');
    await plantWithCell(session, [{ file: 'new.txt', content: 'x' }]);
    await expectAll({ commit: head, branch: 'main', dirty: true }, 'an untracked file');
  });

  it('follows packed refs, detached heads, other branches and sha256 repositories', async () => {
    git(ws, 'pack-refs', '--all');
    await expectAll({ commit: head, branch: 'main', dirty: false }, 'a packed branch');
    git(ws, 'checkout', '-q', '-b', 'feature/x');
    await expectAll({ commit: head, branch: 'feature/x', dirty: false }, 'a branch with a slash');
    git(ws, 'checkout', '-q', '--detach');
    await expectAll({ commit: head, dirty: false }, 'a detached HEAD');
    fs.rmSync(path.join(ws, '.git'), { recursive: true, force: true });
    git(ws, 'init', '-q', '--object-format=sha256');
    git(ws, 'add', '.');
    git(ws, 'commit', '-q', '-m', 'sha256');
    await expectAll({ commit: git(ws, 'rev-parse', 'HEAD'), branch: 'main', dirty: false }, 'a sha256 repository');
  });

  it('reads a linked worktree (a .git file) through its common dir', async () => {
    const linked = `${ws}-linked`;
    git(ws, 'worktree', 'add', '-q', '-b', 'side', linked);
    try {
      for (const r of (await hostReads(linked)).results) assert.deepEqual(r, { commit: head, branch: 'side', dirty: false });
    } finally {
      fs.rmSync(linked, { recursive: true, force: true });
    }
  });
});
