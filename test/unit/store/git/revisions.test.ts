import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRevision, GitRevisionError, GitRevisions } from '../../../../src/store/git/revisions';
import { gitIn } from '../review/helpers';

describe('store/git GitRevisions', function () {
  this.timeout(60_000);
  let repo: string;
  let git: ReturnType<typeof gitIn>;
  let reader: GitRevisions | undefined;

  before(function () {
    if (spawnSync('git', ['--version']).status !== 0) {
      console.log('      skipped: git is not installed');
      this.skip();
    }
  });
  beforeEach(() => {
    repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-rev-')));
    git = gitIn(repo);
    git('init', '-q');
    fs.mkdirSync(path.join(repo, '.modelbook', 'runs'), { recursive: true });
    fs.writeFileSync(path.join(repo, '.modelbook', 'runs', 'a.json'), '{"a":1}');
    fs.writeFileSync(path.join(repo, 'nb.mlnb'), 'version one');
    git('add', '.');
    git('commit', '-q', '-m', 'one');
    git('tag', 'v1');
    fs.writeFileSync(path.join(repo, '.modelbook', 'runs', 'b.json'), '{"b":2}');
    fs.writeFileSync(path.join(repo, 'nb.mlnb'), 'version two');
    git('add', '.');
    git('commit', '-q', '-m', 'two');
  });
  afterEach(() => {
    reader?.dispose();
    reader = undefined;
    fs.rmSync(repo, { recursive: true, force: true });
  });

  it('resolves branches, tags, HEAD~1, remote branches and commit prefixes to commits', async () => {
    git('update-ref', 'refs/remotes/origin/main', 'HEAD~1');
    git('pack-refs', '--all');
    git('branch', 'loose');
    reader = GitRevisions.open(repo);
    const [head, first] = [git('rev-parse', 'HEAD'), git('rev-parse', 'HEAD~1')];
    assert.equal(await reader.resolve('HEAD'), head);
    assert.equal(await reader.resolve('main'), head);
    assert.equal(await reader.resolve('loose'), head);
    assert.equal(await reader.resolve('HEAD~1'), first);
    assert.equal(await reader.resolve('v1'), first);
    assert.equal(await reader.resolve('origin/main'), first);
    assert.equal(await reader.resolve(first.slice(0, 10)), first);
    await assert.rejects(() => reader!.resolve('nope'), /Revision "nope" is not a commit of/);
  });

  it('lists a folder and reads files as they were at each commit, without touching the work tree', async () => {
    reader = GitRevisions.open(repo);
    const [head, first] = [await reader.resolve('HEAD'), await reader.resolve('HEAD~1')];
    assert.deepEqual(
      (await reader.listTree(first, '.modelbook/runs')).map((e) => [e.path, e.type, e.size]),
      [['.modelbook/runs/a.json', 'blob', 7]],
    );
    assert.deepEqual(
      (await reader.listTree(head, '.modelbook/runs')).map((e) => e.path),
      ['.modelbook/runs/a.json', '.modelbook/runs/b.json'],
    );
    assert.deepEqual(await reader.listTree(head, 'missing'), []);
    assert.equal((await reader.readFile(first, 'nb.mlnb'))?.toString(), 'version one');
    assert.equal((await reader.readFile(head, 'nb.mlnb'))?.toString(), 'version two');
    assert.equal(await reader.readFile(head, 'nb.mlnb', 5), undefined, 'over the size cap');
    assert.equal(await reader.readFile(head, 'absent.txt'), undefined);
    const many = await reader.readFiles(head, ['nb.mlnb', 'absent.txt', '.modelbook/runs/a.json']);
    assert.deepEqual(
      [...many].map(([p, b]) => [p, b.toString()]),
      [
        ['.modelbook/runs/a.json', '{"a":1}'],
        ['nb.mlnb', 'version two'],
      ],
    );
    const entries = await reader.listTree(head, '.modelbook/runs');
    const blobs = await reader.readBlobs([...entries.map((e) => e.oid), entries[0]!.oid]);
    assert.deepEqual(
      entries.map((e) => blobs.get(e.oid)?.toString()),
      ['{"a":1}', '{"b":2}'],
    );
    assert.equal(git('status', '--porcelain'), '', 'the work tree and index are as they were');
  });

  it('lists commits newest first, branches and tags with their commits, and finds merge-bases', async () => {
    git('branch', 'side', 'HEAD~1');
    reader = GitRevisions.open(repo);
    const [head, first] = [git('rev-parse', 'HEAD'), git('rev-parse', 'HEAD~1')];
    assert.deepEqual(
      (await reader.log(head, 5)).map((c) => [c.commit, c.subject, c.author]),
      [
        [head, 'two', 'Test'],
        [first, 'one', 'Test'],
      ],
    );
    assert.deepEqual(
      (await reader.refs()).map((r) => [r.name, r.kind, r.commit]),
      [
        ['main', 'branch', head],
        ['side', 'branch', first],
        ['v1', 'tag', first],
      ],
    );
    assert.equal(await reader.mergeBase(head, first), first);
  });

  it('refuses option-like, path-like, range and odd revisions, saying which rule', async () => {
    assert.match(checkRevision('--output=/tmp/x')!, /starts with '-'/);
    assert.match(checkRevision('HEAD:../../etc/passwd')!, /contains ':'/);
    assert.match(checkRevision('main..HEAD')!, /range/);
    assert.match(checkRevision('main HEAD')!, /characters no revision has/);
    assert.match(checkRevision('')!, /empty/);
    assert.equal(checkRevision('origin/main~2^{commit}'), undefined);
    reader = GitRevisions.open(repo);
    const marker = path.join(os.tmpdir(), `mb-rev-output-${process.pid}`);
    fs.rmSync(marker, { force: true });
    await assert.rejects(
      () => reader!.resolve(`--output=${marker}`),
      (e: unknown) => e instanceof GitRevisionError && /refused: it starts with '-'/.test((e as Error).message),
    );
    await assert.rejects(() => reader!.resolve('HEAD:../../etc/passwd'), /refused: it contains ':'/);
    assert.equal(fs.existsSync(marker), false);
    const head = await reader.resolve('HEAD');
    await assert.rejects(() => reader!.readFile(head, '../../etc/passwd'), /must not contain '\.', '\.\.'/);
    await assert.rejects(() => reader!.readFile(head, '/etc/passwd'), /repository-relative/);
    await assert.rejects(() => reader!.listTree('HEAD', '.modelbook/runs'), /Not a commit id/);
    await assert.rejects(() => reader!.readBlobs(['HEAD:nb.mlnb']), /Not an object id/);
  });

  it('runs nothing a cell could configure in .git/config or .gitattributes', async () => {
    const marker = path.join(repo, '..', `mb-pwned-${process.pid}-${Date.now()}`);
    const cmd = `sh -c 'echo ran >> ${marker}'`;
    fs.appendFileSync(
      path.join(repo, '.git', 'config'),
      [
        '[core]',
        `\tfsmonitor = ${cmd}`,
        `\tpager = ${cmd}`,
        `\tsshCommand = ${cmd}`,
        `\taskPass = ${cmd}`,
        `\thooksPath = ${repo}/hooks`,
        '[diff "x"]',
        `\ttextconv = ${cmd}`,
        `\tcommand = ${cmd}`,
        '[filter "x"]',
        `\tsmudge = ${cmd}`,
        `\tclean = ${cmd}`,
        `\tprocess = ${cmd}`,
        '[include]',
        `\tpath = ${repo}/evil.config`,
        '',
      ].join('\n'),
    );
    fs.writeFileSync(path.join(repo, 'evil.config'), `[core]\n\tfsmonitor = ${cmd}\n`);
    fs.writeFileSync(path.join(repo, '.gitattributes'), '* filter=x diff=x\n');
    fs.mkdirSync(path.join(repo, 'hooks'));
    fs.writeFileSync(path.join(repo, 'hooks', 'post-checkout'), `#!/bin/sh\n${cmd}\n`, { mode: 0o755 });
    // The attack works against plain git in this repository: status runs the fsmonitor command.
    spawnSync('git', ['status'], { cwd: repo });
    assert.equal(fs.existsSync(marker), true, 'plain git ran the configured command (the attack is real)');
    fs.rmSync(marker);

    reader = GitRevisions.open(repo);
    const head = await reader.resolve('HEAD');
    await reader.resolve('HEAD~1');
    const entries = await reader.listTree(head, '.modelbook/runs');
    await reader.readBlobs(entries.map((e) => e.oid));
    await reader.readFile(head, 'nb.mlnb');
    assert.equal(fs.existsSync(marker), false, 'GitRevisions ran a command from the repository config');
  });
});
