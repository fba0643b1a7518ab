/**
 * The registry's files under `.modelbook/registry/` (one `<name>.json` per model): checked reads
 * (a symlink, a FIFO, an oversized or corrupt file is refused with the reason, never half-used)
 * and atomic writes (readers and a crash see the old file or the new, never a partial one).
 */
import fs from 'node:fs';
import path from 'node:path';
import { REGISTRY_DIR, REGISTRY_LIMITS, REGISTRY_NAME, type ModelVersion, type RegistryAuthor, type RegistryModel } from '../../core/registry/contract';
import { registryMessage } from '../../core/registry/messages';
import { parseRegistryModel, serializeRegistryModel } from '../../core/registry/registryFile';
import { writeFileAtomic } from '../atomicWrite';
import { readPackage } from '../package/readPackage';
import { FileReadError, readRegularFile } from '../readRegularFile';
import { registryFilesMessage } from './messages';

/** Thrown for a registry file that exists but cannot be used; the message names the file, the reason and the fix. */
export class RegistryFileError extends Error {
  override name = 'RegistryFileError';
}

const MAX_FILES = 10_000;

/**
 * A model's registry file, workspace-relative ('/'-separated).
 *
 * @example
 * registryFileOf('churn') // '.modelbook/registry/churn.json'
 */
export function registryFileOf(name: string): string {
  if (!REGISTRY_NAME.test(name)) throw new RangeError(registryMessage.badName('model name', name));
  return `${REGISTRY_DIR}/${name}.json`;
}

/**
 * A model's registry entry, or undefined when the model has no file yet. A file that is not a
 * regular file, too big, not JSON, fails the format's checks or holds another model's name is a
 * RegistryFileError.
 *
 * @example
 * readRegistryModel('/work/churn', 'churn')?.aliases.champion // 3
 */
export function readRegistryModel(workspace: string, name: string): RegistryModel | undefined {
  const rel = registryFileOf(name);
  const dir = realDir(workspace, false);
  if (!dir) return undefined;
  let text: string;
  try {
    text = readRegularFile(path.join(dir, `${name}.json`), { maxBytes: REGISTRY_LIMITS.fileChars }).bytes.toString('utf8');
  } catch (e) {
    if (e instanceof FileReadError && e.problem === 'missing') return undefined;
    throw new RegistryFileError(registryFilesMessage.corrupt(rel, (e as Error).message));
  }
  const parsed = parseRegistryModel(text);
  if (parsed.kind === 'invalid') throw new RegistryFileError(registryFilesMessage.corrupt(rel, parsed.reason));
  if (parsed.value.name !== name) throw new RegistryFileError(registryFilesMessage.corrupt(rel, registryMessage.nameMismatch(rel, parsed.value.name)));
  return parsed.value;
}

/**
 * Every model of the registry, by name; files that could not be used are listed with the reason.
 *
 * @example
 * listRegistryModels('/work/churn').models.map((m) => m.name) // ['churn', 'fraud']
 */
export function listRegistryModels(workspace: string): { models: RegistryModel[]; problems: { file: string; reason: string }[] } {
  const models: RegistryModel[] = [];
  const problems: { file: string; reason: string }[] = [];
  const dir = realDir(workspace, false);
  if (!dir) return { models, problems };
  const names = fs
    .readdirSync(dir)
    .filter((n) => n.endsWith('.json') && !n.startsWith('.'))
    .sort();
  if (names.length > MAX_FILES) problems.push({ file: REGISTRY_DIR, reason: registryFilesMessage.tooManyFiles(REGISTRY_DIR, MAX_FILES) });
  for (const file of names.slice(0, MAX_FILES)) {
    const name = file.slice(0, -'.json'.length);
    try {
      if (!REGISTRY_NAME.test(name)) throw new RegistryFileError(registryMessage.badName('model name', name));
      const m = readRegistryModel(workspace, name);
      if (m) models.push(m);
    } catch (e) {
      problems.push({ file: `${REGISTRY_DIR}/${file}`, reason: (e as Error).message });
    }
  }
  return { models, problems };
}

/**
 * Writes a model's registry file atomically; refuses when `.modelbook` or the registry folder is
 * a symlink or not a folder, so a planted link cannot send the write elsewhere.
 *
 * @example
 * writeRegistryModel('/work/churn', model) // '/work/churn/.modelbook/registry/churn.json'
 */
export function writeRegistryModel(workspace: string, model: RegistryModel): string {
  const text = serializeRegistryModel(model);
  // What is written must read back: a model that fails the format's checks is refused here, whole.
  const check = parseRegistryModel(text);
  if (check.kind === 'invalid') throw new RegistryFileError(registryFilesMessage.corrupt(registryFileOf(model.name), check.reason));
  const file = path.join(realDir(workspace, true)!, `${model.name}.json`);
  writeFileAtomic(file, text);
  return file;
}

/**
 * What the registry keeps of a model package: its content hash, its workspace-relative path, the
 * run ids and notebook of its manifest. Reads the package whole (every file's sha-256 and the
 * content hash are checked), so a tampered package is never registered.
 *
 * @example
 * versionFromPackage('/work/churn', 'models/churn', author, new Date().toISOString())
 */
export function versionFromPackage(workspace: string, dir: string, by: RegistryAuthor, at: string): { entry: Omit<ModelVersion, 'version'>; manifestName: string } {
  const pkg = readPackage(path.resolve(workspace, dir));
  const rel = path.relative(path.resolve(workspace), pkg.dir);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) throw new RegistryFileError(registryFilesMessage.outsideWorkspace(dir));
  const m = pkg.manifest;
  const entry: Omit<ModelVersion, 'version'> = {
    contentHash: m.contentHash,
    path: rel.split(path.sep).join('/'),
    runs: { ...(m.runs.fit ? { fit: m.runs.fit } : {}), ...(m.runs.evaluation ? { evaluation: m.runs.evaluation } : {}) },
    ...(m.notebook && isWorkspacePath(m.notebook) ? { notebook: m.notebook } : {}),
    createdAt: at,
    createdBy: by,
  };
  return { entry, manifestName: m.name };
}

/** `workspace/.modelbook/registry`, created when asked, refusing any segment that is a symlink or not a folder; undefined when missing. */
function realDir(workspace: string, create: boolean): string | undefined {
  let dir = path.resolve(workspace);
  for (const segment of REGISTRY_DIR.split('/')) {
    dir = path.join(dir, segment);
    let stat = fs.lstatSync(dir, { throwIfNoEntry: false });
    if (!stat && create) {
      fs.mkdirSync(dir);
      stat = fs.lstatSync(dir);
    }
    if (!stat) return undefined;
    if (!stat.isDirectory()) throw new RegistryFileError(registryFilesMessage.notRealFolder(dir, stat.isSymbolicLink()));
  }
  return dir;
}

function isWorkspacePath(p: string): boolean {
  return !p.startsWith('/') && !/[\0\\\n\r]/.test(p) && p.split('/').every((seg) => seg !== '' && seg !== '..');
}
