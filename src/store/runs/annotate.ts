import fs from 'node:fs';
import path from 'node:path';
import type { RunHost, RunRecord } from '../../core/runs/contract';
import { stringifyRunRecord } from '../../core/runs/stringify';
import { writeRunFile } from './writeFile';
import { readRunFile } from './readRun';
import type { RunIndex } from './runIndex';
import { runsFolder } from './paths';
import { runMessage } from '../../core/runs/messages';

/**
 * Rewrites the files of runs whose writer is gone (shown as interrupted, stored as running) so
 * they say interrupted on every machine, ended at their last heartbeat. Returns their ids.
 * Only on request: reading never writes.
 *
 * @example
 * markInterruptedRuns(index) // ['01JD…']
 */
export function markInterruptedRuns(index: RunIndex): string[] {
  const marked: string[] = [];
  for (const row of index.rows()) {
    if (row.recordedStatus !== 'running' || row.status !== 'interrupted') continue;
    const file = path.join(index.workspaceDir, row.file);
    const r = readRunFile(file);
    if (!r.ok || r.record.status !== 'running') continue;
    const record: RunRecord = {
      ...r.record,
      status: 'interrupted',
      endedAt: r.record.heartbeatAt,
      error: { name: 'Interrupted', message: 'the process recording this run stopped before the run ended' },
    };
    writeRunFile(file, stringifyRunRecord(record));
    index.applyChange(file, 'changed');
    marked.push(row.id);
  }
  return marked;
}

/**
 * Rewrites the still-running records of one writer process that is known to be gone (its host saw
 * it exit: crash, out of memory, kill, restart) to interrupted, now, with `reason`. Only files
 * changed since `sinceMs` (when the writer started; its records were all written after) are read,
 * so a large history costs a folder listing. Returns the ids marked.
 *
 * @example
 * markRunsOfWriterInterrupted(workspaceDir, { hostname: os.hostname(), pid: 4242 }, { sinceMs: kernelStartedAt, reason: 'the kernel was restarted' })
 */
export function markRunsOfWriterInterrupted(workspaceDir: string, writer: RunHost, options: { sinceMs: number; reason: string; now?: Date }): string[] {
  const dir = runsFolder(workspaceDir);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return []; // no runs folder: nothing was recorded
  }
  const marked: string[] = [];
  // mtime granularity and clock steps: look a little further back than the writer's start.
  const since = options.sinceMs - 2000;
  for (const name of names) {
    const file = path.join(dir, name);
    try {
      if (fs.statSync(file).mtimeMs < since) continue;
    } catch {
      continue; // removed meanwhile
    }
    const r = readRunFile(file);
    if (!r.ok || r.record.status !== 'running' || r.record.host?.pid !== writer.pid || r.record.host.hostname !== writer.hostname) continue;
    const endedAt = (options.now ?? new Date()).toISOString();
    const record: RunRecord = { ...r.record, status: 'interrupted', endedAt, heartbeatAt: endedAt, error: { name: 'Interrupted', message: options.reason } };
    writeRunFile(file, stringifyRunRecord(record));
    marked.push(record.id);
  }
  return marked;
}

export interface RunAnnotation {
  /** Tags to add. */
  addTags?: string[];
  /** Tags to remove. */
  removeTags?: string[];
  /** Replaces the notes. */
  notes?: string;
}

/**
 * Changes the tags or notes of an ended run (from the experiments panel or a review), writing its
 * file atomically and updating the index. A running run is refused: its recorder would overwrite
 * the change; tag it from its cell with `run.tag()`.
 *
 * @example
 * annotateRun(index, id, { addTags: ['baseline'], notes: 'Chosen for the Q3 release.' })
 */
export function annotateRun(index: RunIndex, id: string, annotation: RunAnnotation): RunRecord {
  const row = index.get(id);
  if (!row) throw new RangeError(runMessage.unknownRun(id, '(see index.rows())'));
  if (row.status === 'running') throw new Error(runMessage.runStillRunning(id));
  for (const t of [...(annotation.addTags ?? []), ...(annotation.removeTags ?? [])]) {
    if (typeof t !== 'string' || t.trim() === '') throw new TypeError(runMessage.badTag(t));
  }
  if (annotation.notes !== undefined && typeof annotation.notes !== 'string') throw new TypeError(runMessage.badNotes);
  const file = path.join(index.workspaceDir, row.file);
  const record = index.readRecord(id);
  const remove = new Set((annotation.removeTags ?? []).map((t) => t.trim()));
  const tags = record.tags.filter((t) => !remove.has(t));
  for (const t of annotation.addTags ?? []) if (!tags.includes(t.trim())) tags.push(t.trim());
  const next: RunRecord = { ...record, tags, notes: annotation.notes ?? record.notes };
  writeRunFile(file, stringifyRunRecord(next));
  index.applyChange(file, 'changed');
  return next;
}
