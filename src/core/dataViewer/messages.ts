import { formatNumber } from '../text/number';

/** The data viewer's sentences (the kernel's refusals are in core/kernel/messages.ts). */
export const dataViewerMessage = {
  title: (variable: string) => `Data: ${variable}`,
  pickTitle: 'Open in Data Viewer',
  pickPlaceholder: 'A table, array of records, matrix or tensor of the active notebook',
  noNotebook: 'Open a Modelbook notebook and run a cell first: the data viewer shows its kernel’s values.',
  nothingViewable: 'No variable of this notebook’s kernel can be opened in the data viewer (tables, arrays of records, matrices, tensors).',
  kernelGone: (variable: string) => `The kernel restarted or stopped: ${variable} is gone. Run the cells that make it, then reload.`,
  exportTitle: 'Export as CSV',
  exporting: (variable: string) => `Exporting ${variable} as CSV`,
  exported: (rows: number, file: string) => `Exported ${formatNumber(rows)} rows to ${file}`,
  exportFailed: (reason: string) => `Could not export: ${reason}`,
  exportCancelled: 'Export cancelled; no file was written.',
  tableChanged: 'The table changed while it was being exported (a cell ran); no file was written.',
} as const;
