import type { RunRecord } from '../../core/runs/contract';

/**
 * The latest finished evaluation per notebook, cell and run name (what a model diff pairs), in
 * the order of that key. Later `startedAt` wins; ties go to the greater (later) run id.
 *
 * @example
 * pickLatestEvaluations(records).map((r) => r.id) // one per (notebook, cellId, name)
 */
export function pickLatestEvaluations(records: Iterable<RunRecord>): RunRecord[] {
  const best = new Map<string, RunRecord>();
  for (const r of records) {
    if (r.kind !== 'evaluation' || r.status !== 'finished') continue;
    const key = `${r.notebook ?? ''}\u0000${r.cellId ?? ''}\u0000${r.name}`;
    const cur = best.get(key);
    if (!cur || r.startedAt > cur.startedAt || (r.startedAt === cur.startedAt && r.id > cur.id)) best.set(key, r);
  }
  return [...best.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
}
