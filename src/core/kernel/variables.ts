/**
 * What the kernel says about its variables and table-like values (the Variables view and the data
 * viewer read these). Pure: shared by the kernel, the host and the webviews.
 */

/** One name a cell declared, or one member of a value, summarised without running its code (getters are not called). */
export interface KernelVariable {
  name: string;
  /** The class or type name, e.g. 'ColumnTable', 'Tensor', 'Float64Array', 'number'. */
  type: string;
  /** One line, e.g. '344 × 8', 'float32 [100, 3]', 'fitted', '42'. */
  summary: string;
  /** Rows × columns for tables, the tensor's shape, the length of arrays, the size of maps and sets. */
  shape?: number[];
  /** Size in memory where known (typed arrays, tensors, tables of typed columns). */
  bytes?: number;
  /** Has members to list (ask again with its path). */
  expandable: boolean;
  /** The data viewer can open it (arquero table, array of records, matrix, tensor of rank 1 or 2). */
  viewable: boolean;
}

/** A page of rows of a table-like value; cells are plain values (missing and NaN as null, dates as ISO text, infinities as 'Infinity'). */
export interface TablePage {
  columns: { name: string; type: string }[];
  /** Rows after the filter. */
  totalRows: number;
  offset: number;
  rows: (string | number | boolean | null)[][];
}

/** Statistics of one column of a table-like value (the whole table, before any filter). */
export interface ColumnStats {
  column: string;
  type: string;
  count: number;
  missing: number;
  distinct?: number;
  min?: number | string;
  max?: number | string;
  mean?: number;
  /** The most frequent values, most frequent first. */
  top?: { value: string; count: number }[];
}

/** The most rows one `tablePage` answers. */
export const MAX_PAGE_ROWS = 2000;
/** The longest filter text the kernel accepts. */
export const MAX_FILTER_LENGTH = 2000;

/**
 * How the kernel reads a `tablePage` filter: an arquero expression when it is written as one (`d => …`,
 * or it names a column as `d.name` / `d['name']`), otherwise text that some cell of the row contains
 * (case-insensitive).
 *
 * @example
 * filterKind("d => d.age > 30") // 'expression'
 * filterKind("d.sex === 'female'") // 'expression'
 * filterKind('Allen') // 'contains'
 */
export function filterKind(filter: string): 'expression' | 'contains' {
  return /^\s*(\(\s*d\s*\)|d)\s*=>|\bd\s*(\.\s*[A-Za-z_$]|\[)/.test(filter) ? 'expression' : 'contains';
}
