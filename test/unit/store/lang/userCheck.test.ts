import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { buildNotebookProgram, type NotebookCellSource } from '../../../../src/store/lang/notebookProgram';
import { NotebookServiceHost } from '../../../../src/store/lang/serviceHost';
import { toCellDiagnostic } from '../../../../src/store/lang/diagnostics';
import { userDiagnostics } from '../../../../src/store/lang/userCheck';
import { parseNotebook } from '../../../../src/core/notebook/parse';
import type { CodeCell } from '../../../../src/core/notebook/contract';
import { DIST, REPO } from '../../paths';

const TYPES = path.join(DIST, 'types');

/** Each cell's diagnostics as the user sees them, checked one way or the other (a fresh program each time). */
function diagnosticsBy(dir: string, cells: NotebookCellSource[], check: (p: ts.Program, sf: ts.SourceFile, userLength: number) => readonly ts.Diagnostic[]): string[] {
  const host = new NotebookServiceHost(dir, TYPES);
  host.setCells(buildNotebookProgram(cells, 'nb').files);
  const program = ts.createLanguageService(host).getProgram()!;
  const out: string[] = [];
  for (const cell of host.cells.values()) {
    const sf = program.getSourceFile(cell.fileName)!;
    for (const d of check(program, sf, cell.userLength)) {
      const c = toCellDiagnostic(d, cell, sf);
      if (c) out.push(`${c.cellId}:${c.line}:${c.character}-${c.endLine}:${c.endCharacter} TS${c.code} ${c.message}`);
    }
  }
  return out.sort();
}

const whole = (p: ts.Program, sf: ts.SourceFile) => p.getSemanticDiagnostics(sf);

function notebookCells(file: string): NotebookCellSource[] {
  const nb = parseNotebook(fs.readFileSync(file, 'utf8'), path.basename(file));
  return nb.cells.filter((c): c is CodeCell => c.cell_type === 'code').map((c) => ({ id: c.id, source: c.source }));
}

describe('userDiagnostics (checking only the cell’s own statements)', function () {
  this.timeout(120_000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(path.join(TYPES, 'modelbook.d.ts'))) this.skip(); // dist/types comes from `node esbuild.mjs --types`
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-usercheck-')));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  const mistakes: NotebookCellSource[] = [
    { id: 'a', source: "import { LogisticRegression, trainTestSplit } from 'modelbook';\nimport * as aq from 'arquero';\nconst n = 1;\nlet s = 'x';\ninterface Row { a: number }\ntype Id = string;" },
    { id: 'b', source: 'const bad: string = n;\nn.toUpperCase();\ns = 2;' },
    { id: 'c', source: 'function f(x: Row): Id {\n  return x.a;\n}\nclass K {\n  m(): number { return s; }\n}' },
    { id: 'd', source: '// @ts-expect-error: a number is not a string\nconst t: string = n;\n// @ts-expect-error\nconst u: number = n;\n// @ts-ignore\nconst v: boolean = n;' },
    { id: 'e', source: "const m = new LogisticRegression({ C: 'high' });\nawait m.fit(undefined);\nconst { train } = trainTestSplit(aq.table({ a: [1] }), { testSize: 2, seed: 'x' });" },
    { id: 'f', source: 'const n = "again";\nconst r: Row = { a: n };\nexport const e1 = 1;\nundefinedName + 1;' },
    { id: 'g', source: '// @ts-nocheck\nconst w: string = 1;' },
    { id: 'h', source: 'const x = n +' },
    { id: 'j0', source: "import type { RuleInput } from 'modelbook';\nimport { type Severity } from 'modelbook';" },
    { id: 'i', source: 'const sev: Severity = \'fatal\';\nconst rule: RuleInput = 1;\nenum E { A, B }\nnamespace NS { export const q: number = "q"; }\nE.C;\nlet dup = 1;\nlet dup = 2;' },
  ];

  it('reports what a check of the whole file reports, on notebooks with type errors and directives', () => {
    const expected = diagnosticsBy(dir, mistakes, whole);
    assert.ok(expected.length >= 12, `the cells make mistakes: ${expected.join('\n')}`);
    assert.ok(
      expected.some((d) => d.includes('TS2578')),
      'an unused @ts-expect-error is among them',
    );
    assert.deepEqual(diagnosticsBy(dir, mistakes, userDiagnostics), expected);
  });

  it('reports what a check of the whole file reports on the shipped templates and the quickstart', () => {
    const notebooks = [
      path.join(REPO, 'examples', 'quickstart.mlnb'),
      ...fs
        .readdirSync(path.join(REPO, 'templates'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.mlnb'))
        .map((f) => path.join(REPO, 'templates', f)),
    ];
    assert.ok(notebooks.length >= 5);
    for (const file of notebooks) {
      const cells = notebookCells(file);
      // An edit that makes an error in every cell, so the comparison is not between two empty lists.
      const broken = cells.map((c) => ({ ...c, source: `${c.source}\nconst __probe: number = 'not a number';` }));
      const expected = diagnosticsBy(dir, broken, whole);
      assert.equal(expected.filter((d) => d.endsWith("TS2322 Type 'string' is not assignable to type 'number'.")).length, cells.length, path.basename(file));
      assert.deepEqual(diagnosticsBy(dir, broken, userDiagnostics), expected, path.basename(file));
    }
  });
});
