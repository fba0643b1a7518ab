import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { buildManifest, contentHashText } from '../../core/package/buildManifest';
import type { PackageParts } from '../../core/package/collectParts';
import { PACKAGE_FILES, type PackageManifest } from '../../core/package/contract';
import { packageMessage } from '../../core/package/messages';

/**
 * sha256 hex of bytes or UTF-8 text.
 *
 * @example
 * sha256Hex('abc') // 'ba7816bf…'
 */
export function sha256Hex(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/**
 * The manifest a package of these parts gets: each file's sha256 and the content hash over them.
 *
 * @example
 * packageManifest(parts).contentHash // the same for the same files, whenever exported
 */
export function packageManifest(parts: PackageParts): PackageManifest {
  const files: Record<string, string> = {};
  for (const [p, content] of Object.entries(parts.files)) {
    if (!isPartPath(p)) throw new RangeError(packageMessage.badPartPath(p));
    files[p] = sha256Hex(content);
  }
  return buildManifest(parts.manifest, files, sha256Hex(contentHashText(files, parts.manifest.lifecycle)));
}

/**
 * Writes a model package to `dir` atomically: every file goes to a sibling temp folder first,
 * which is then renamed into place, so a reader (or a crash) sees the old package or the new one,
 * never a partial one. An existing package at `dir` is replaced; any other non-empty folder is
 * refused. Returns the manifest written.
 *
 * @example
 * const manifest = writePackage('models/churn', { manifest: parts, files: { 'model/model.json': JSON.stringify(pipe) } });
 */
export function writePackage(dir: string, parts: PackageParts): PackageManifest {
  const target = path.resolve(dir);
  const manifest = packageManifest(parts);
  refuseNonPackage(target);
  const parent = path.dirname(target);
  fs.mkdirSync(parent, { recursive: true });
  const stamp = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const temp = path.join(parent, `.${path.basename(target)}.${stamp}.tmp`);
  try {
    for (const [p, content] of Object.entries(parts.files)) {
      const file = path.join(temp, ...p.split('/'));
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    }
    fs.mkdirSync(temp, { recursive: true });
    fs.writeFileSync(path.join(temp, PACKAGE_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`);
    swapInto(temp, target, path.join(parent, `.${path.basename(target)}.${stamp}.old`));
  } catch (e) {
    fs.rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  return manifest;
}

/** Renames `temp` to `target`, moving an existing package aside first and removing it after. */
function swapInto(temp: string, target: string, old: string): void {
  let moved = false;
  if (fs.existsSync(target)) {
    if (fs.readdirSync(target).length === 0) fs.rmdirSync(target);
    else {
      fs.renameSync(target, old);
      moved = true;
    }
  }
  try {
    fs.renameSync(temp, target);
  } catch (e) {
    if (moved) fs.renameSync(old, target);
    throw e;
  }
  if (moved) fs.rmSync(old, { recursive: true, force: true });
}

function refuseNonPackage(target: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(target);
  } catch {
    return;
  }
  if (!stat.isDirectory()) throw new Error(packageMessage.refuseOverwrite(target));
  const entries = fs.readdirSync(target);
  if (entries.length > 0 && !entries.includes(PACKAGE_FILES.manifest)) throw new Error(packageMessage.refuseOverwrite(target));
}

function isPartPath(p: string): boolean {
  return p !== '' && p !== PACKAGE_FILES.manifest && !p.startsWith('/') && !p.includes('\\') && p.split('/').every((s) => s !== '' && s !== '.' && s !== '..');
}
