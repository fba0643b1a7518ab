import { sortLabels } from '../models/labels';
import { isMissing, kindOf, type Values } from './columns';
import { featuresMessage } from './messages';

/** A category value as JSON keeps it; null stands for "missing" (sorted last, as sklearn does). */
export type Category = string | number | boolean | null;

/**
 * The sorted distinct values of a categorical column (np.unique order), with null last when
 * the column has missing values.
 *
 * @example
 * learnCategories(['b', null, 'a', 'b'], 'sex', 'OneHotEncoder.fit') // ['a', 'b', null]
 */
export function learnCategories(values: Values, column: string, caller: string): Category[] {
  const kind = kindOf(values);
  if (kind === 'mixed') throw new TypeError(featuresMessage.columnMixed(caller, column));
  if (kind === 'date') throw new TypeError(featuresMessage.columnDates(caller, column));
  const seen = new Set<string | number | boolean>();
  let missing = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (isMissing(v)) missing = true;
    else seen.add(v as string | number | boolean);
  }
  const sorted: Category[] = sortLabels([...seen]);
  if (missing) sorted.push(null);
  return sorted;
}

/**
 * Looks a value up among fitted categories: its index, or -1 when unknown.
 *
 * @example
 * categoryIndex(['a', 'b', null])(NaN) // 2
 */
export function categoryIndex(categories: readonly Category[]): (v: unknown) => number {
  const index = new Map<unknown, number>(categories.map((c, k) => [c, k]));
  return (v) => index.get(isMissing(v) ? null : v) ?? -1;
}

/**
 * The text of a category in an output column name ('island_Biscoe', 'sex_null').
 *
 * @example
 * categoryText(null) // 'null'
 */
export function categoryText(c: Category): string {
  return c === null ? 'null' : String(c);
}
