import fs from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from '../atomicWrite';

let fsyncDenied = false;

/**
 * `writeFileAtomic`, working inside the sandboxed kernel too: Node's permission model (Node 20)
 * refuses `fsync` with ERR_ACCESS_DENIED, so there the file is written to a temp file and renamed
 * without fsync. The rename keeps it atomic for readers and against a killed process; only a
 * power loss before the OS flushes could lose the newest version.
 *
 * @example
 * writeRunFile('.modelbook/runs/01JD….json', text)
 */
export function writeRunFile(file: string, content: string | Uint8Array): void {
  if (!fsyncDenied) {
    try {
      writeFileAtomic(file, content);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ERR_ACCESS_DENIED' || !/fsync/i.test((e as Error).message)) throw e;
      fsyncDenied = true;
    }
  }
  _writeWithoutFsync(file, content);
}

function _writeWithoutFsync(file: string, content: string | Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  // The same temp-name pattern as writeFileAtomic, so the index ignores and cleans it the same way.
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  try {
    fs.writeFileSync(temp, content);
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}
