/** An error from running a cell, as the kernel reports it and outputs show it. */
export interface CellError {
  name: string;
  message: string;
  /** The stack with cell frames mapped to the cell's TypeScript lines, kernel frames removed. */
  stack: string;
  /** Where in the failing cell (1-based line and column), when the error came from a cell. */
  line?: number;
  column?: number;
}
