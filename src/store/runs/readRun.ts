import fs from 'node:fs';
import path from 'node:path';
import type { RunRecord } from '../../core/runs/contract';
import { parseRunRecord, type ParsedRun } from '../../core/runs/validate';

/** A record file as read: the parse outcome and the stat the index compares on refresh. */
export type RunFile = ParsedRun & { mtimeMs: number; size: number };

/**
 * Reads, migrates and validates one record file. Never throws for a bad file: the outcome says
 * why it is not a record (a file that vanished reads as `{ ok: false, reason: 'deleted' }`).
 *
 * @example
 * readRunFile('.modelbook/runs/01JD….json') // { ok: true, record, mtimeMs, size }
 */
export function readRunFile(file: string): RunFile {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, reason: code === 'ENOENT' ? 'deleted' : `cannot be read (${code ?? (e as Error).message})`, mtimeMs: 0, size: 0 };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { ok: false, reason: 'not a file (only <run id>.json files belong in .modelbook/runs)', mtimeMs: stat.mtimeMs, size: stat.size };
    const text = fs.readFileSync(fd, 'utf8');
    return { ...parseRunRecord(text, path.basename(file)), mtimeMs: stat.mtimeMs, size: stat.size };
  } catch (e) {
    return { ok: false, reason: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, mtimeMs: 0, size: 0 };
  } finally {
    fs.closeSync(fd);
  }
}

/** Thrown by `readRunRecord` for a file that is not a valid record. */
export class RunFileError extends Error {
  override name = 'RunFileError';
}

/**
 * The record in a file, or a RunFileError naming the file and the reason.
 *
 * @example
 * readRunRecord('.modelbook/runs/01JD….json').metrics.auc
 */
export function readRunRecord(file: string): RunRecord {
  const r = readRunFile(file);
  if (!r.ok) throw new RunFileError(`${file}: ${r.reason}`);
  return r.record;
}
