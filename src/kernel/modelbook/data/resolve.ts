import type fs from 'node:fs';
import path from 'node:path';
import { message } from '../../../core/messages';
import { FileReadError, openRegularFile, readRegularFileAsync } from '../../../store/readRegularFile';

/**
 * The absolute path of a data file: relative paths start from the notebook's folder (the
 * kernel's working directory), as they would in Jupyter.
 */
export function resolveDataPath(fn: string, file: unknown): string {
  if (typeof file !== 'string' || file === '') throw new TypeError(message.dataFileNotPath(fn));
  return path.resolve(process.cwd(), file);
}

/**
 * The file's bytes, with an error that says where Modelbook looked when it is missing. A FIFO,
 * socket or device is refused instead of read (reading one would hang the cell); links are
 * followed, since data folders are often links (DVC's symlink cache).
 */
export async function readDataFile(fn: string, file: string, absolute: string): Promise<Uint8Array> {
  try {
    return (await readRegularFileAsync(absolute, { followSymlinks: true })).bytes;
  } catch (e) {
    throw dataFileError(fn, file, absolute, e);
  }
}

/** An open handle on a data file (for readers of byte ranges), with readDataFile's checks and errors. */
export async function openDataFile(fn: string, file: string, absolute: string): Promise<{ handle: fs.promises.FileHandle; size: number }> {
  try {
    const { handle, stat } = await openRegularFile(absolute, { followSymlinks: true });
    return { handle, size: stat.size };
  } catch (e) {
    throw dataFileError(fn, file, absolute, e);
  }
}

function dataFileError(fn: string, file: string, absolute: string, e: unknown): unknown {
  if (!(e instanceof FileReadError)) return e;
  if (e.problem === 'missing') return new Error(message.dataFileMissing(fn, file, absolute, process.cwd()));
  return new Error(message.dataFileUnreadable(fn, file, e.reason));
}
