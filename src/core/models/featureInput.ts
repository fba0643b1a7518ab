import { fromBigInts } from '../args/columns';
import { splitLabel, isColumnTable } from '../features/tableInput';
import { message } from '../messages';
import type { Features, Target } from './contract';

/** fit's and score's target: the values, or the name of the label column in a table `x` (as Pipeline.fit). */
export type TargetOrLabel = Target | string;

/**
 * The features and target of `fit(x, y)` / `score(x, y)`: when `y` names a column of the table
 * `x`, that column is the target and the rest are the features; otherwise both pass through.
 *
 * @example
 * splitFitInput(penguins, 'species', 'LogisticRegression.fit') // { x: penguins without species, y: its values }
 */
export function splitFitInput(x: Features, y: TargetOrLabel, caller: string): { x: Features; y: Target } {
  if (typeof y !== 'string') return { x, y: fromBigInts(caller, 'y', y) };
  if (!isColumnTable(x)) throw new TypeError(message.estimatorLabelNeedsTable(caller, y));
  const split = splitLabel(x, y, caller);
  return { x: split.x, y: split.y! };
}

/** Whether feature names came from a table rather than the x0, x1, … given to a Matrix or number[][]. */
function namedByTable(names: readonly string[]): boolean {
  return !names.every((n, j) => n === `x${j}`);
}

/**
 * The features a fitted model takes, picked from `x` (scikit-learn's `feature_names_in_`): a table
 * gives up the columns seen in fit, in fit order, and may hold more (an id, the label); a column
 * it lacks is an error naming it. A Matrix, rows, or a model fitted on them passes through.
 *
 * @example
 * selectFittedFeatures(test, ['bill_length_mm', 'bill_depth_mm'], 'LogisticRegression.predict') // test's two columns
 */
export function selectFittedFeatures(x: Features, featureNames: readonly string[], caller: string): Features {
  if (!isColumnTable(x) || !namedByTable(featureNames)) return x;
  const columns = x.columnNames();
  const missing = featureNames.filter((n) => !columns.includes(n));
  if (missing.length) throw new RangeError(message.estimatorMissingFeatures(caller, missing, featureNames));
  if (columns.length === featureNames.length && columns.every((c, j) => c === featureNames[j])) return x;
  return x.select([...featureNames]).reify();
}
