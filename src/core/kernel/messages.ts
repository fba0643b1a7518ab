import { formatNumber } from '../text/number';

/** What the kernel answers when the Variables view or the data viewer asks for something it cannot give. */
export const variablesMessage = {
  noValueAt: (path: readonly string[]) => `No variable ${path.join('.')}: it may have been removed, or the kernel restarted. Refresh the Variables view.`,
  getterNotRead: (path: readonly string[]) => `${path.join('.')} is a getter; the Variables view does not call getters, so it cannot open it.`,
  notTable: (path: readonly string[], type: string) => `${path.join('.')} is a ${type}; the data viewer opens arquero tables, arrays of records, matrices (arrays of rows) and tensors of rank 1 or 2.`,
  unknownColumn: (column: string, columns: readonly string[]) =>
    `No column ${JSON.stringify(column)}; the columns are ${columns
      .slice(0, 20)
      .map((c) => JSON.stringify(c))
      .join(', ')}${columns.length > 20 ? ', …' : ''}.`,
  badPage: (what: string) => `The page request is malformed: ${what}.`,
  filterTooLong: (max: number) => `The filter is longer than ${formatNumber(max)} characters.`,
  searchSuperseded: 'A newer search of this value started; this one stopped.',
  filterExpressionNeedsTable: 'An expression filter (d => …) works on arquero tables; filter this value by text instead.',
  filterInvalid: (reason: string) => `The filter is not a valid arquero expression: ${reason}`,
  disposedTensor: (path: readonly string[]) => `${path.join('.')} is a disposed tensor: its data is gone.`,
  timedOut: (what: string, ms: number) => `The kernel did not answer the ${what} request within ${formatNumber(ms)} ms (a cell may be running).`,
  noKernel: 'No kernel is running for this notebook: run a cell first.',
  more: (count: number) => `${formatNumber(count)} more not listed`,
  badReply: (reason: string) => `The kernel sent a malformed answer (${reason}); it was ignored.`,
  // The Variables view and its commands
  viewFailed: (reason: string) => `Could not list the kernel's variables: ${reason}`,
} as const;
