import type { RunRecord } from '../../core/runs/contract';
import type { RunIndex } from '../runs/runIndex';

/**
 * The session of a notebook's latest run: "this notebook's current runs" are that session's.
 *
 * @example
 * latestSession(index, 'churn.mlnb') // '01JF…'
 */
export function latestSession(index: RunIndex, notebook: string): string | undefined {
  let latest: string | undefined;
  for (const r of index.rows()) if (r.notebook === notebook && (latest === undefined || r.id > latest)) latest = r.id;
  return latest ? index.readRecord(latest).session : undefined;
}

/**
 * The checkpoint runs of a notebook's session (its latest when `session` is not given), oldest
 * first: what the lifecycle gate and the card read.
 *
 * @example
 * currentCheckpointRuns(index, 'churn.mlnb', context.session).map((r) => r.name) // ['data-quality', 'split-before-fit']
 */
export function currentCheckpointRuns(index: RunIndex, notebook: string, session?: string): RunRecord[] {
  const wanted = session ?? latestSession(index, notebook);
  const out: RunRecord[] = [];
  for (const r of index.rows()) {
    if (r.kind !== 'checkpoint' || r.notebook !== notebook) continue;
    const record = index.readRecord(r.id);
    if (record.session === wanted) out.push(record);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
