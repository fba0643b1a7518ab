/**
 * The semantic diagnostics of a cell's own text only. A cell's file ends with generated lines (its
 * exports, and an alias for every name earlier cells declare: notebookProgram.ts); checking them
 * resolves every alias, which is most of the cost of checking a cell deep in a long notebook and can
 * never report anything the user wrote. So only the statements of the user's text are checked (with
 * everything they reach), the way tsserver checks the visible region of a large file.
 *
 * This uses two internals of the `typescript` package that tsserver's region diagnostics use too
 * (`TypeChecker.getDiagnostics(file, token, nodes)`, `SourceFile.commentDirectives`); the version is
 * pinned in package-lock.json, `usable` checks they are there, and the language service's tests of
 * `@ts-expect-error` and `@ts-nocheck` fail if either changes. Without them the whole file is checked.
 */
import ts from 'typescript';

/** The internals this relies on, as TypeScript 5.9 has them. */
interface InternalChecker {
  getDiagnostics(sourceFile: ts.SourceFile, cancellationToken: ts.CancellationToken | undefined, nodesToCheck: readonly ts.Node[]): readonly ts.Diagnostic[];
}
interface InternalSourceFile {
  bindDiagnostics?: readonly ts.Diagnostic[];
  /** type 0: `@ts-expect-error`, 1: `@ts-ignore`; `range` is the comment. */
  commentDirectives?: readonly { range: ts.TextRange; type: number }[];
}

const EXPECT_ERROR = 0;
const UNUSED_EXPECT_ERROR = 2578;

/**
 * The semantic diagnostics (binder and checker) of the statements that start before `userLength`,
 * with `@ts-expect-error` / `@ts-ignore` applied and an unused `@ts-expect-error` reported, as
 * `program.getSemanticDiagnostics(sf)` gives them for the whole file.
 *
 * @example
 * userDiagnostics(program, program.getSourceFile('/nb/churn.mlnb.cell7.ts')!, cell.userLength)
 */
export function userDiagnostics(program: ts.Program, sf: ts.SourceFile, userLength: number): readonly ts.Diagnostic[] {
  const checker = program.getTypeChecker() as unknown as Partial<InternalChecker>;
  const file = sf as ts.SourceFile & InternalSourceFile;
  // `@ts-nocheck` (and anything else that turns checking off) is decided by TypeScript itself.
  if (typeof checker.getDiagnostics !== 'function' || !Array.isArray(file.bindDiagnostics) || /@ts-nocheck/.test(sf.text.slice(0, userLength))) return program.getSemanticDiagnostics(sf);
  const nodes = sf.statements.filter((s) => s.getStart(sf) < userLength);
  if (!nodes.length) return [];
  const raw = [...file.bindDiagnostics, ...checker.getDiagnostics(sf, undefined, nodes)];
  return applyDirectives(
    sf,
    raw,
    (file.commentDirectives ?? []).filter((d) => d.range.pos < userLength),
  );
}

/** TypeScript's rule: a directive on the nearest non-blank, non-comment line above a diagnostic hides it. */
function applyDirectives(sf: ts.SourceFile, diagnostics: readonly ts.Diagnostic[], directives: readonly { range: ts.TextRange; type: number }[]): ts.Diagnostic[] {
  if (!directives.length) return [...diagnostics];
  const byLine = new Map(directives.map((d) => [sf.getLineAndCharacterOfPosition(d.range.end).line, d]));
  const used = new Set<number>();
  const lineStarts = sf.getLineStarts();
  const hidden = (d: ts.Diagnostic): boolean => {
    if (d.start === undefined) return false;
    for (let line = sf.getLineAndCharacterOfPosition(d.start).line - 1; line >= 0; line--) {
      if (byLine.has(line)) {
        used.add(line);
        return true;
      }
      const text = sf.text.slice(lineStarts[line], lineStarts[line + 1]).trim();
      if (text !== '' && !/^\/\/.*$/.test(text)) return false;
    }
    return false;
  };
  const out = diagnostics.filter((d) => !hidden(d));
  for (const [line, d] of byLine) {
    if (d.type !== EXPECT_ERROR || used.has(line)) continue;
    out.push({
      file: sf,
      start: d.range.pos,
      length: d.range.end - d.range.pos,
      category: ts.DiagnosticCategory.Error,
      code: UNUSED_EXPECT_ERROR,
      messageText: "Unused '@ts-expect-error' directive.",
    });
  }
  return out;
}
