import { strict as assert } from 'node:assert';
import { parseCSV, parseTSV } from '../../../../src/core/data/parseCSV';
import { DateColumn } from '../../../../src/core/data/dateColumn';
import { referenceOrSkip, runPython } from './python';

const col = (t: ReturnType<typeof parseCSV>, name: string) => Array.from(t.array(name) as ArrayLike<unknown>);

describe('core/data parseCSV', () => {
  it('infers numbers, booleans, ISO dates and text, with NaN/null for missing values', () => {
    const t = parseCSV('n,b,d,s\n1.5,true,2024-03-05,x\n,False,,NA\n-2e3,TRUE,2024-03-06T10:30:00Z,y\n');
    assert.ok(t.column('n') instanceof Float64Array);
    assert.deepEqual(col(t, 'n'), [1.5, NaN, -2000]);
    assert.deepEqual(col(t, 'b'), [true, false, true]);
    assert.ok(t.column('d') instanceof DateColumn);
    assert.deepEqual(
      col(t, 'd').map((d) => (d as Date | null)?.toISOString() ?? null),
      ['2024-03-05T00:00:00.000Z', null, '2024-03-06T10:30:00.000Z'],
    );
    assert.deepEqual(col(t, 's'), ['x', null, 'y']);
  });

  it('reads quoted fields with embedded delimiters, newlines and doubled quotes', () => {
    const t = parseCSV('a,b\n"x, y","line1\nline2"\n"say ""hi""",plain\n');
    assert.deepEqual(col(t, 'a'), ['x, y', 'say "hi"']);
    assert.deepEqual(col(t, 'b'), ['line1\nline2', 'plain']);
  });

  it('handles CRLF line ends, a UTF-8 byte order mark, blank lines and a missing final newline', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('id,name\r\n1,Zoë\r\n\r\n2,"A\r\nB"')]);
    const t = parseCSV(bytes);
    assert.deepEqual(t.columnNames(), ['id', 'name']);
    assert.deepEqual(col(t, 'id'), [1, 2]);
    assert.deepEqual(col(t, 'name'), ['Zoë', 'A\r\nB']);
  });

  it('treats empty fields and pandas NA tokens as missing, and naValues replaces the list', () => {
    const t = parseCSV('a,b\n1,NULL\nn/a,\n3,-\n');
    assert.deepEqual(
      col(t, 'a'),
      ['1', null, '3'].map((v) => (v === null ? NaN : Number(v))),
    );
    assert.deepEqual(col(t, 'b'), [null, null, '-']);
    const u = parseCSV('a,b\n1,NULL\n-,x\n', { naValues: ['-'] });
    assert.deepEqual(col(u, 'a'), [1, NaN]);
    assert.deepEqual(col(u, 'b'), ['NULL', 'x']);
  });

  it('reads NA tokens that look like numbers or dates as missing in numeric and date columns', () => {
    const t = parseCSV('x,d\n1,2020-01-01\n-999,1970-01-01\n1.#IND,2020-01-02\n', { naValues: ['-999', '1970-01-01', '1.#IND'] });
    assert.deepEqual(col(t, 'x'), [1, NaN, NaN]);
    assert.deepEqual(
      col(t, 'd').map((d) => (d as Date | null)?.toISOString().slice(0, 10) ?? null),
      ['2020-01-01', null, '2020-01-02'],
    );
    const u = parseCSV('x\n1\n1.#IND\n#N/A\n');
    assert.deepEqual(col(u, 'x'), [1, NaN, NaN]);
  });

  it('names the file, line and field counts of a malformed row', () => {
    const text = 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n';
    assert.throws(() => parseCSV(text, { source: 'data.csv' }), /data\.csv line 3: 2 fields, expected 3\. .*onBadRows/);
    const skipped = parseCSV(text, { onBadRows: 'skip' });
    assert.deepEqual(col(skipped, 'a'), [1]);
    const { table, badRows } = parseCSV(text, { onBadRows: 'collect' });
    assert.equal(table.numRows(), 1);
    assert.deepEqual(badRows, [
      { line: 3, reason: '2 fields, expected 3', text: '4,5' },
      { line: 4, reason: '4 fields, expected 3', text: '6,7,8,9' },
    ]);
  });

  it('counts lines inside quoted fields when it reports a bad row', () => {
    const { badRows } = parseCSV('a,b\n"x\ny",1\n2\n', { onBadRows: 'collect' });
    assert.equal(badRows[0].line, 4);
  });

  it('reports a value that does not fit an explicit type with its line and column', () => {
    const text = 'id,price\n1,9.5\n2,abc\n3,4\n';
    assert.throws(() => parseCSV(text, { types: { price: 'number' } }), /CSV line 3: column price: 'abc' is not a number/);
    const { table, badRows } = parseCSV(text, { types: { price: 'number' }, onBadRows: 'collect' });
    assert.deepEqual(col(table, 'id'), [1, 3]);
    assert.deepEqual(col(table, 'price'), [9.5, 4]);
    assert.equal(badRows[0].line, 3);
  });

  it('turns a column with a stray non-number into text instead of failing, as pandas does', () => {
    const rows = Array.from({ length: 20000 }, (_, i) => `${i}`);
    rows[15000] = 'oops';
    const t = parseCSV('x\n' + rows.join('\n'));
    assert.equal(t.get('x', 15000), 'oops');
    assert.equal(t.get('x', 2), '2');
    assert.equal(t.numRows(), 20000);
  });

  it('reads a column missing in the first rows by its later values', () => {
    const rows = Array.from({ length: 10000 }, (_, i) => (i < 9000 ? '1,' : `1,${i}`));
    const t = parseCSV('a,b\n' + rows.join('\n'));
    assert.ok(t.column('b') instanceof Float64Array);
    assert.equal(t.get('b', 9999), 9999);
  });

  it('uses explicit types, a column subset, a row limit, comments and a custom delimiter', () => {
    const text = '# exported\nid;zip;when;x\n007;01234;2020-01-02;1 # note\n008;99999;2020-01-03;2\n009;1;2020-01-04;3\n';
    const t = parseCSV(text, { delimiter: ';', comment: '#', types: { id: 'string', zip: 'string' }, columns: ['id', 'zip', 'x'], limit: 2 });
    assert.deepEqual(t.columnNames(), ['id', 'zip', 'x']);
    assert.deepEqual(col(t, 'id'), ['007', '008']);
    assert.deepEqual(col(t, 'zip'), ['01234', '99999']);
    assert.deepEqual(col(t, 'x'), [1, 2]);
  });

  it('reads a file without a header, and names repeated or empty header cells as pandas does', () => {
    assert.deepEqual(parseCSV('1,2\n3,4\n', { header: false }).columnNames(), ['col1', 'col2']);
    assert.deepEqual(parseCSV('1,2\n', { header: false, names: ['x', 'y'] }).columnNames(), ['x', 'y']);
    assert.deepEqual(parseCSV('a,a,,b\n1,2,3,4\n').columnNames(), ['a', 'a.1', 'Unnamed: 2', 'b']);
  });

  it('reads numbers exactly as JavaScript does, including long mantissas and exponents', () => {
    const values = ['0.1', '123456789012345678', '1.7976931348623157e308', '5e-324', '-0.000001234', '3.14159265358979323846', '1e22', '1e23', ' 42 ', 'inf', '-Infinity'];
    const t = parseCSV('x\n' + values.join('\n'));
    assert.deepEqual(
      col(t, 'x'),
      values.map((v) => (v.trim() === 'inf' ? Infinity : Number(v))),
    );
  });

  it("parses 20 000 numbers of every shape to exactly the double pandas' round-trip parser gives", function () {
    let seed = 9;
    const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const texts = Array.from({ length: 20000 }, (_, i) => {
      const digits = String(Math.floor(rand() * 1e17)).slice(0, 1 + Math.floor(rand() * 17));
      const sign = rand() < 0.3 ? '-' : '';
      switch (i % 5) {
        case 0:
          return `${sign}${digits}`;
        case 1:
          return `${sign}${digits.slice(0, 1)}.${digits.slice(1) || '0'}`;
        case 2:
          return `${sign}0.${'0'.repeat(Math.floor(rand() * 8))}${digits}`;
        case 3:
          return `${sign}${digits.slice(0, 1)}.${digits.slice(1) || '0'}e${Math.floor(rand() * 600) - 300}`;
        default:
          return `${sign}${digits}.${digits.slice(0, 3)}E+${Math.floor(rand() * 30)}`;
      }
    });
    const ref = referenceOrSkip<number[]>(
      this,
      runPython(`import io, pandas as pd\ndf = pd.read_csv(io.StringIO(data), float_precision='round_trip')\nprint(json.dumps([float(v) for v in df['x']]))`, 'x\n' + texts.join('\n')),
    );
    const ours = Array.from(parseCSV('x\n' + texts.join('\n')).column('x') as Float64Array);
    const diff = ours.findIndex((v, i) => !Object.is(v, ref[i]));
    assert.equal(diff, -1, diff >= 0 ? `${texts[diff]}: ${ours[diff]} vs pandas ${ref[diff]}` : '');
  });

  it('uses another quote character when told', () => {
    const t = parseCSV("a;b\n'x;y';'it''s'\n", { delimiter: ';', quote: "'" });
    assert.deepEqual(t.objects(), [{ a: 'x;y', b: "it's" }]);
  });

  it('reads tab-separated text with parseTSV', () => {
    const t = parseTSV('a\tb\n1\tx y\n');
    assert.deepEqual(col(t, 'b'), ['x y']);
  });

  it('refuses unclear options with a sentence naming the fix', () => {
    assert.throws(() => parseCSV('a\n1\n', { delimiter: ';;' }), /option delimiter must be a single ASCII character/);
    assert.throws(() => parseCSV('a\n1\n', { types: { a: 'int' as never } }), /types\.a must be 'number', 'string', 'boolean' or 'date'/);
    assert.throws(() => parseCSV('a\n1\n', { columns: ['b'] }), /columns names column "b" that the data does not have \(columns: a\)/);
    assert.throws(() => parseCSV('', {}), /empty: there is no header row/);
  });

  it('reports an unclosed quote as a bad row', () => {
    assert.throws(() => parseCSV('a,b\n1,"open\n2,3\n'), /line 2: a quoted field starting on this line is never closed/);
  });

  it('keeps strings that repeat identical across many rows (interning) and unique ones distinct', () => {
    const rows = Array.from({ length: 100000 }, (_, i) => `${['a', 'b', 'c'][i % 3]},id${i}`);
    const t = parseCSV('k,id\n' + rows.join('\n'));
    assert.equal(t.get('k', 99999), 'a');
    assert.equal(t.get('id', 99999), 'id99999');
    assert.equal(new Set(t.array('id') as string[]).size, 100000);
  });
});
