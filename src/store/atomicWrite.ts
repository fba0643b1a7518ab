import fs from 'node:fs';
import path from 'node:path';

let fsyncDenied = false;

/**
 * Writes a file so that readers (and a crash at any moment) see either the old content or the
 * new, never a half-written file: temp file in the same folder, fsync, rename over the target.
 * Inside the sandboxed kernel Node 20's permission model refuses fsync (ERR_ACCESS_DENIED); there
 * the rename alone keeps it atomic for readers and a killed process — only a power loss before the
 * OS flushes could lose the newest version.
 *
 * @example
 * writeFileAtomic('runs/abc.json', JSON.stringify(run));
 */
export function writeFileAtomic(file: string, content: string | Uint8Array): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeFileSync(fd, content);
    if (!fsyncDenied) {
      try {
        fs.fsyncSync(fd);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'ERR_ACCESS_DENIED') throw e;
        fsyncDenied = true;
      }
    }
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(temp, file);
  } catch (e) {
    fs.rmSync(temp, { force: true });
    throw e;
  }
}

/**
 * `writeFileAtomic` for content made piece by piece (an export of a million rows): the pieces go
 * to a temp file in the target's folder as they come, and only when the last one is written is it
 * renamed over `file`. A piece that throws (or a cancelled export) removes the temp file and leaves
 * `file` as it was.
 *
 * @example
 * await writeFileAtomicStream('table.csv', csvPages(table));
 */
export async function writeFileAtomicStream(file: string, chunks: AsyncIterable<string | Uint8Array>): Promise<void> {
  const dir = path.dirname(file);
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  const handle = await fs.promises.open(temp, 'w');
  try {
    for await (const chunk of chunks) await handle.writeFile(chunk);
    await handle.sync();
    await handle.close();
    await fs.promises.rename(temp, file);
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.promises.rm(temp, { force: true });
    throw e;
  }
}
