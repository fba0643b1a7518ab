import type { PredictionSet } from './contract';
import { collectGroups, groupRows, type Grouping } from '../evaluation/fairness/groups';
import { _resolveSlicings } from '../evaluation/view/collectCommon';

/** One slicing's groups, by key, with the positions (into `rows`) each group holds. */
export interface SliceGroups {
  grouping: Grouping;
  /** Group key → positions of its rows among `rows`. */
  positions: Map<string, Uint32Array>;
}

/**
 * The slicings of a diff over chosen rows: each slice column alone and, for two or three
 * columns, their intersection (as the evaluation slices). `sets` supplies the column values in
 * preference order: a matched row takes head's value, else base's (the data, not the model,
 * decide a row's group).
 */
export function _sliceGroups(sets: { set: PredictionSet; rows: Uint32Array }[], n: number): SliceGroups[] {
  const names = [...new Set(sets.flatMap(({ set }) => Object.keys(set.slices ?? {})))];
  if (names.length === 0) return [];
  const columns: Record<string, (string | null)[]> = {};
  for (const name of names) {
    const column = new Array<string | null>(n).fill(null);
    for (const { set, rows } of [...sets].reverse()) {
      const values = set.slices?.[name];
      if (!values) continue;
      for (let k = 0; k < n; k++) if (values[rows[k]] !== undefined && values[rows[k]] !== null) column[k] = values[rows[k]];
    }
    columns[name] = column;
  }
  return _resolveSlicings(columns, undefined, true).map((slicing) => {
    const grouping = collectGroups(columns, slicing, n);
    const rows = groupRows(grouping);
    return { grouping, positions: new Map(grouping.keys.map((key, g) => [key, rows[g]])) };
  });
}
