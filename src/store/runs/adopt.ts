import fs from 'node:fs';
import path from 'node:path';
import type { RunHost, RunRecord } from '../../core/runs/contract';
import { stringifyRunRecord } from '../../core/runs/stringify';
import { readRunFile } from './readRun';
import { runsFolder } from './paths';
import { writeRunFile } from './writeFile';

/**
 * Gives the runs an untitled notebook recorded the path it was saved to: the records with no
 * notebook that one of `writers` (its kernels) wrote since `sinceMs` are rewritten atomically with
 * `notebook` (workspace-relative, '/'-separated). Runs of other notebooks or other processes are
 * never touched. Returns the ids changed.
 *
 * @example
 * adoptUntitledRuns(workspaceDir, [{ hostname: os.hostname(), pid: 4242 }], { sinceMs: sessionStartedAt, notebook: 'foo.mlnb' }) // ['01JD…']
 */
export function adoptUntitledRuns(workspaceDir: string, writers: RunHost[], options: { sinceMs: number; notebook: string }): string[] {
  if (!options.notebook || writers.length === 0) return [];
  let names: string[];
  try {
    names = fs.readdirSync(runsFolder(workspaceDir)).filter((n) => n.endsWith('.json') && !n.startsWith('.'));
  } catch {
    return []; // no runs folder: nothing was recorded
  }
  const wrote = (h: RunHost | undefined) => h !== undefined && writers.some((w) => w.pid === h.pid && w.hostname === h.hostname);
  // mtime granularity and clock steps: look a little further back than the first kernel's start.
  const since = options.sinceMs - 2000;
  const adopted: string[] = [];
  for (const name of names) {
    const file = path.join(runsFolder(workspaceDir), name);
    try {
      if (fs.statSync(file).mtimeMs < since) continue;
    } catch {
      continue; // removed meanwhile
    }
    const r = readRunFile(file);
    if (!r.ok || r.record.notebook || !wrote(r.record.host) || Date.parse(r.record.startedAt) < since) continue;
    const record: RunRecord = { ...r.record, notebook: options.notebook };
    writeRunFile(file, stringifyRunRecord(record));
    adopted.push(record.id);
  }
  return adopted;
}
