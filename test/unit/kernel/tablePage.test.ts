import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { TablePage } from '../../../src/core/kernel/variables';
import { couldBeInNumberText } from '../../../src/kernel/runtime/tables/page';
import { cellText } from '../../../src/core/dataViewer/cellText';
import { REPO } from '../paths';
import { referenceOrSkip, runPython } from '../core/data/python';
import { run, useKernel } from './helpers';

type Row = TablePage['rows'][number];

/** pandas reads the same CSV: the reference for pages, sorts, filters and statistics. */
const READ = "import pandas as pd\nd = pd.read_csv(data['csv'])\nrows = lambda f: [[None if (isinstance(v, float) and v != v) else v for v in r] for r in f.astype(object).values.tolist()]\n";

describe('data viewer pages from the running kernel (real kernel process)', function () {
  this.timeout(120_000);
  const k = useKernel();
  let csv: string;

  before(async () => {
    csv = path.join(k.ws, 'titanic.csv');
    fs.copyFileSync(path.join(REPO, 'templates', 'data', 'titanic.csv'), csv);
    const r = await run(
      k.session,
      [
        "import { readCSV } from 'modelbook';",
        "const titanic = await readCSV('titanic.csv');",
        "const records = [{ a: 3, b: 'x' }, { a: 1, b: 'y' }, { a: 2, b: null }];",
        'const matrix = [[1, 2], [3, 4], [5, 6]];',
        'const answer = 42;',
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', r.error?.message);
  });

  const page = async (req: Partial<Parameters<typeof k.session.tablePage>[0]>) => {
    const r = await k.session.tablePage({ path: ['titanic'], offset: 0, limit: 10, ...req });
    assert.equal(r.error, undefined);
    return r.page!;
  };

  it('pages rows in their order, as pandas reads the file', async function () {
    const ref = referenceOrSkip<Row[]>(this, runPython(`${READ}print(json.dumps(rows(d.iloc[100:105])))`, { csv }));
    const p = await page({ offset: 100, limit: 5 });
    assert.deepEqual(p.columns, [
      { name: 'name', type: 'string' },
      { name: 'survived', type: 'string' },
      { name: 'sex', type: 'string' },
      { name: 'age', type: 'number' },
      { name: 'passengerClass', type: 'string' },
    ]);
    assert.equal(p.totalRows, 1309);
    assert.deepEqual(p.rows, ref);
    const tail = await page({ offset: 1305, limit: 10, columns: ['age', 'name'] });
    assert.equal(tail.rows.length, 4, 'the last page stops at the last row');
    assert.deepEqual(
      tail.columns.map((c) => c.name),
      ['age', 'name'],
    );
  });

  it('sorts by several columns (missing last), as pandas sorts', async function () {
    const ref = referenceOrSkip<Row[]>(
      this,
      runPython(`${READ}s = d.sort_values(['age', 'name'], ascending=[False, True], na_position='last', kind='stable')\nprint(json.dumps([rows(s.iloc[0:20]), rows(s.iloc[1040:1050])]))`, { csv }),
    );
    const sort = [
      { column: 'age', descending: true },
      { column: 'name', descending: false },
    ];
    assert.deepEqual((await page({ sort, limit: 20 })).rows, ref[0]);
    // The next page comes from the kept row order.
    assert.deepEqual((await page({ sort, offset: 1040, limit: 10 })).rows, ref[1]);
  });

  it('sorts ascending with missing values last too, as pandas sorts', async function () {
    const ref = referenceOrSkip<Row[]>(
      this,
      runPython(
        `${READ}s = d.sort_values(['age', 'name'], ascending=[True, False], na_position='last', kind='stable')\nprint(json.dumps([rows(s.iloc[0:10]), rows(s.iloc[1040:1050]), rows(s.iloc[1300:1309])]))`,
        { csv },
      ),
    );
    const sort = [
      { column: 'age', descending: false },
      { column: 'name', descending: true },
    ];
    assert.deepEqual((await page({ sort, limit: 10 })).rows, ref[0], 'the youngest first');
    assert.deepEqual((await page({ sort, offset: 1040, limit: 10 })).rows, ref[1], 'the last ages, then the first missing ones');
    assert.deepEqual((await page({ sort, offset: 1300, limit: 10 })).rows, ref[2], 'missing ages at the end');
  });

  it('filters with an arquero expression or by text, then sorts', async function () {
    const ref = referenceOrSkip<{ old: Row[]; allen: number }>(
      this,
      runPython(
        `${READ}o = d[(d.sex == 'female') & (d.age > 60)].sort_values('age', kind='stable')\nhit = d.astype(str).apply(lambda c: c.str.lower().str.contains('allen')).any(axis=1)\nprint(json.dumps({ 'old': rows(o), 'allen': int(hit.sum()) }))`,
        { csv },
      ),
    );
    const old = await page({ filter: "d => d.sex === 'female' && d.age > 60", sort: [{ column: 'age', descending: false }], limit: 100 });
    assert.equal(old.totalRows, ref.old.length);
    assert.deepEqual(old.rows, ref.old);
    const allen = await page({ filter: 'ALLEN', limit: 100 });
    assert.equal(allen.totalRows, ref.allen);
    assert.ok(allen.rows.every((r) => r.some((v) => String(v).toLowerCase().includes('allen'))));
  });

  it('narrows a text search as the user types (each longer text from the rows the shorter one kept), as pandas finds them in the text the viewer shows', async function () {
    const typed = ['a', 'Al', 'ALL', 'alle', 'allen', '2', '29', '29.', '1', '1s', '1st'];
    const ref = referenceOrSkip<Record<string, number[]>>(
      this,
      runPython(
        `${READ}s = d.astype(object).apply(lambda c: c.map(lambda v: '' if v is None or (isinstance(v, float) and v != v) else (str(int(v)) if isinstance(v, float) and v.is_integer() else (repr(float(f'{v:.7g}')) if isinstance(v, float) else str(v))).lower()))\nd2 = d.sort_values('age', kind='stable', na_position='last')\nout = {}\nfor t in ${JSON.stringify(typed)}:\n  hit = s.apply(lambda c: c.str.contains(t.lower(), regex=False)).any(axis=1)\n  out[t] = [int(x) for x in d2.index[hit[d2.index]]][:50]\nprint(json.dumps(out))`,
        { csv },
      ),
    );
    // The same value, path and sort each time, as the viewer asks while the user types; sorted by age so order is checked too.
    const sort = [{ column: 'age', descending: false }];
    const rowsOf = async (filter: string) => (await k.session.tablePage({ path: ['titanic'], offset: 0, limit: 50, sort, filter, columns: ['name'] })).page!.rows.map((r) => r[0]);
    const names = (await k.session.tablePage({ path: ['titanic'], offset: 0, limit: 2000, columns: ['name'] })).page!.rows.map((r) => r[0]);
    for (const t of typed)
      assert.deepEqual(
        await rowsOf(t),
        ref[t].map((i) => names[i]),
        t,
      );
  });

  it('finds what the viewer shows: numbers to 7 significant digits, NaN and missing as blank cells', async () => {
    const made = await run(k.session, 'const precise = [{ x: 0.123456789, s: "a" }, { x: 1815, s: "b" }, { x: NaN, s: "c" }, { x: -Infinity, s: "d" }, { x: 2.5e-9, s: "e" }];');
    assert.equal(made.status, 'ok', made.error?.message);
    const found = async (filter: string) => (await k.session.tablePage({ path: ['precise'], offset: 0, limit: 10, filter })).page!.rows.map((r) => r[1]);
    assert.deepEqual(await found('0.1234568'), ['a'], 'the shown digits (0.1234568)');
    assert.deepEqual(await found('0.12345678'), [], 'digits rounding hides are not searched');
    assert.deepEqual(await found('181'), ['b']);
    assert.deepEqual(await found('nan'), [], 'NaN shows as a blank cell');
    assert.deepEqual(await found('-INF'), ['d']);
    assert.deepEqual(await found('e-9'), ['e']);
  });

  it('reads number columns for a text filter only when the text can be part of a number', () => {
    for (const t of ['0.12', '-3', '1e+21', '2e-7', 'inf', '-infinity', '.', 'e']) assert.equal(couldBeInNumberText(t), true, t);
    for (const t of ['fate', 'tea', 'any', 'tina', 'allen', '0.1a', 'infinityx', 'nan']) assert.equal(couldBeInNumberText(t), false, t);
    for (const n of [0.125, -3, 1e21, 2e-7, -Infinity, 12345, 0.123456789, 1.23456789e22]) {
      const text = cellText(String(n) === 'Infinity' || String(n) === '-Infinity' ? String(n) : n).toLowerCase();
      for (let i = 0; i < text.length; i++) for (let j = i + 1; j <= text.length; j++) assert.equal(couldBeInNumberText(text.slice(i, j)), true, `${text.slice(i, j)} of ${text}`);
    }
  });

  it('refuses a filter that is not a plain table expression, and the kernel keeps working', async () => {
    for (const filter of ['d => process.exit(1)', "d => globalThis.answer = 1 || d.sex == 'x'", 'd => (() => 1)()']) {
      const r = await k.session.tablePage({ path: ['titanic'], offset: 0, limit: 1, filter });
      assert.match(r.error ?? '', /not a valid arquero expression/, filter);
    }
    assert.equal((await run(k.session, 'answer')).text, '42');
  });

  it('gives column statistics as pandas computes them', async function () {
    const ref = referenceOrSkip<{ age: number[]; sex: [string, number][] }>(
      this,
      runPython(
        `${READ}a = d.age\nprint(json.dumps({ 'age': [int(a.isna().sum()), a.min(), a.max(), a.mean(), int(a.nunique(dropna=True))], 'sex': [[k, int(v)] for k, v in d.sex.value_counts().items()] }))`,
        { csv },
      ),
    );
    const age = (await k.session.tableStats(['titanic'], 'age')).stats!;
    assert.deepEqual([age.count, age.missing, age.min, age.max, age.distinct], [1309, ref.age[0], ref.age[1], ref.age[2], ref.age[4]]);
    assert.ok(Math.abs(age.mean! - ref.age[3]) < 1e-9, `${age.mean} vs ${ref.age[3]}`);
    const sex = (await k.session.tableStats(['titanic'], 'sex')).stats!;
    assert.deepEqual(
      sex.top?.map((t) => [t.value, t.count]),
      ref.sex,
    );
    assert.equal(sex.mean, undefined);
  });

  it('pages arrays of records and matrices, sorted without arquero', async () => {
    const recs = (await k.session.tablePage({ path: ['records'], offset: 0, limit: 10, sort: [{ column: 'a', descending: false }] })).page!;
    assert.deepEqual(recs.rows, [
      [1, 'y'],
      [2, null],
      [3, 'x'],
    ]);
    const m = (await k.session.tablePage({ path: ['matrix'], offset: 1, limit: 10, sort: [{ column: '1', descending: true }] })).page!;
    assert.deepEqual(
      [m.columns.map((c) => c.name), m.rows],
      [
        ['0', '1'],
        [
          [3, 4],
          [1, 2],
        ],
      ],
    );
    const expr = await k.session.tablePage({ path: ['records'], offset: 0, limit: 10, filter: 'd => d.a > 1' });
    assert.match(expr.error ?? '', /works on arquero tables/);
  });

  it('answers a bad path, a value that is no table or an unknown column with an error', async () => {
    assert.match((await k.session.tablePage({ path: ['missing'], offset: 0, limit: 1 })).error ?? '', /No variable missing/);
    assert.match((await k.session.tablePage({ path: ['answer'], offset: 0, limit: 1 })).error ?? '', /answer is a number; the data viewer opens/);
    assert.match((await k.session.tablePage({ path: ['titanic'], offset: 0, limit: 1, sort: [{ column: 'nope', descending: false }] })).error ?? '', /No column "nope"/);
    assert.match((await k.session.tableStats(['titanic'], 'nope')).error ?? '', /No column "nope"/);
    assert.match((await k.session.tablePage({ path: ['titanic'], offset: -1, limit: 1 })).error ?? '', /offset must be/);
  });
});

describe('data viewer pages of a 1M × 50 table (real kernel process)', function () {
  this.timeout(300_000);
  const k = useKernel();

  let top: number;
  let over: number;
  before(async () => {
    const r = await run(
      k.session,
      [
        "import * as aq from 'arquero';",
        'let seed = 7;',
        'const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);',
        'const cols: Record<string, Float64Array> = {};',
        'for (let c = 0; c < 50; c++) { const a = new Float64Array(1_000_000); for (let i = 0; i < a.length; i++) a[i] = rand(); cols[`c${c}`] = a; }',
        'const big = aq.table(cols);',
        'let top = -1; for (const v of cols.c3) top = Math.max(top, v);',
        'let over = 0; for (const v of cols.c0) if (v > 0.99) over++;',
        '[top, over]',
      ].join('\n'),
      240,
    );
    assert.equal(r.status, 'ok', r.error?.message);
    [top, over] = JSON.parse(r.text!.replace(/\s/g, '')) as [number, number];
  });

  it('pages, sorts and filters a million rows', async () => {
    const plain = (await k.session.tablePage({ path: ['big'], offset: 500_000, limit: 100 })).page!;
    assert.deepEqual([plain.totalRows, plain.rows.length, plain.columns.length], [1_000_000, 100, 50]);
    const sort = [{ column: 'c3', descending: true }];
    const first = (await k.session.tablePage({ path: ['big'], offset: 0, limit: 100, sort, columns: ['c3', 'c0'] })).page!;
    assert.equal(first.rows[0][0], top);
    const later = (await k.session.tablePage({ path: ['big'], offset: 900_000, limit: 100, sort, columns: ['c3'] })).page!;
    const values = [...first.rows, ...later.rows].map((row) => row[0] as number);
    assert.ok(
      values.every((v, i) => i === 0 || v <= values[i - 1]),
      'descending across pages',
    );
    const filtered = (await k.session.tablePage({ path: ['big'], offset: 0, limit: 10, filter: 'd => d.c0 > 0.99' })).page!;
    assert.equal(filtered.totalRows, over);
    const stats = (await k.session.tableStats(['big'], 'c3')).stats!;
    assert.deepEqual([stats.count, stats.missing, stats.max], [1_000_000, 0, top]);
  });

  it('keeps the kernel answering during a long text search through 50M numbers, and stops it when the user types on', async () => {
    // '0.12345' must turn every number into text (seconds of work). Meanwhile a cell runs and a page comes back.
    let searchDone = false;
    const slow = k.session.tablePage({ path: ['big'], offset: 0, limit: 10, filter: '0.12345' }, 300_000).finally(() => (searchDone = true));
    const cell = await run(k.session, 'cols.c1.length', 60);
    assert.equal(cell.status, 'ok', cell.error?.message);
    const page = await k.session.tablePage({ path: ['big'], offset: 10, limit: 5 });
    assert.equal(page.page?.rows.length, 5);
    assert.equal(searchDone, false, 'a cell ran and a page came back while the search was still running');
    // The user types on: the newer search of the same value supersedes the first, which stops.
    const newer = k.session.tablePage({ path: ['big'], offset: 0, limit: 10, filter: '0.123456' }, 300_000);
    assert.match((await slow).error ?? '', /A newer search of this value started/);
    const found = (await newer).page!;
    const expected = await run(k.session, "let hits = 0; for (let i = 0; i < 1_000_000; i++) if (Object.values(cols).some((a) => String(a[i]).includes('0.123456'))) hits++; hits", 240);
    assert.equal(found.totalRows, Number(expected.text));
    assert.ok(found.rows.every((r) => r.some((v) => String(v).includes('0.123456'))));
  });
});
