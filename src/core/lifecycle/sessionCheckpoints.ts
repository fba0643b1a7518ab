import type { RunRecord } from '../runs/contract';

/**
 * The checkpoint runs (lifecycle records included) recorded in the same notebook and kernel session
 * as `evaluation`, among `records` (one side of a diff, say), oldest first; undefined when there
 * are none.
 *
 * @example
 * pickCheckpointRuns(evaluation, records)?.map((r) => r.name) // ['data-quality', 'split-before-fit', 'lifecycle:export']
 */
export function pickCheckpointRuns(evaluation: RunRecord, records: readonly RunRecord[]): RunRecord[] | undefined {
  if (evaluation.notebook === undefined) return undefined;
  const out = records.filter((r) => r.kind === 'checkpoint' && r.notebook === evaluation.notebook && r.session === evaluation.session);
  return out.length ? out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) : undefined;
}
