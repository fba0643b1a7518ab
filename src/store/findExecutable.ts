import fs from 'node:fs';
import path from 'node:path';

/**
 * The absolute path of the executable `name` on PATH, taking only absolute PATH entries that are
 * not inside any of `untrusted` (the workspace): a relative entry ('.', '' or 'bin') resolves
 * against the current folder, and a folder a cell can write to could hold a planted `git` or
 * `node`. Undefined when there is none.
 *
 * @example
 * findExecutable('git', ['/work/churn']) // '/usr/bin/git'
 */
export function findExecutable(name: string, untrusted: readonly string[] = [], pathVar = process.env.PATH ?? ''): string | undefined {
  const names = process.platform === 'win32' ? [`${name}.exe`, `${name}.cmd`] : [name];
  for (const dir of trustedPathEntries(untrusted, pathVar)) {
    for (const n of names) {
      const file = path.join(dir, n);
      if (isExecutableFile(file) && !isInsideAny(realpathOr(file), untrusted)) return file;
    }
  }
  return undefined;
}

/**
 * The PATH entries `findExecutable` trusts: absolute, existing, and (with symlinks resolved)
 * outside every folder in `untrusted`.
 *
 * @example
 * trustedPathEntries(['/work/churn'], '.:/work/churn/bin:/usr/bin') // ['/usr/bin']
 */
export function trustedPathEntries(untrusted: readonly string[] = [], pathVar = process.env.PATH ?? ''): string[] {
  const out: string[] = [];
  for (const entry of pathVar.split(path.delimiter)) {
    if (!entry || !path.isAbsolute(entry)) continue;
    if (isInsideAny(entry, untrusted) || isInsideAny(realpathOr(entry), untrusted)) continue;
    if (!out.includes(entry)) out.push(entry);
  }
  return out;
}

function isInsideAny(p: string, dirs: readonly string[]): boolean {
  return dirs.some((d) => [path.resolve(d), realpathOr(d)].some((root) => isInside(p, root)));
}

function isInside(p: string, root: string): boolean {
  const rel = path.relative(root, path.resolve(p));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
