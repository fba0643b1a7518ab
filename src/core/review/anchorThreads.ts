import type { ReviewThread } from './threadContract';

/** Where a thread goes in a notebook as it is now. */
export type PlacedThread = { kind: 'placed'; thread: ReviewThread; cellIndex: number } | { kind: 'outdated'; thread: ReviewThread };

/**
 * Re-anchors threads on a notebook's current cells by cell id: each thread goes to the index of
 * the cell with its `anchor.cellId`, or is outdated when that cell is gone. Cell ids survive edits
 * above the cell, reorders and reloads, so indexes are recomputed, never stored. Threads of other
 * notebooks are left out (compare `notebook` with each anchor's workspace-relative path).
 *
 * @example
 * anchorThreads(threads, 'churn.mlnb', ['c0', 'c1']) // [{ kind: 'placed', thread, cellIndex: 1 }, { kind: 'outdated', thread: t2 }]
 */
export function anchorThreads(threads: readonly ReviewThread[], notebook: string, cellIds: readonly (string | undefined)[]): PlacedThread[] {
  const index = new Map<string, number>();
  // The first cell wins when a hand-edited notebook repeats an id, as the serializer keeps it.
  cellIds.forEach((id, i) => {
    if (id !== undefined && id !== '' && !index.has(id)) index.set(id, i);
  });
  const placed: PlacedThread[] = [];
  for (const thread of threads) {
    if (thread.anchor.notebook !== notebook) continue;
    const cellIndex = index.get(thread.anchor.cellId);
    placed.push(cellIndex === undefined ? { kind: 'outdated', thread } : { kind: 'placed', thread, cellIndex });
  }
  return placed;
}
