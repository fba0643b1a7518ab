import { strict as assert } from 'node:assert';
import path from 'node:path';
import ts from 'typescript';
import { REPO } from '../paths';

// Issue 3: every public function of the `modelbook` module has JSDoc with an example — what a cell
// author sees on hover and in completion.
describe("the 'modelbook' module's public API", function () {
  this.timeout(120_000);

  it('documents every exported function and class with JSDoc that has an @example', () => {
    const entry = path.join(REPO, 'src', 'kernel', 'modelbook', 'index.ts');
    const program = ts.createProgram([entry], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, strict: true, skipLibCheck: true, noEmit: true });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    const missing: string[] = [];
    const internal: string[] = [];
    let callables = 0;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const sym = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const decl = sym.declarations?.[0];
      if (!decl) continue;
      const callable = ts.isFunctionDeclaration(decl) || ts.isClassDeclaration(decl) || (ts.isVariableDeclaration(decl) && !!decl.initializer && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer)));
      if (!callable) continue;
      callables++;
      const hasExample = ts.getJSDocTags(decl).some((t) => t.tagName.text === 'example');
      if (!hasExample) missing.push(`${exported.name} (${path.relative(REPO, decl.getSourceFile().fileName)})`);
      // Hover and signature help show this text to cell authors, who have no checkout to look in.
      // Signature help shows the signature's own docs and @param texts, which may come from another declaration (typeof f).
      const signatures = checker.getTypeOfSymbolAtLocation(sym, decl).getCallSignatures();
      const shown = signatures.flatMap((sig) => [
        ts.displayPartsToString(sig.getDocumentationComment(checker)),
        ...sig.getJsDocTags().map((t) => ts.displayPartsToString(t.text)),
        ...sig.parameters.map((prm) => ts.displayPartsToString(prm.getDocumentationComment(checker))),
      ]);
      const doc = [...ts.getJSDocCommentsAndTags(decl).map((d) => d.getText()), ...shown].join('\n');
      if (/\bsrc\/[\w/]+\.ts\b/.test(doc)) internal.push(`${exported.name} (${path.relative(REPO, decl.getSourceFile().fileName)})`);
    }
    assert.deepEqual(internal, [], `exports whose JSDoc points cell authors at the repository's source files:\n${internal.join('\n')}`);
    assert.ok(callables > 100, `found only ${callables} exported functions and classes`);
    assert.deepEqual(missing, [], `exports without JSDoc @example:\n${missing.join('\n')}`);
  });
});
