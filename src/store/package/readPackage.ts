import path from 'node:path';
import { checkManifest, contentHashText } from '../../core/package/buildManifest';
import { PACKAGE_FILES, PACKAGE_FORMAT_VERSION, type PackageManifest } from '../../core/package/contract';
import { packageMessage } from '../../core/package/messages';
import { FileReadError, readRegularFile } from '../readRegularFile';
import { sha256Hex } from './writePackage';

/** Packages hold models and profiles; a part above this is not one we wrote. */
const MAX_PART_BYTES = 2 ** 31;

/** A package read and checked: its manifest and the bytes of every file it lists. */
export interface PackageContents {
  dir: string;
  manifest: PackageManifest;
  files: Map<string, Buffer>;
}

/**
 * Reads a model package and checks it: the manifest's shape and format version, every listed
 * file's sha256, and the content hash over them. A changed, missing or extra-linked file is
 * refused with the file's name.
 *
 * @example
 * const { manifest, files } = readPackage('models/churn');
 * JSON.parse(files.get('schema/input.json')!.toString('utf8'))
 */
export function readPackage(dir: string): PackageContents {
  const root = path.resolve(dir);
  let raw: Buffer;
  try {
    raw = readRegularFile(path.join(root, PACKAGE_FILES.manifest), { maxBytes: 64 << 20 }).bytes;
  } catch (e) {
    if (e instanceof FileReadError && e.problem === 'missing') throw new Error(packageMessage.notAPackage(dir), { cause: e });
    throw e;
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw new Error(packageMessage.badManifest(dir, (e as Error).message), { cause: e });
  }
  const why = checkManifest(manifest);
  if (why) throw new Error(packageMessage.badManifest(dir, why));
  const m = manifest as PackageManifest;
  if (m.formatVersion > PACKAGE_FORMAT_VERSION) throw new Error(packageMessage.newerFormat(dir, m.formatVersion));
  if (sha256Hex(contentHashText(m.files, m.lifecycle)) !== m.contentHash) throw new Error(packageMessage.contentHashMismatch(dir));
  const files = new Map<string, Buffer>();
  for (const [p, sha] of Object.entries(m.files)) {
    if (p.split('/').some((s) => s === '..' || s === '') || path.isAbsolute(p)) throw new Error(packageMessage.badManifest(dir, `bad file path ${JSON.stringify(p)}`));
    let bytes: Buffer;
    try {
      bytes = readRegularFile(path.join(root, ...p.split('/')), { maxBytes: MAX_PART_BYTES }).bytes;
    } catch (e) {
      if (e instanceof FileReadError && e.problem === 'missing') throw new Error(packageMessage.missingFile(dir, p), { cause: e });
      throw e;
    }
    if (sha256Hex(bytes) !== sha) throw new Error(packageMessage.tampered(dir, p));
    files.set(p, bytes);
  }
  return { dir: root, manifest: m, files };
}
