import type { ColumnStats, TablePage } from '../core/kernel/variables';

/** The order and filter the grid is viewed in (the kernel sorts and filters; see `tablePage`). */
export interface TableQuery {
  sort: { column: string; descending: boolean }[];
  /** Text a row contains, or an arquero expression (`d => d.age > 30`); '' shows every row. */
  filter: string;
}

/** Whether the value the panel shows is still there: `gone` once the kernel restarted or ended. */
export interface DataViewerKernel {
  state: 'idle' | 'busy' | 'gone';
  /** Why the value is gone, as a sentence (only with `gone`). */
  reason?: string;
}

/** Host → data viewer. */
export type DataViewerToWebview = {
  /** The value the panel shows (its path in the kernel, e.g. `titanic` or `data.train`) and the notebook it lives in. */
  setData: { variable: string; notebook: string; kernel: DataViewerKernel };
  /** The kernel's state changed. */
  kernel: DataViewerKernel;
  /** The answer to `getPage`. */
  page: { requestId: number; page?: TablePage; error?: string };
  /** The answer to `getStats`. */
  stats: { requestId: number; stats?: ColumnStats; error?: string };
  /** A sentence for the status line (an export finished or failed). */
  notice: { text: string; kind: 'info' | 'error' };
};

/** Data viewer → host: intents and page requests only. */
export type DataViewerFromWebview = {
  ready: undefined;
  /** Rows `offset … offset + limit` of the value viewed through `query`. */
  getPage: { requestId: number; offset: number; limit: number; query: TableQuery };
  /** Statistics of one column (the whole value, before any filter). */
  getStats: { requestId: number; column: string };
  /** Write the whole value, viewed through `query`, to a CSV file the user picks. */
  exportCsv: { query: TableQuery };
  /** What the grid shows now (tests in VS Code read it through the extension's API). */
  rendered: { totalRows: number; firstRow: number; columns: string[]; cells: string[][] };
};
