/** A type error (or warning) on a notebook cell's own lines: what the language service finds, the worker sends and `modelbook check` prints. Lines and characters are 0-based within the cell. */
export interface CellDiagnostic {
  cellId: string;
  cellIndex: number;
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
  code: number;
  category: 'error' | 'warning' | 'suggestion';
  message: string;
}
