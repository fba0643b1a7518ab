import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseGitUser, readGitAuthor } from '../../../../src/store/reviews/gitAuthor';

describe('store/reviews/gitAuthor', () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-author-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  function repo(config: string): string {
    const ws = path.join(root, 'ws');
    fs.mkdirSync(path.join(ws, '.git', 'refs'), { recursive: true });
    fs.writeFileSync(path.join(ws, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    fs.writeFileSync(path.join(ws, '.git', 'config'), config);
    return ws;
  }

  it('reads user.name and user.email: the repository config over ~/.gitconfig', () => {
    const home = path.join(root, 'home');
    fs.mkdirSync(home);
    fs.writeFileSync(path.join(home, '.gitconfig'), '[user]\n\tname = Global Name\n\temail = global@example.com\n');
    const ws = repo('[core]\n\tbare = false\n[user]\n\temail = "local@example.com" ; work\n');
    assert.deepEqual(readGitAuthor(ws, { home, xdgConfigHome: path.join(root, 'xdg') }), { name: 'Global Name', email: 'local@example.com' });
  });

  it('never runs what the config names (core.pager, core.fsmonitor, an alias)', () => {
    const marker = path.join(root, 'ran');
    const ws = repo(`[core]\n\tfsmonitor = touch ${marker}\n\tpager = touch ${marker}\n[alias]\n\tconfig = !touch ${marker}\n[user]\n\tname = Ada\n`);
    assert.equal(readGitAuthor(ws, { home: path.join(root, 'none'), xdgConfigHome: path.join(root, 'none') }).name, 'Ada');
    assert.equal(fs.existsSync(marker), false);
  });

  it('ignores a config that is a symlink and falls back to the OS user', () => {
    const ws = repo('');
    fs.rmSync(path.join(ws, '.git', 'config'));
    const real = path.join(root, 'real-config');
    fs.writeFileSync(real, '[user]\n\tname = Linked\n');
    fs.symlinkSync(real, path.join(ws, '.git', 'config'));
    const author = readGitAuthor(ws, { home: path.join(root, 'none'), xdgConfigHome: path.join(root, 'none') });
    assert.notEqual(author.name, 'Linked');
    assert.equal(author.email, '');
  });

  it('parses git config syntax: quotes, escapes, comments, case-insensitive keys, subsections', () => {
    assert.deepEqual(parseGitUser('[User]\n  Name = "Ada \\"A\\" L." # c\n'), { name: 'Ada "A" L.' });
    assert.deepEqual(parseGitUser('[user "x"]\nname = Not me\n[user]\nemail=a@b.c;x\n'), { email: 'a@b.c' });
    assert.deepEqual(parseGitUser('[user]\nname = First\nname = Last\n'), { name: 'Last' });
  });
});
