/**
 * What the language worker may touch: TypeScript reads files through `ts.sys`, so confining
 * `ts.sys` confines the worker. Cells steer what it reads (an import, a `/// <reference path>`), so
 * it reads only below the folders it is given (the workspace folders, the notebooks' folders, the
 * shipped declarations), following no symbolic link out of them, and writes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import type ts from 'typescript';

/** A predicate: `file` (after resolving symbolic links) is inside one of `roots`. */
export function insideRoots(roots: readonly string[]): (file: string) => boolean {
  const normal = roots.map((r) => path.resolve(r));
  const within = (f: string) => normal.some((r) => f === r || f.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
  return (file: string) => {
    const abs = path.resolve(file);
    if (!within(abs)) return false;
    try {
      return within(fs.realpathSync(abs));
    } catch {
      // Not there: nothing to read, and asking is harmless.
      return true;
    }
  };
}

/**
 * Replaces `sys`'s file access with one that sees only what `allowed` admits and cannot write.
 *
 * @example
 * confineSystem(ts.sys, insideRoots(['/ws', '/ext/dist/types']));
 * ts.sys.readFile('/etc/passwd') // undefined
 */
export function confineSystem(sys: ts.System, allowed: (file: string) => boolean): void {
  const readFile = sys.readFile.bind(sys);
  const fileExists = sys.fileExists.bind(sys);
  const directoryExists = sys.directoryExists.bind(sys);
  const getDirectories = sys.getDirectories.bind(sys);
  const readDirectory = sys.readDirectory.bind(sys);
  const realpath = sys.realpath?.bind(sys);
  sys.readFile = (f, encoding) => (allowed(f) ? readFile(f, encoding) : undefined);
  sys.fileExists = (f) => allowed(f) && fileExists(f);
  sys.directoryExists = (d) => allowed(d) && directoryExists(d);
  sys.getDirectories = (d) => (allowed(d) ? getDirectories(d) : []);
  sys.readDirectory = (d, ...rest) => (allowed(d) ? readDirectory(d, ...rest) : []);
  if (realpath) sys.realpath = (f) => (allowed(f) ? realpath(f) : f);
  sys.writeFile = () => {
    throw new Error('internal: the language worker writes no files');
  };
  sys.createDirectory = () => {
    throw new Error('internal: the language worker writes no files');
  };
  sys.deleteFile = undefined;
}
