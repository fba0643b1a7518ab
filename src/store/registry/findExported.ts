import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_FILES } from '../../core/package/contract';
import { readRegularFile } from '../readRegularFile';

/** Folders never searched for packages: dependencies, git's and Modelbook's own stores. */
const SKIP = new Set(['node_modules', '.git', '.modelbook', '.vscode-test']);
const MAX_DEPTH = 6;
const MAX_FOLDERS = 20_000;

/**
 * The newest model package named `name` that was exported at or after `since`: the folder under
 * the workspace (dot folders, node_modules and .modelbook skipped; at most 6 levels deep) whose
 * `modelbook.json` says `name` and whose `createdAt` is the latest not before `since`. Only the
 * manifest is looked at here; the caller reads the package whole (readPackage checks every hash).
 *
 * @example
 * findExportedPackage('/work/churn', 'churn', runStart) // '/work/churn/models/churn'
 */
export function findExportedPackage(workspace: string, name: string, since: Date): string | undefined {
  let best: { dir: string; at: number } | undefined;
  let seen = 0;
  const visit = (dir: string, depth: number) => {
    if (++seen > MAX_FOLDERS) return;
    const at = exportedAt(dir, name);
    if (at !== undefined && at >= since.getTime() && (!best || at > best.at)) best = { dir, at };
    if (depth >= MAX_DEPTH) return;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) if (e.isDirectory() && !e.name.startsWith('.') && !SKIP.has(e.name)) visit(path.join(dir, e.name), depth + 1);
  };
  visit(path.resolve(workspace), 0);
  return best?.dir;
}

/** The manifest's createdAt (epoch ms) when `dir` holds a package named `name`. */
function exportedAt(dir: string, name: string): number | undefined {
  let manifest: unknown;
  try {
    manifest = JSON.parse(readRegularFile(path.join(dir, PACKAGE_FILES.manifest), { maxBytes: 64 << 20 }).bytes.toString('utf8'));
  } catch {
    return undefined;
  }
  const m = manifest as { kind?: unknown; name?: unknown; createdAt?: unknown };
  if (m?.kind !== 'modelbook.package' || m.name !== name || typeof m.createdAt !== 'string') return undefined;
  const at = Date.parse(m.createdAt);
  return Number.isNaN(at) ? undefined : at;
}
