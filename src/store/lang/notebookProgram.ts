/**
 * A notebook's code cells as one TypeScript program, scoped the way the kernel runs them
 * (src/core/cells/rewrite.ts): every top-level declaration and import of a cell is visible in
 * later cells, a later cell may declare a name again (the later declaration wins from then on),
 * and a name declared only in a later cell is not visible earlier.
 *
 * Each cell becomes one module whose text starts with the cell's text unchanged (so positions map
 * 1:1), followed by generated lines: the names it declares, exported, and an alias for every name an
 * earlier cell declared that this cell does not. A variable the cell's text mentions is aliased as a
 * variable (`declare const|let`, so it hovers and assigns as one); every other name as an import,
 * which the checker resolves without computing its type: checking a cell then costs what the cell
 * uses, not everything declared above it, and completion still offers every visible name.
 */
import ts from 'typescript';
import { wordsOf } from './dependencies';

export interface NotebookCellSource {
  id: string;
  source: string;
}

export interface VirtualCellFile {
  cellId: string;
  fileName: string;
  text: string;
  /** length of the user's text: positions beyond it are generated */
  userLength: number;
}

export interface NotebookProgram {
  files: VirtualCellFile[];
}

/** How a top-level name was declared, which decides how later cells see it. */
type DeclarationKind = 'const' | 'let' | 'value' | 'type' | 'typeImport';

/** A top-level name a cell declares, and where (offset of its identifier in the cell). */
export interface CellDeclaration {
  name: string;
  kind: DeclarationKind;
  offset: number;
  /** The cell exports it itself (`export const x`), so the generated export must not repeat it. */
  exported: boolean;
}

/** What the language service needs beyond the files: who declares what, to map generated positions back. */
export interface NotebookScope {
  /** Per cell, the names it declares, in source order. */
  declarations: CellDeclaration[][];
  /** Per cell, for each name it sees from earlier cells, the index of the cell whose declaration it sees. */
  visible: Map<string, number>[];
}

/**
 * The virtual modules of a notebook's code cells, in order (see the file comment for the shape).
 *
 * @param stem the files are `<stem>.cell<k>.ts` (k 1-based), next to each other
 * @example
 * buildNotebookProgram([{ id: 'a', source: 'const x = 1;' }, { id: 'b', source: 'x + 1' }]).files[1].text
 * // "x + 1\nexport {  };\nimport * as __modelbook_cell1 from './notebook.cell1';\ntype __modelbook_cell1_t = …;\ndeclare const x: __modelbook_cell1_t['x'];\n"
 */
export function buildNotebookProgram(cells: NotebookCellSource[], stem = 'notebook'): NotebookProgram {
  return buildNotebookScope(cells, stem).program;
}

/**
 * The program and the scope it was built from; `reuse` holds each cell's declarations from a
 * previous build by source text, so an edit re-parses one cell.
 *
 * @example
 * buildNotebookScope(cells, 'churn').scope.visible[2].get('x') // 0: cell 3 sees cell 1's x
 */
export function buildNotebookScope(
  cells: NotebookCellSource[],
  stem: string,
  reuse?: Map<string, CellDeclaration[]>,
  words: Set<string>[] = cells.map((c) => wordsOf(c.source)),
): { program: NotebookProgram; scope: NotebookScope } {
  const declarations = cells.map((c) => reuse?.get(c.source) ?? declarationsOf(c.source));
  const files: VirtualCellFile[] = [];
  const visible: Map<string, number>[] = [];
  /** name → the latest cell (so far) declaring it, with how. */
  const latest = new Map<string, { cell: number; kind: DeclarationKind }>();
  cells.forEach((cell, k) => {
    const own = new Set(declarations[k].map((d) => d.name));
    const sees = new Map<string, number>();
    const lines = [
      `export { ${declarations[k]
        .filter((d) => !d.exported)
        .map((d) => d.name)
        .join(', ')} };`,
    ];
    // One namespace import of every earlier cell that declares anything: the file's module imports
    // then stay the same while its own text is edited, so TypeScript reuses the program's structure.
    for (let j = 0; j < k; j++) {
      if (!declarations[j].length) continue;
      const spec = `./${stem}.cell${j + 1}`;
      lines.push(`import * as ${cellNamespace(j)} from '${spec}';`, `type ${cellType(j)} = typeof import('${spec}');`);
    }
    for (const [name, from] of latest) {
      if (own.has(name)) continue;
      sees.set(name, from.cell);
      const kind = from.kind === 'typeImport' || words[k].has(name) ? from.kind : 'value';
      lines.push(aliasLine(name, kind, from.cell, stem));
    }
    const userText = cell.source;
    const sep = userText.endsWith('\n') ? '' : '\n';
    files.push({ cellId: cell.id, fileName: `${stem}.cell${k + 1}.ts`, text: `${userText}${sep}${lines.join('\n')}\n`, userLength: userText.length });
    visible.push(sees);
    for (const d of declarations[k]) latest.set(d.name, { cell: k, kind: d.kind });
  });
  return { program: { files }, scope: { declarations, visible } };
}

/** The generated names of cell j's module in later cells, as a namespace and as a type (completion leaves them out). */
function cellNamespace(j: number): string {
  return `${GENERATED_PREFIX}${j + 1}`;
}
function cellType(j: number): string {
  return `${GENERATED_PREFIX}${j + 1}_t`;
}

export const GENERATED_PREFIX = '__modelbook_cell';

function aliasLine(name: string, kind: DeclarationKind, from: number, stem: string): string {
  // A variable's type through the module's type (an expression such as `typeof ns.x` would be
  // narrowed at the end of the cell, which can lead back to the variable itself).
  switch (kind) {
    case 'const':
      return `declare const ${name}: ${cellType(from)}['${name}'];`;
    case 'let':
      // `let`: the kernel's globals may be reassigned by a later cell, as in the cell that declared them.
      return `declare let ${name}: ${cellType(from)}['${name}'];`;
    case 'value':
    case 'type':
      // Functions, classes, enums, namespaces, imports, types, and variables the cell does not
      // mention: an alias keeps every meaning (value and type, overloads, type parameters), leads
      // go-to-definition to the declaration, and costs nothing until something uses it.
      return `import ${name} = ${cellNamespace(from)}.${name};`;
    case 'typeImport':
      // `import type { X }` / `import { type X }`: an import-equals alias of it is an error (TS1380), a type-only import is not.
      return `import type { ${name} } from './${stem}.cell${from + 1}';`;
  }
}

/**
 * The top-level names a cell declares, as the kernel publishes them: variables (destructuring
 * included), functions, classes and imports; and, for the type checker, types, interfaces, enums
 * and namespaces.
 *
 * @example
 * declarationsOf("import { a } from 'm';\nconst { b, c: [d] } = f();").map((x) => x.name) // ['a', 'b', 'd']
 */
export function declarationsOf(source: string): CellDeclaration[] {
  const file = ts.createSourceFile('cell.ts', source, ts.ScriptTarget.ES2022, false, ts.ScriptKind.TS);
  const out: CellDeclaration[] = [];
  const exported = exportedNames(file);
  const add = (id: ts.Identifier, kind: DeclarationKind) => out.push({ name: id.text, kind, offset: id.getStart(file), exported: exported.has(id.text) });
  for (const stmt of file.statements) {
    if (ts.isVariableStatement(stmt)) {
      const isConst = (stmt.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const d of stmt.declarationList.declarations) for (const id of bindingNames(d.name)) add(id, isConst ? 'const' : 'let');
    } else if (ts.isImportDeclaration(stmt)) {
      const clause = stmt.importClause;
      if (!clause) continue;
      const kind = (typeOnly: boolean): DeclarationKind => (clause.isTypeOnly || typeOnly ? 'typeImport' : 'value');
      if (clause.name) add(clause.name, kind(false));
      const named = clause.namedBindings;
      if (named && ts.isNamespaceImport(named)) add(named.name, kind(false));
      else if (named) for (const el of named.elements) add(el.name, kind(el.isTypeOnly));
    } else if (ts.isImportEqualsDeclaration(stmt)) {
      add(stmt.name, 'value');
    } else if (ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) {
      add(stmt.name, 'type');
    } else if ((ts.isFunctionDeclaration(stmt) || ts.isClassDeclaration(stmt) || ts.isEnumDeclaration(stmt)) && stmt.name) {
      if (!isDefaultExport(stmt)) add(stmt.name, 'value');
    } else if (ts.isModuleDeclaration(stmt) && ts.isIdentifier(stmt.name)) {
      add(stmt.name, 'value');
    }
  }
  return dedupe(out);
}

/** A name declared twice in one cell (overloads, declaration merging) is published once. */
function dedupe(decls: CellDeclaration[]): CellDeclaration[] {
  const seen = new Set<string>();
  return decls.filter((d) => !seen.has(d.name) && seen.add(d.name));
}

/** Names the cell's own `export` statements and modifiers already export. */
function exportedNames(file: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const stmt of file.statements) {
    if (ts.isExportDeclaration(stmt) && stmt.exportClause && ts.isNamedExports(stmt.exportClause)) for (const el of stmt.exportClause.elements) names.add(el.name.text);
    const exportsItself = ts.canHaveModifiers(stmt) && ts.getModifiers(stmt)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword) === true;
    if (!exportsItself) continue;
    if (ts.isVariableStatement(stmt)) for (const d of stmt.declarationList.declarations) for (const id of bindingNames(d.name)) names.add(id.text);
    else if ('name' in stmt && stmt.name && ts.isIdentifier(stmt.name as ts.Node)) names.add((stmt.name as ts.Identifier).text);
  }
  return names;
}

function isDefaultExport(node: ts.HasModifiers): boolean {
  return ts.getModifiers(node)?.some((m) => m.kind === ts.SyntaxKind.DefaultKeyword) === true;
}

function bindingNames(name: ts.BindingName): ts.Identifier[] {
  if (ts.isIdentifier(name)) return [name];
  return name.elements.flatMap((el) => (ts.isOmittedExpression(el) ? [] : bindingNames(el.name)));
}
