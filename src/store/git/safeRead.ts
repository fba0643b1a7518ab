import fs from 'node:fs';
import { readRegularFile as readChecked } from '../readRegularFile';

/**
 * The bytes of `file` if it is a regular file (not a symlink, FIFO, device or directory) of at
 * most `maxBytes`, else undefined: the store's `readRegularFile`, with "cannot" as undefined (git
 * state is best effort; a planted file must neither hang the host nor fail a cell).
 *
 * @example
 * readRegularFile('/work/churn/.git/HEAD', 4096)?.toString('utf8') // 'ref: refs/heads/main\n'
 */
export function readRegularFile(file: string, maxBytes: number): Buffer | undefined {
  try {
    return readChecked(file, { maxBytes }).bytes;
  } catch {
    return undefined;
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
