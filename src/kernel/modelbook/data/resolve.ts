import fs from 'node:fs';
import path from 'node:path';

/**
 * The absolute path of a data file: relative paths start from the notebook's folder (the
 * kernel's working directory), as they would in Jupyter.
 */
export function resolveDataPath(fn: string, file: unknown): string {
  if (typeof file !== 'string' || file === '') throw new TypeError(`${fn}: expected a file path (a string), e.g. ${fn}('data/train.csv'); relative paths start from the notebook's folder.`);
  return path.resolve(process.cwd(), file);
}

/** The file's bytes, with an error that says where Modelbook looked when it is missing. */
export async function readDataFile(fn: string, file: string, absolute: string): Promise<Uint8Array> {
  try {
    return await fs.promises.readFile(absolute);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${fn}: no file ${file} (looked for ${absolute}; relative paths start from the notebook's folder ${process.cwd()}).`);
    if (code === 'EISDIR') throw new Error(`${fn}: ${file} is a folder, not a file.`);
    throw e;
  }
}
