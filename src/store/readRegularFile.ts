import fs from 'node:fs';
import { message } from '../core/messages';

export interface ReadRegularFileOptions {
  /**
   * Refuse a file larger than this many bytes. Checked on the open file's size before reading, so
   * a huge file is never read into memory. Default: no limit beyond Node's buffer limit.
   */
  maxBytes?: number;
  /**
   * Open a symbolic link's target. Default false: a link is refused, because a cell could plant
   * one in the workspace that points at a device or a file outside it.
   */
  followSymlinks?: boolean;
}

/** Why a file was not read. */
export type FileReadProblem = 'missing' | 'notRegular' | 'symlink' | 'tooBig' | 'refused';

/** Thrown for a file that cannot be read as a regular file; the message names the file and why. */
export class FileReadError extends Error {
  override name = 'FileReadError';
  constructor(
    readonly file: string,
    readonly problem: FileReadProblem,
    /** Why, as a phrase that fits after the file name ("a FIFO (named pipe), not a regular file"). */
    readonly reason: string,
    /** The errno code when the system refused (ENOENT for a missing file), else undefined. */
    readonly code?: string,
    /** The file's own stat (lstat when it is a link) when there is one. */
    readonly stat?: fs.Stats,
  ) {
    super(message.fileUnreadable(file, reason));
  }
}

// O_NONBLOCK: opening a FIFO without a writer returns at once instead of waiting forever; a
// regular file reads the same with it. Windows has neither flag (and no FIFOs to fear).
const { O_RDONLY, O_NOFOLLOW = 0, O_NONBLOCK = 0 } = fs.constants;

/**
 * The bytes of a regular file, never blocking on a FIFO, socket or device planted where a file
 * was expected: the type is checked before opening (lstat) and again on the open descriptor
 * (fstat), and the size against `maxBytes` before reading. Throws a FileReadError otherwise.
 *
 * @example
 * readRegularFile('.modelbook/runs/01JD….json', { maxBytes: 64 << 20 }).bytes.toString('utf8')
 */
export function readRegularFile(file: string, options: ReadRegularFileOptions = {}): { bytes: Buffer; stat: fs.Stats } {
  const { fd, stat } = openRegularFileSync(file, options);
  try {
    return { bytes: readAll(file, (buf, at) => fs.readSync(fd, buf, at, buf.length - at, null), stat.size, options.maxBytes), stat };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `readRegularFile` without blocking the event loop (for the kernel's data loaders).
 *
 * @example
 * const { bytes } = await readRegularFileAsync('data/train.csv');
 */
export async function readRegularFileAsync(file: string, options: ReadRegularFileOptions = {}): Promise<{ bytes: Buffer; stat: fs.Stats }> {
  const { handle, stat } = await openRegularFile(file, options);
  try {
    const bytes = await readAllAsync(file, async (buf, at) => (await handle.read(buf, at, buf.length - at, null)).bytesRead, stat.size, options.maxBytes);
    return { bytes, stat };
  } finally {
    await handle.close();
  }
}

/**
 * An open handle on a regular file, after the same checks as `readRegularFile` (for readers that
 * read byte ranges, such as Parquet's). The caller closes it.
 *
 * @example
 * const { handle, stat } = await openRegularFile('flights.parquet');
 */
export async function openRegularFile(file: string, options: ReadRegularFileOptions = {}): Promise<{ handle: fs.promises.FileHandle; stat: fs.Stats }> {
  let before: fs.Stats;
  try {
    before = await fs.promises.lstat(file);
  } catch (e) {
    throw openError(file, e, options);
  }
  checkStat(file, before, options, true);
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(file, openFlags(options));
  } catch (e) {
    throw openError(file, e, options);
  }
  try {
    const stat = await handle.stat();
    checkStat(file, stat, options, false);
    return { handle, stat };
  } catch (e) {
    await handle.close();
    throw e;
  }
}

function openRegularFileSync(file: string, options: ReadRegularFileOptions): { fd: number; stat: fs.Stats } {
  let before: fs.Stats;
  try {
    before = fs.lstatSync(file);
  } catch (e) {
    throw openError(file, e, options);
  }
  checkStat(file, before, options, true);
  let fd: number;
  try {
    fd = fs.openSync(file, openFlags(options));
  } catch (e) {
    throw openError(file, e, options);
  }
  try {
    const stat = fs.fstatSync(fd);
    checkStat(file, stat, options, false);
    return { fd, stat };
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

function openFlags(options: ReadRegularFileOptions): number {
  return O_RDONLY | O_NONBLOCK | (options.followSymlinks ? 0 : O_NOFOLLOW);
}

/** Refuses anything but a regular file within the size limit; a link is looked through only when allowed. */
function checkStat(file: string, stat: fs.Stats, options: ReadRegularFileOptions, beforeOpen: boolean): void {
  if (stat.isSymbolicLink()) {
    if (!options.followSymlinks) throw new FileReadError(file, 'symlink', message.fileIsSymlink, undefined, stat);
    if (beforeOpen) {
      // Resolve the target's type without opening it; a dangling link falls through to open's ENOENT.
      const target = fs.statSync(file, { throwIfNoEntry: false });
      if (target) checkStat(file, target, options, true);
    }
    return;
  }
  if (!stat.isFile()) throw new FileReadError(file, 'notRegular', message.fileNotRegular(kindOf(stat)), undefined, stat);
  if (options.maxBytes !== undefined && stat.size > options.maxBytes) throw new FileReadError(file, 'tooBig', message.fileTooBig(stat.size, options.maxBytes), undefined, stat);
}

function kindOf(stat: fs.Stats): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

function openError(file: string, e: unknown, options: ReadRegularFileOptions): FileReadError {
  const code = (e as NodeJS.ErrnoException).code;
  // With O_NOFOLLOW, Linux and macOS say ELOOP for a link that appeared after the lstat.
  if (code === 'ELOOP' && !options.followSymlinks) return new FileReadError(file, 'symlink', message.fileIsSymlink, code);
  if (code === 'ENOENT') return new FileReadError(file, 'missing', message.fileMissing, code);
  return new FileReadError(file, 'refused', message.fileSystemRefused(code ?? (e as Error).message), code);
}

/** Reads to the end (the file may have grown since the stat), refusing more than `max` bytes. */
function readAll(file: string, read: (buf: Buffer, at: number) => number, size: number, max = Infinity): Buffer {
  let buf: Buffer = Buffer.allocUnsafe(Math.min(size, max) + 1);
  let n = 0;
  for (;;) {
    if (n === buf.length) buf = grow(file, buf, max);
    const got = read(buf, n);
    if (got === 0) return buf.subarray(0, n);
    n += got;
  }
}

async function readAllAsync(file: string, read: (buf: Buffer, at: number) => Promise<number>, size: number, max = Infinity): Promise<Buffer> {
  let buf: Buffer = Buffer.allocUnsafe(Math.min(size, max) + 1);
  let n = 0;
  for (;;) {
    if (n === buf.length) buf = grow(file, buf, max);
    const got = await read(buf, n);
    if (got === 0) return buf.subarray(0, n);
    n += got;
  }
}

function grow(file: string, buf: Buffer, max: number): Buffer {
  if (buf.length > max) throw new FileReadError(file, 'tooBig', message.fileTooBig(buf.length, max));
  return Buffer.concat([buf, Buffer.allocUnsafe(Math.max(buf.length, 64 * 1024))]);
}
