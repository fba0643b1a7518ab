import type { TableQuery } from '../../src/protocol/dataViewer';

type Sort = TableQuery['sort'];

/**
 * The sort after a header click: a plain click sorts by that column alone (ascending, then
 * descending, then unsorted); a shift-click adds the column to the sort, or turns it around, or
 * (already descending) removes it.
 */
export function nextSort(sort: Sort, column: string, add: boolean): Sort {
  const at = sort.findIndex((s) => s.column === column);
  const current = sort[at];
  const next = !current ? { column, descending: false } : current.descending ? undefined : { column, descending: true };
  if (!add) return next ? [next] : [];
  if (at === -1) return [...sort, next!];
  return next ? sort.map((s, i) => (i === at ? next : s)) : sort.filter((_, i) => i !== at);
}
