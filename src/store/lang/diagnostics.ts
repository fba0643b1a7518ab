/** A TypeScript diagnostic of a cell file, placed on the cell's own lines (or dropped if the program generated its text). */
import ts from 'typescript';
import type { CellDiagnostic } from '../../core/lang/cellDiagnostic';
import type { VirtualCellFile } from './notebookProgram';

/**
 * The diagnostic on the cell's lines (0-based). A semantic problem in generated text is the
 * program's own business and dropped; a syntax error there comes from the user's text (an
 * unclosed brace or comment runs into it) and is shown at the end of the cell.
 *
 * @example
 * toCellDiagnostic(d, { ...file, index: 2 }, sourceFile) // { cellId: 'c2', cellIndex: 2, line: 0, character: 6, … }
 */
export function toCellDiagnostic(d: ts.Diagnostic, cell: VirtualCellFile & { index: number }, sf: ts.SourceFile): CellDiagnostic | undefined {
  if (d.start === undefined) return undefined;
  const syntactic = d.code < 2000 || d.code === 18004;
  if (d.start >= cell.userLength && !syntactic) return undefined;
  const start = Math.min(d.start, cell.userLength);
  const end = Math.min(d.start + (d.length ?? 0), cell.userLength);
  const s = sf.getLineAndCharacterOfPosition(start);
  const e = sf.getLineAndCharacterOfPosition(end);
  return {
    cellId: cell.cellId,
    cellIndex: cell.index,
    line: s.line,
    character: s.character,
    endLine: e.line,
    endCharacter: e.character,
    code: d.code,
    category: d.category === ts.DiagnosticCategory.Error ? 'error' : d.category === ts.DiagnosticCategory.Warning ? 'warning' : 'suggestion',
    message: ts.flattenDiagnosticMessageText(d.messageText, '\n'),
  };
}
