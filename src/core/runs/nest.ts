import { runMessage } from './messages';

/**
 * Puts each child run (a cross-validation fold, a search trial) right below its parent, in the
 * children's own order, keeping the parents' order: sorted by start time, newest first, the folds
 * (started after their parent) would otherwise sit above it, under an unrelated run. A child whose
 * parent is not in `rows` (filtered out) stays where it was. Nesting is one level per parent and
 * follows chains (a fold of a trial of a search).
 *
 * @example
 * nestChildRuns([{ id: 'f2', parentId: 'cv' }, { id: 'f1', parentId: 'cv' }, { id: 'fit' }, { id: 'cv' }]).map((r) => r.id)
 * // ['fit', 'cv', 'f2', 'f1']
 */
export function nestChildRuns<T extends { id: string; parentId?: string }>(rows: readonly T[]): T[] {
  if (!Array.isArray(rows)) throw new TypeError(runMessage.needs('nestChildRuns', 'an array of runs'));
  const present = new Set(rows.map((r) => r.id));
  const children = new Map<string, T[]>();
  for (const r of rows) {
    if (r.parentId === undefined || !present.has(r.parentId) || r.parentId === r.id) continue;
    const list = children.get(r.parentId);
    if (list) list.push(r);
    else children.set(r.parentId, [r]);
  }
  const out: T[] = [];
  const placed = new Set<string>();
  const place = (r: T): void => {
    if (placed.has(r.id)) return;
    placed.add(r.id);
    out.push(r);
    for (const c of children.get(r.id) ?? []) place(c);
  };
  for (const r of rows) if (!(r.parentId !== undefined && present.has(r.parentId) && r.parentId !== r.id)) place(r);
  // A cycle of parents (bad records) has no root: keep those rows in their order.
  for (const r of rows) place(r);
  return out;
}
