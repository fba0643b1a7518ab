import fs from 'node:fs';
import path from 'node:path';
import { isProcessAlive } from './liveness';

/** `writeFileAtomic`'s temp names: `.<file>.<pid>.<random>.tmp`. */
const TEMP = /^\.(.+)\.(\d+)\.[a-z0-9]+\.tmp$/;

/**
 * Whether a file name is one of writeFileAtomic's temp files (never a record).
 *
 * @example
 * isTempFile('.01JD….json.4242.k3j2.tmp') // true
 */
export function isTempFile(name: string): boolean {
  return TEMP.test(name);
}

/**
 * Deletes temp files left in a folder by writers that were killed mid-write (their pid is dead and
 * the file is older than `minAgeMs`). Returns the names removed. The record they were replacing
 * is intact: the rename never happened.
 *
 * @example
 * removeStaleTempFiles('.modelbook/runs') // ['.01JD….json.4242.k3j2.tmp']
 */
export function removeStaleTempFiles(dir: string, minAgeMs = 10_000): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  const now = Date.now();
  for (const name of names) {
    const m = TEMP.exec(name);
    if (!m || isProcessAlive(Number(m[2]))) continue;
    const file = path.join(dir, name);
    try {
      if (now - fs.statSync(file).mtimeMs < minAgeMs) continue;
      fs.rmSync(file, { force: true });
      removed.push(name);
    } catch {
      // Another process removed it first.
    }
  }
  return removed;
}
