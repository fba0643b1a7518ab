import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Repository } from './repository';
import { readRegularText } from './safeRead';

const SMALL = 64 * 1024;
const PACKED_REFS_MAX = 64 * 1024 * 1024;
const MAX_REFS = 200_000;
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
const REF_PART = /^[^\0-\x20\x7f~^:?*[\\]+$/;

/**
 * Builds a private, read-only git dir for reading `repo`'s commits: HEAD at `head`, a config the
 * host writes (object format only, never a command), the repository's objects through
 * `objects/info/alternates`, and its branches, tags and remote branches copied into `packed-refs`
 * (read as files: a ref is only a name and an object id). Git run against it resolves `main`,
 * `origin/main`, `v1.2`, `HEAD~1` and reads blobs, and reads nothing a cell could have written
 * into `.git/config`. Undefined when the temporary folder would be inside the work tree.
 *
 * @example
 * const dir = buildRefsGitDir(repo, head.commit); // git --git-dir=dir rev-parse --verify main^{commit}
 */
export function buildRefsGitDir(repo: Repository, head: string): string | undefined {
  const objects = path.join(repo.commonDir, 'objects');
  if (/[\n\r"]/.test(objects) || !OBJECT_ID.test(head)) return undefined;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'modelbook-rev-'));
  const rel = path.relative(repo.workTree, dir);
  if (rel === '' || (!rel.startsWith(`..${path.sep}`) && rel !== '..' && !path.isAbsolute(rel))) {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
  try {
    fs.mkdirSync(path.join(dir, 'refs'));
    fs.mkdirSync(path.join(dir, 'objects', 'info'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'HEAD'), `${head}\n`);
    const sha256 = head.length === 64;
    fs.writeFileSync(path.join(dir, 'config'), `[core]\n\trepositoryformatversion = ${sha256 ? 1 : 0}\n\tbare = true\n${sha256 ? '[extensions]\n\tobjectformat = sha256\n' : ''}`);
    fs.writeFileSync(path.join(dir, 'objects', 'info', 'alternates'), `${objects}\n`);
    const refs = collectRefs(repo);
    fs.writeFileSync(
      path.join(dir, 'packed-refs'),
      `# pack-refs with: peeled sorted\n${[...refs]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([name, oid]) => `${oid} ${name}\n`)
        .join('')}`,
    );
    return dir;
  } catch {
    fs.rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

/** Ref name → object id: packed refs, overridden by loose refs (as git reads them); symbolic refs are skipped. */
function collectRefs(repo: Repository): Map<string, string> {
  const refs = new Map<string, string>();
  const packed = readRegularText(path.join(repo.commonDir, 'packed-refs'), PACKED_REFS_MAX) ?? '';
  for (const line of packed.split('\n')) {
    const m = /^([0-9a-f]{40,64}) (refs\/\S+)$/.exec(line.trimEnd());
    if (m && OBJECT_ID.test(m[1]!) && isRefName(m[2]!)) refs.set(m[2]!, m[1]!);
  }
  const walk = (dir: string, name: string, depth: number): void => {
    if (depth > 10 || refs.size >= MAX_REFS) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const ref = `${name}/${e.name}`;
      if (!REF_PART.test(e.name) || e.name.startsWith('.') || e.name.endsWith('.lock')) continue;
      if (e.isDirectory()) walk(path.join(dir, e.name), ref, depth + 1);
      else if (e.isFile()) {
        const oid = readRegularText(path.join(dir, e.name), SMALL)?.trim();
        if (oid && OBJECT_ID.test(oid)) refs.set(ref, oid);
      }
    }
  };
  for (const top of ['heads', 'tags', 'remotes']) walk(path.join(repo.commonDir, 'refs', top), `refs/${top}`, 0);
  return refs;
}

function isRefName(name: string): boolean {
  return !name.includes('..') && !name.includes('@{') && name.split('/').every((p) => p !== '' && !p.startsWith('.') && REF_PART.test(p));
}
