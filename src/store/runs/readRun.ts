import type fs from 'node:fs';
import path from 'node:path';
import type { RunRecord } from '../../core/runs/contract';
import { runMessage } from '../../core/runs/messages';
import { FileReadError, readRegularFile } from '../readRegularFile';
import { parseRunRecord, type ParsedRun } from '../../core/runs/validate';

/**
 * The largest record file read (a record with per-epoch history of a long run is a few MB): a
 * bigger file is listed as a problem instead of being read into the extension host's memory.
 */
export const RUN_FILE_MAX_BYTES = 64 * 2 ** 20;

/** A record file as read: the parse outcome and the stat the index compares on refresh. */
export type RunFile = ParsedRun & { mtimeMs: number; size: number };

/**
 * Reads, migrates and validates one record file. Never throws for a bad file: the outcome says
 * why it is not a record (a file that vanished reads as `{ ok: false, reason: 'deleted' }`). A
 * FIFO, socket, device, folder or link named `*.json` is never opened in a way that could block.
 *
 * @example
 * readRunFile('.modelbook/runs/01JD….json') // { ok: true, record, mtimeMs, size }
 */
export function readRunFile(file: string): RunFile {
  let bytes: Buffer;
  let stat: fs.Stats;
  try {
    ({ bytes, stat } = readRegularFile(file, { maxBytes: RUN_FILE_MAX_BYTES }));
  } catch (e) {
    if (!(e instanceof FileReadError)) throw e;
    if (e.problem === 'missing') return { ok: false, reason: 'deleted', mtimeMs: 0, size: 0 };
    // Keep the stat, so a refresh does not look at an unchanged bad file again.
    return { ok: false, reason: e.problem === 'notRegular' || e.problem === 'symlink' ? runMessage.recordNotRegular(e.reason) : e.reason, mtimeMs: e.stat?.mtimeMs ?? 0, size: e.stat?.size ?? 0 };
  }
  return { ...parseRunRecord(bytes.toString('utf8'), path.basename(file)), mtimeMs: stat.mtimeMs, size: stat.size };
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
  if (!r.ok) throw new RunFileError(runMessage.recordFileError(file, r.reason));
  return r.record;
}
