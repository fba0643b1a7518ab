import { isColumnTable } from '../../features/tableInput';
import type { Features } from '../contract';
import { modelMessage } from '../messages';

/**
 * The number of rows of any feature input, without reading its values: the dummy estimators
 * ignore the features (as scikit-learn's do), so a table of strings is as good as numbers.
 *
 * @example
 * countRows([[1, 2], [3, 4]], 'DummyClassifier.predict') // 2
 */
export function countRows(x: Features, caller: string): number {
  if (isColumnTable(x)) return x.numRows();
  if (Array.isArray(x)) return x.length;
  if (typeof x === 'object' && x !== null && Number.isInteger((x as { rows?: unknown }).rows)) return (x as { rows: number }).rows;
  throw new TypeError(modelMessage.featuresNotTable(caller));
}
