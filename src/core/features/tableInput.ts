import { fromBigInts } from '../args/columns';
import { table as makeTable, type ColumnTable } from 'arquero';
import { isMatrix } from '../linalg/matrix';
import type { Features, Target } from '../models/contract';
import { featuresMessage } from './messages';

/**
 * True for an arquero table (or anything with its column API).
 *
 * @example
 * isColumnTable(aq.table({ a: [1] })) // true
 */
export function isColumnTable(x: unknown): x is ColumnTable {
  const t = x as Partial<ColumnTable> | null;
  return typeof t === 'object' && t !== null && typeof t.columnNames === 'function' && typeof t.array === 'function' && typeof t.numRows === 'function';
}

/**
 * Features as an arquero table: tables pass through; a Matrix or number[][] becomes columns
 * x0, x1, … (the names estimators give matrix features).
 *
 * @example
 * toTable([[1, 2]], 'Pipeline.fit').columnNames() // ['x0', 'x1']
 */
export function toTable(x: Features, caller: string): ColumnTable {
  if (isColumnTable(x)) return x;
  const rows = isMatrix(x) ? x.rows : Array.isArray(x) ? x.length : -1;
  if (rows < 0) throw new TypeError(featuresMessage.notTableInput(caller));
  const cols = isMatrix(x) ? x.cols : rows ? (x as number[][])[0].length : 0;
  const data: Record<string, Float64Array> = {};
  for (let j = 0; j < cols; j++) {
    const col = new Float64Array(rows);
    for (let i = 0; i < rows; i++) col[i] = isMatrix(x) ? x.data[i * cols + j] : (x as number[][])[i][j];
    data[`x${j}`] = col;
  }
  return makeTable(data);
}

/**
 * Separates a label column from a table: `y` may be the label column's name, or the target
 * itself (then x is returned unchanged).
 *
 * @example
 * splitLabel(penguins, 'species') // { x: penguins without species, y: its values }
 */
export function splitLabel(x: ColumnTable, y: Target | string | undefined, caller: string): { x: ColumnTable; y: Target | undefined } {
  if (typeof y !== 'string') return { x, y: fromBigInts(caller, 'y', y) };
  if (!x.columnNames().includes(y)) throw new RangeError(featuresMessage.noLabelColumn(caller, y, x.columnNames()));
  return { x: x.select(x.columnNames().filter((c) => c !== y)).reify(), y: fromBigInts(caller, y, x.array(y) as Target) };
}

/**
 * The rows at `positions` (0-based positions in the table's own row order, so filters and
 * orderby are respected), as a new materialised table.
 *
 * @example
 * rowsAt(table.filter((d) => d.age > 30), [0, 2]) // the 1st and 3rd rows of the filtered table
 */
export function rowsAt(table: ColumnTable, positions: ArrayLike<number>): ColumnTable {
  const rows = table.indices();
  const picked = new Array<number>(positions.length);
  for (let k = 0; k < positions.length; k++) {
    const p = positions[k];
    if (!(p >= 0 && p < rows.length)) throw new RangeError(featuresMessage.rowOutOfRange('rowsAt', p, rows.length));
    picked[k] = rows[p];
  }
  return table.reify(picked);
}
