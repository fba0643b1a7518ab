import fs from 'node:fs';

// O_NOFOLLOW: a planted symlink is not followed; O_NONBLOCK: a planted FIFO cannot block open().
const OPEN_FLAGS = fs.constants.O_RDONLY | (fs.constants.O_NOFOLLOW ?? 0) | (fs.constants.O_NONBLOCK ?? 0);

/**
 * The bytes of `file` if it is a regular file (not a symlink, FIFO, device or directory) of at
 * most `maxBytes`, else undefined. For files inside a workspace that a cell may have written:
 * no read can hang the host or make it read without bound.
 *
 * @example
 * readRegularFile('/work/churn/.git/HEAD', 4096)?.toString('utf8') // 'ref: refs/heads/main\n'
 */
export function readRegularFile(file: string, maxBytes: number): Buffer | undefined {
  let fd: number;
  try {
    // lstat first so that a device or FIFO is never even opened.
    const before = fs.lstatSync(file);
    if (!before.isFile() || before.size > maxBytes) return undefined;
    fd = fs.openSync(file, OPEN_FLAGS);
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    if (!st.isFile() || st.size > maxBytes) return undefined;
    const buf = Buffer.alloc(st.size);
    let n = 0;
    while (n < buf.length) {
      const got = fs.readSync(fd, buf, n, buf.length - n, n);
      if (got === 0) break;
      n += got;
    }
    return buf.subarray(0, n);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * `readRegularFile` as UTF-8 text.
 *
 * @example
 * readRegularText('/work/churn/.git/HEAD', 4096) // 'ref: refs/heads/main\n'
 */
export function readRegularText(file: string, maxBytes: number): string | undefined {
  return readRegularFile(file, maxBytes)?.toString('utf8');
}

/**
 * Whether `p` is a directory itself (a symlink to one is not).
 *
 * @example
 * isRealDirectory('/work/churn/.git') // true
 */
export function isRealDirectory(p: string): boolean {
  try {
    return fs.lstatSync(p).isDirectory();
  } catch {
    return false;
  }
}
