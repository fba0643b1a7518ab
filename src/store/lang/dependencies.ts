/**
 * What a cell's diagnostics depend on: its own file, and what the cells that declare the names it
 * uses let later cells see (their signatures). An edit re-checks the edited cell, and the cells
 * that use it only when its signature changed; the rest keep their diagnostics (a type checker
 * belongs to one program, so it cannot keep them itself).
 */
import ts from 'typescript';
import type { NotebookScope } from './notebookProgram';
import { hashText } from '../../core/hash';

const IDENTIFIER = /[A-Za-z_$][\w$]*/g;

/**
 * Every identifier-like word of a cell (names in comments and strings too: a few spare re-checks
 * are cheaper than a missed one).
 *
 * @example
 * wordsOf('const y = x + 1; // z') // Set { 'const', 'y', 'x', 'z' }
 */
export function wordsOf(source: string): Set<string> {
  return new Set(source.match(IDENTIFIER) ?? []);
}

/**
 * The earlier cells whose declarations cell k uses (the latest declaration of each name it mentions).
 *
 * @example
 * dependenciesOf(scope, words, 2) // [0] when cell 3 uses a name of cell 1 and nothing of cell 2
 */
export function dependenciesOf(scope: NotebookScope, words: Set<string>[], k: number): number[] {
  const from = new Set<number>();
  for (const [name, cell] of scope.visible[k] ?? []) if (words[k].has(name)) from.add(cell);
  return [...from].sort((a, b) => a - b);
}

/**
 * What later cells can see of a cell, as text: the type of every name it exports (and the text of
 * its type declarations, whose members a type name alone would hide), and its dependencies' own
 * signatures, so a change upstream reaches every cell downstream.
 *
 * @example
 * signatureOf(checker, sourceFile, ['1f0c…']) // '5a1e…'
 */
export function signatureOf(checker: ts.TypeChecker, sf: ts.SourceFile, userLength: number, dependencies: string[]): string {
  const parts = [...dependencies];
  const module = checker.getSymbolAtLocation(sf);
  for (const sym of module ? checker.getExportsOfModule(module) : []) {
    const decl = sym.declarations?.[0];
    if (decl && decl.getSourceFile() === sf && decl.pos < userLength && !ts.isVariableDeclaration(decl) && !ts.isExportSpecifier(decl)) parts.push(decl.getText(sf));
    parts.push(`${sym.name}:${checker.typeToString(checker.getTypeOfSymbol(sym), undefined, ts.TypeFormatFlags.NoTruncation)}`);
  }
  return hashText(parts.join('\n'));
}
