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
    const program = ts.createProgram([entry], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    const missing: string[] = [];
    const internal: string[] = [];
    let callables = 0;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const sym = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const decl = sym.declarations?.[0];
      if (!decl) continue;
      const callable =
        ts.isFunctionDeclaration(decl) ||
        ts.isClassDeclaration(decl) ||
        (ts.isVariableDeclaration(decl) && !!decl.initializer && (ts.isArrowFunction(decl.initializer) || ts.isFunctionExpression(decl.initializer)));
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

  it('points cell authors at no source file in any doc they can see: types, members, parameters and options', () => {
    const entry = path.join(REPO, 'src', 'kernel', 'modelbook', 'index.ts');
    const program = ts.createProgram([entry], {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      strict: true,
      skipLibCheck: true,
      noEmit: true,
    });
    const checker = program.getTypeChecker();
    const sourcePath = /\b(?:src|bench|native|test|webview)\/[\w./-]+|\b[\w-]+\.(?:ts|mjs)\b/;
    const found: string[] = [];
    const seen = new Set<ts.Symbol>();
    const text = (parts: ts.SymbolDisplayPart[]) => ts.displayPartsToString(parts);
    const check = (where: string, doc: string) => {
      const line = doc.split('\n').find((l) => sourcePath.test(l));
      if (line) found.push(`${where}: ${line.trim()}`);
    };
    // Hover, completion details and signature help: the symbol's docs, its members', its call signatures' and their parameters' (and the options objects they take).
    const visit = (sym: ts.Symbol, name: string, depth: number): void => {
      if (seen.has(sym) || depth > 2) return;
      seen.add(sym);
      const decl = sym.declarations?.[0];
      // Libraries' own docs (TF.js, arquero) are theirs to write.
      if (!decl || decl.getSourceFile().fileName.includes('node_modules')) return;
      check(name, [text(sym.getDocumentationComment(checker)), ...sym.getJsDocTags(checker).map((t) => text(t.text ?? []))].join('\n'));
      const type = checker.getTypeOfSymbolAtLocation(sym, decl);
      for (const sig of [...type.getCallSignatures(), ...type.getConstructSignatures()]) {
        check(`${name}()`, [text(sig.getDocumentationComment(checker)), ...sig.getJsDocTags().map((t) => text(t.text ?? []))].join('\n'));
        for (const prm of sig.parameters) {
          check(`${name}(${prm.name})`, text(prm.getDocumentationComment(checker)));
          for (const m of checker.getTypeOfSymbolAtLocation(prm, decl).getProperties()) visit(m, `${name}(${prm.name}).${m.name}`, depth + 1);
        }
      }
      const declared = sym.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias) ? checker.getDeclaredTypeOfSymbol(sym).getProperties() : [];
      for (const m of [...declared, ...type.getProperties()]) visit(m, `${name}.${m.name}`, depth + 1);
    };
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(entry)!)!;
    for (const exported of checker.getExportsOfModule(moduleSymbol)) visit(exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported, exported.name, 0);
    assert.ok(seen.size > 1000, `visited only ${seen.size} symbols`);
    assert.deepEqual(found, [], `docs that point cell authors at the repository's files:\n${found.join('\n')}`);
  });
});
