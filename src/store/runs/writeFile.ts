import { writeFileAtomic } from '../atomicWrite';

/**
 * Writes a run record file atomically (inside the sandboxed kernel too: see writeFileAtomic).
 *
 * @example
 * writeRunFile('.modelbook/runs/01JD….json', text)
 */
export function writeRunFile(file: string, content: string | Uint8Array): void {
  writeFileAtomic(file, content);
}
