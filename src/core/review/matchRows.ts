import type { PredictionSet } from './contract';
import { reviewMessage } from './messages';

/** Which rows of base and head are the same rows (by row id). */
export interface RowMatch {
  /** Row index in base of each matched row, in base order. */
  base: Uint32Array;
  /** Row index in head of the same matched rows. */
  head: Uint32Array;
  /** Base rows with no partner in head, and head rows with none in base. */
  onlyBase: number;
  onlyHead: number;
  /**
   * Row ids that occur more than once on a side (identical rows hashed alike, or a non-unique id
   * column): their k-th occurrence in base is matched with their k-th occurrence in head.
   */
  duplicateIds: number;
}

/**
 * Matches the rows of two prediction sets by row id, whatever their order: rows kept on one side
 * only are counted, not matched. A row id that occurs several times is matched in order of
 * occurrence (first with first, second with second), and counted in `duplicateIds`.
 *
 * @example
 * const m = matchRows({ rowIds: ['a', 'b', 'c'] }, { rowIds: ['c', 'a', 'd'] });
 * m.base; // Uint32Array [0, 2]  (a, c)
 * m.head; // Uint32Array [1, 0]
 * m.onlyBase; // 1 (b) · m.onlyHead; // 1 (d)
 */
export function matchRows(base: Pick<PredictionSet, 'rowIds'>, head: Pick<PredictionSet, 'rowIds'>): RowMatch {
  for (const [side, set] of [
    ['base', base],
    ['head', head],
  ] as const) {
    if (!Array.isArray(set?.rowIds)) throw new TypeError(reviewMessage.noRowIds('matchRows', side));
  }
  return _matchRows(base.rowIds, head.rowIds);
}

export function _matchRows(baseIds: readonly string[], headIds: readonly string[]): RowMatch {
  // One map, id → the next unmatched head occurrence (later ones chained through `next`); once
  // spent it holds -1, and a base-only id holds -2, so repeated base ids are seen without a set.
  const at = new Map<string, number>();
  const next = new Int32Array(headIds.length);
  const duplicated = new Set<string>();
  for (let j = headIds.length - 1; j >= 0; j--) {
    const later = at.get(headIds[j]);
    if (later !== undefined) duplicated.add(headIds[j]);
    next[j] = later ?? -1;
    at.set(headIds[j], j);
  }
  const b = new Uint32Array(Math.min(baseIds.length, headIds.length));
  const h = new Uint32Array(b.length);
  let m = 0;
  for (let i = 0; i < baseIds.length; i++) {
    const id = baseIds[i];
    const j = at.get(id);
    if (j === undefined) at.set(id, -2);
    else if (j < 0) duplicated.add(id);
    else {
      b[m] = i;
      h[m] = j;
      m++;
      at.set(id, next[j]);
    }
  }
  return { base: b.slice(0, m), head: h.slice(0, m), onlyBase: baseIds.length - m, onlyHead: headIds.length - m, duplicateIds: duplicated.size };
}
