import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NotebookLanguageService } from '../../../../src/store/lang/languageService';
import { buildNotebookProgram } from '../../../../src/store/lang/notebookProgram';
import { parseNotebook } from '../../../../src/core/notebook/parse';
import type { CodeCell } from '../../../../src/core/notebook/contract';
import { DIST, REPO } from '../../paths';

const TYPES = path.join(DIST, 'types');
const cells = (...sources: string[]) => sources.map((source, i) => ({ id: `c${i + 1}`, source }));

describe('NotebookLanguageService', function () {
  this.timeout(60_000);
  let dir: string;
  let uri: string;
  // One service for every test, as the extension keeps one: each notebook gets its own program.
  const lang = new NotebookLanguageService({ typesRoot: TYPES });
  before(function () {
    if (!fs.existsSync(path.join(TYPES, 'modelbook.d.ts'))) this.skip(); // dist/types comes from `node esbuild.mjs --types` (npm test builds it)
  });
  beforeEach(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-lang-')));
    uri = path.join(dir, 'nb.mlnb');
  });
  afterEach(() => {
    lang.close(uri);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('hovers a name from an earlier cell as its declaration there, with its documentation, not as the generated alias', () => {
    const first = '/** Learning rate. */\nconst rate: number = 0.5;\nfunction scale(x: number) { return x * 2; }\nclass Box { v = 1 }\ninterface P { a: number }';
    const later = 'rate; scale; Box; let p: P;\nconst o = { rate: 1 };\no.rate';
    lang.update(uri, cells(first, 'const q = 1;', later));
    const hover = (word: string, line = 0) => lang.quickInfo(uri, 'c3', line, later.split('\n')[line].indexOf(word));
    assert.deepEqual(hover('rate'), { text: 'const rate: number', documentation: 'Learning rate.' });
    assert.equal(hover('scale')?.text, 'function scale(x: number): number');
    assert.equal(hover('Box')?.text, 'class Box');
    assert.equal(hover('P;')?.text, 'interface P');
    // A member named like an earlier cell's variable is still the member.
    assert.equal(hover('rate', 1)?.text, '(property) rate: number');
    assert.equal(hover('rate', 2)?.text, '(property) rate: number');
  });

  it('puts a type error in cell 3 on a name from cell 1 on cell 3’s line and column', () => {
    lang.update(uri, cells('const rate = 0.5;', 'const label = "x";', 'const ok = 1;\nconst s: string = rate;'));
    const d = lang.diagnostics(uri);
    assert.equal(d.length, 1, JSON.stringify(d));
    assert.deepEqual(
      { cellId: d[0].cellId, cellIndex: d[0].cellIndex, line: d[0].line, character: d[0].character, code: d[0].code, category: d[0].category },
      { cellId: 'c3', cellIndex: 2, line: 1, character: 6, code: 2322, category: 'error' },
    );
    assert.match(d[0].message, /Type 'number' is not assignable to type 'string'/);
  });

  it('reports nothing from the generated text, even for cells that end in a comment, re-declare names or have none', () => {
    lang.update(uri, cells('let a = 1 // no newline', 'const a = "now a string"; a.toUpperCase()', '', 'a.length // the later type wins', 'export const b = 2;', 'b + 1'));
    assert.deepEqual(lang.diagnostics(uri), []);
  });

  it('shows an unclosed brace at the end of the cell that has it', () => {
    lang.update(uri, cells('function f() {\n  return 1;', 'f()'));
    const d = lang.diagnostics(uri);
    assert.ok(d.length > 0);
    for (const x of d) assert.equal(x.cellId, 'c1');
    assert.ok(d.every((x) => x.line <= 1));
  });

  it('honours // @ts-nocheck and // @ts-expect-error in a cell', () => {
    lang.update(uri, cells('const n = 1;', '// @ts-nocheck\nconst s: string = n;', '// @ts-expect-error: a number is not a string\nconst t: string = n;', '// @ts-expect-error\nconst u: number = n;'));
    const d = lang.diagnostics(uri);
    assert.deepEqual(
      d.map((x) => [x.cellId, x.line, x.code]),
      [['c4', 0, 2578]], // only the unused directive
    );
  });

  it('knows the kernel’s globals: display() without an import, with its options checked', () => {
    lang.update(uri, cells('const n = 1;\ndisplay(n);', "display(n, { id: 'loss', update: true });", 'display(n, { id: 3 });', 'const display = (x: string) => x;\ndisplay(n);'));
    assert.deepEqual(
      lang.diagnostics(uri).map((x) => [x.cellId, x.code]),
      [
        ['c3', 2322], // id is a string
        ['c4', 2345], // the cell's own display shadows the global
      ],
    );
    assert.match(lang.quickInfo(uri, 'c1', 1, 1)?.text ?? '', /display: \(value: unknown, options\?: DisplayOptions\) => void/);
  });

  it('sees type-only imports in later cells as types, with no error in the cells after them', () => {
    lang.update(
      uri,
      cells(
        "import type { RuleInput } from 'modelbook';\nimport { type Severity, monitor } from 'modelbook';",
        "const r: RuleInput = 'drifted_share > 0.3';\nconst s: Severity = 'fatal';",
        'const n = 1;\nn',
        'typeof monitor',
      ),
    );
    assert.deepEqual(
      lang.diagnostics(uri).map((x) => [x.cellId, x.line, x.code]),
      [['c2', 1, 2322]],
    );
  });

  it('completes a cell-1 name in cell 3 with its type', () => {
    lang.update(uri, cells('const penguinCount = 344;\ninterface Penguin { species: string }', 'const x = 1;', 'pengu', 'let p: Pengu'));
    const items = lang.completions(uri, 'c3', 0, 5);
    const item = items.find((i) => i.name === 'penguinCount');
    assert.ok(item, 'penguinCount offered');
    assert.equal(item.detail, 'const penguinCount: 344');
    assert.ok(
      lang.completions(uri, 'c4', 0, 12).some((i) => i.name === 'Penguin'),
      'a type from cell 1 in a type position',
    );
  });

  it('hovers with the type of a name from an earlier cell and follows re-declarations', () => {
    lang.update(uri, cells('const v = [1, 2, 3];', 'v', 'const v = "text";', 'v'));
    assert.equal(lang.quickInfo(uri, 'c2', 0, 0)?.text, 'const v: number[]');
    assert.equal(lang.quickInfo(uri, 'c4', 0, 0)?.text, 'const v: "text"');
  });

  it('gives signature help for a function from an earlier cell', () => {
    lang.update(uri, cells('/** Scales a value. */\nfunction scale(value: number, by = 2): number { return value * by; }', 'scale(1, '));
    const help = lang.signatureHelp(uri, 'c2', 0, 9);
    assert.ok(help);
    assert.equal(help.items[0].label, 'scale(value: number, by?: number): number');
    assert.equal(help.items[0].documentation, 'Scales a value.');
    assert.equal(help.argumentIndex, 1);
  });

  it('goes to the definition in the cell that declared the name, through re-use in between', () => {
    lang.update(uri, cells('const a = 1;\nfunction f() { return a; }', 'a + f()', 'let b = a;', 'b + a + f()'));
    assert.deepEqual(lang.definition(uri, 'c4', 0, 4), [{ cellId: 'c1', line: 0, character: 6 }]);
    assert.deepEqual(lang.definition(uri, 'c4', 0, 8), [{ cellId: 'c1', line: 1, character: 9 }]);
    assert.deepEqual(lang.definition(uri, 'c4', 0, 0), [{ cellId: 'c3', line: 0, character: 4 }]);
  });

  it("resolves import { LogisticRegression } from 'modelbook' to the shipped types: a wrong option is a type error", () => {
    lang.update(uri, cells("import { LogisticRegression } from 'modelbook';", 'const ok = new LogisticRegression({ C: 1 });', "const bad = new LogisticRegression({ C: 'strong' });"));
    const d = lang.diagnostics(uri);
    assert.deepEqual(
      d.map((x) => [x.cellId, x.code]),
      [['c3', 2322]],
    );
    const def = lang.definition(uri, 'c2', 0, 16);
    assert.ok(def[0]?.file?.startsWith(TYPES), JSON.stringify(def));
  });

  it('allows top-level await and knows Node’s globals', () => {
    lang.update(uri, cells('const r = await Promise.resolve(41);', 'console.log(r + 1); setTimeout(() => {}, 1);'));
    assert.deepEqual(lang.diagnostics(uri), []);
  });

  it('checks the quickstart notebook clean', () => {
    const nb = parseNotebook(fs.readFileSync(path.join(REPO, 'examples', 'quickstart.mlnb'), 'utf8'), 'quickstart.mlnb');
    const code = nb.cells.filter((c): c is CodeCell => c.cell_type === 'code').map((c) => ({ id: c.id, source: c.source }));
    const quick = path.join(REPO, 'examples', 'quickstart.mlnb');
    lang.update(quick, code);
    assert.deepEqual(lang.diagnostics(quick), []);
    assert.match(lang.quickInfo(quick, code[1].id, 4, 16)?.text ?? '', /numRows\(\): number/);
  });

  it('re-checks after an edit, and only the edit changes what it reports', () => {
    lang.update(uri, cells('const a = 1;', 'const b: number = a;', 'b'));
    assert.deepEqual(lang.diagnostics(uri), []);
    lang.update(uri, cells('const a = "one";', 'const b: number = a;', 'b'));
    assert.deepEqual(
      lang.diagnostics(uri).map((x) => [x.cellId, x.code]),
      [['c2', 2322]],
    );
    lang.update(uri, cells('const a = 1;', 'const b: number = a;', 'b'));
    assert.deepEqual(lang.diagnostics(uri), []);
  });

  it('re-checks a cell when a type it sees only through another cell changes', () => {
    const notebook = (member: string, extra = '') => cells(`interface P { a: ${member} }${extra}`, 'const p: P = { a: 1 as any };', 'p.a.toFixed(1)');
    lang.update(uri, notebook('number'));
    assert.deepEqual(lang.diagnostics(uri), []);
    lang.update(uri, notebook('number', '\nconst unrelated = 2 + 2;'));
    assert.deepEqual(lang.diagnostics(uri), []);
    lang.update(uri, notebook('string'));
    assert.deepEqual(
      lang.diagnostics(uri).map((x) => [x.cellId, x.code]),
      [['c3', 2551]],
    );
  });

  it('gives the edited cell’s diagnostics alone, then every cell’s after an edit upstream', () => {
    lang.update(uri, cells('let a = 1;', 'const b: number = a;', 'const c: string = a;', 'a = 2;'));
    assert.deepEqual(
      lang.diagnosticsFor(uri, ['c3']).map((x) => [x.cellId, x.code]),
      [['c3', 2322]],
    );
    lang.update(uri, cells('let a = "one";', 'const b: number = a;', 'const c: string = a;', 'a = 2;'));
    assert.deepEqual(lang.diagnosticsFor(uri, ['c1', 'gone']), []);
    assert.deepEqual(
      lang.diagnostics(uri).map((x) => [x.cellId, x.code]),
      [
        ['c2', 2322],
        ['c4', 2322],
      ],
    );
  });

  it('sees an earlier cell’s variable as a variable once the cell mentions it, and offers it before', () => {
    lang.update(uri, cells('const penguins = [1, 2];', 'pen'));
    assert.equal(lang.completions(uri, 'c2', 0, 3).find((i) => i.name === 'penguins')?.detail, 'const penguins: number[]');
    assert.ok(!lang.completions(uri, 'c2', 0, 3).some((i) => i.name.startsWith('__modelbook')), 'no generated names offered');
    lang.update(uri, cells('const penguins = [1, 2];', 'penguins.push("x")'));
    assert.equal(lang.quickInfo(uri, 'c2', 0, 2)?.text, 'const penguins: number[]');
    assert.deepEqual(
      lang.diagnostics(uri).map((x) => [x.cellId, x.code]),
      [['c2', 2345]],
    );
  });
});

describe('buildNotebookProgram', () => {
  it('keeps each cell’s text at offset 0 and aliases what earlier cells declared', () => {
    const p = buildNotebookProgram(cells("import * as aq from 'arquero';\nconst x = 1;\nlet y = 2;\nconst z = 3;\ntype T = number;", 'const x = "again" + y;'), 'nb');
    const second = p.files[1];
    assert.equal(second.userLength, 'const x = "again" + y;'.length);
    assert.ok(second.text.startsWith('const x = "again" + y;\n'));
    assert.deepEqual(
      second.text
        .slice(second.userLength + 1)
        .trim()
        .split('\n'),
      [
        'export { x };',
        "import * as __modelbook_cell1 from './nb.cell1';",
        "type __modelbook_cell1_t = typeof import('./nb.cell1');",
        'import aq = __modelbook_cell1.aq;',
        "declare let y: __modelbook_cell1_t['y'];", // mentioned: a variable, so it assigns and hovers as one
        'import z = __modelbook_cell1.z;', // not mentioned: an alias, free until used
        'import T = __modelbook_cell1.T;',
      ],
    );
  });
});
