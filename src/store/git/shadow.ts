import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Repository } from './repository';
import { readRegularFile, readRegularText } from './safeRead';

const INDEX_MAX = 256 * 1024 * 1024;
const SMALL = 1024 * 1024;
/** Keys of the repository's `[core]` section that change what counts as modified; each copied only with a plain value. */
const COPIED_CORE_KEYS = new Set(['filemode', 'ignorecase', 'autocrlf', 'eol', 'checkstat', 'trustctime', 'symlinks', 'precomposeunicode']);
const PLAIN_VALUE = /^(?:true|false|yes|no|on|off|input|lf|crlf|native|default|minimal|[01])$/i;

/**
 * Builds a private git dir for `git status` on `repo`'s work tree, in a fresh temporary folder:
 * HEAD at `commit`, a config the host writes (object format and a few stat settings, never a
 * command), the repository's objects through `objects/info/alternates`, copies of its index and
 * `info/exclude`, no hooks. Git run against it reads nothing executable from the repository.
 * Undefined when the temporary folder would be inside the work tree (a cell could write to it).
 *
 * @example
 * const shadow = buildShadowGitDir(repo, head.commit); // … git --git-dir=shadow status …; removeShadowGitDir(shadow)
 */
export function buildShadowGitDir(repo: Repository, commit: string): string | undefined {
  const objects = path.join(repo.commonDir, 'objects');
  if (/[\n\r"]/.test(objects)) return undefined;
  const shadow = fs.mkdtempSync(path.join(os.tmpdir(), 'modelbook-git-'));
  const rel = path.relative(repo.workTree, shadow);
  if (rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel))) {
    removeShadowGitDir(shadow);
    return undefined;
  }
  try {
    fs.mkdirSync(path.join(shadow, 'refs'));
    fs.mkdirSync(path.join(shadow, 'objects', 'info'), { recursive: true });
    fs.mkdirSync(path.join(shadow, 'info'));
    fs.writeFileSync(path.join(shadow, 'HEAD'), `${commit}\n`);
    fs.writeFileSync(path.join(shadow, 'config'), shadowConfig(repo, commit.length === 64));
    fs.writeFileSync(path.join(shadow, 'objects', 'info', 'alternates'), `${objects}\n`);
    copyIndex(path.join(repo.gitDir, 'index'), path.join(shadow, 'index'));
    copySharedIndexes(repo.gitDir, shadow);
    const exclude = readRegularFile(path.join(repo.commonDir, 'info', 'exclude'), SMALL);
    if (exclude) fs.writeFileSync(path.join(shadow, 'info', 'exclude'), exclude);
    return shadow;
  } catch {
    removeShadowGitDir(shadow);
    return undefined;
  }
}

/**
 * Removes a folder `buildShadowGitDir` made.
 *
 * @example
 * removeShadowGitDir(shadow)
 */
export function removeShadowGitDir(shadow: string): void {
  fs.rmSync(shadow, { recursive: true, force: true });
}

function shadowConfig(repo: Repository, sha256: boolean): string {
  const core = [`\trepositoryformatversion = ${sha256 ? 1 : 0}`, '\tbare = false'];
  for (const [key, value] of readCoreSettings(path.join(repo.commonDir, 'config'))) core.push(`\t${key} = ${value}`);
  return `[core]\n${core.join('\n')}\n${sha256 ? '[extensions]\n\tobjectformat = sha256\n' : ''}`;
}

/** The few `[core]` stat settings the repository sets, with plain values only (a tiny reader: no includes, no quoting). */
function readCoreSettings(configFile: string): [string, string][] {
  const text = readRegularText(configFile, SMALL);
  if (!text) return [];
  const out: [string, string][] = [];
  let inCore = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/[#;].*$/, '').trim();
    const section = /^\[\s*([A-Za-z0-9.-]+)\s*\]$/.exec(line);
    if (section) inCore = section[1]!.toLowerCase() === 'core';
    else if (line.startsWith('[')) inCore = false;
    const kv = inCore && !section ? /^([A-Za-z][A-Za-z0-9-]*)\s*=\s*(\S+)$/.exec(line) : null;
    if (kv && COPIED_CORE_KEYS.has(kv[1]!.toLowerCase()) && PLAIN_VALUE.test(kv[2]!)) out.push([kv[1]!.toLowerCase(), kv[2]!.toLowerCase()]);
  }
  return out;
}

/**
 * The index with its modification time kept (made a little older): git takes an entry whose file
 * changed in the same instant as the index was written as "racily clean" and hashes it, which a
 * copy stamped now would defeat.
 */
function copyIndex(from: string, to: string): void {
  const index = readRegularFile(from, INDEX_MAX);
  if (!index) return;
  const mtimeMs = fs.lstatSync(from).mtimeMs - 1;
  fs.writeFileSync(to, index);
  fs.utimesSync(to, mtimeMs / 1000, mtimeMs / 1000);
}

/** A split index keeps most entries in `sharedindex.<id>` beside `index`. */
function copySharedIndexes(gitDir: string, shadow: string): void {
  let names: string[];
  try {
    names = fs.readdirSync(gitDir).filter((n) => /^sharedindex\.[0-9a-f]{40,64}$/.test(n));
  } catch {
    return;
  }
  for (const n of names) {
    const data = readRegularFile(path.join(gitDir, n), INDEX_MAX);
    if (data) fs.writeFileSync(path.join(shadow, n), data);
  }
}
