import { strict as assert } from 'node:assert';
import { parseJSON } from '../../../../src/core/data/parseJSON';
import { parseArrow } from '../../../../src/core/data/parseArrow';
import { DateColumn } from '../../../../src/core/data/dateColumn';
import { table, toArrowIPC } from 'arquero';

describe('core/data parseJSON', () => {
  it('reads records, with numbers as Float64Array and keys missing in some records as missing', () => {
    const t = parseJSON('[{"a": 1, "b": "x"}, {"a": null, "c": true}]');
    assert.deepEqual(t.columnNames(), ['a', 'b', 'c']);
    assert.ok(t.column('a') instanceof Float64Array);
    assert.deepEqual(Array.from(t.column('a') as Float64Array), [1, NaN]);
    assert.deepEqual(t.array('b'), ['x', null]);
    assert.deepEqual(t.array('c'), [null, true]);
  });

  it('reads an object of columns and JSON Lines', () => {
    assert.deepEqual(parseJSON('{"a": [1, 2], "b": ["x", "y"]}').objects(), [
      { a: 1, b: 'x' },
      { a: 2, b: 'y' },
    ]);
    const t = parseJSON('{"a": 1}\n\n{"a": 2}\n', { format: 'lines' });
    assert.deepEqual(Array.from(t.column('a') as Float64Array), [1, 2]);
  });

  it('reads ISO date strings as dates and honours explicit types', () => {
    const t = parseJSON('[{"d": "2020-01-02", "id": 7}, {"d": "2020-01-03T04:05:06Z", "id": 8}]', { types: { id: 'string' } });
    assert.ok(t.column('d') instanceof DateColumn);
    assert.equal((t.get('d', 1) as Date).toISOString(), '2020-01-03T04:05:06.000Z');
    assert.deepEqual(t.array('id'), ['7', '8']);
  });

  it('names the line of a broken JSON Lines record, and can skip or collect it', () => {
    const text = '{"a": 1}\n{"a": \n{"a": 3}\n';
    assert.throws(() => parseJSON(text, { format: 'lines', source: 'events.jsonl' }), /events\.jsonl line 2: not valid JSON/);
    const { table: t, badRows } = parseJSON(text, { format: 'lines', onBadRows: 'collect' });
    assert.equal(t.numRows(), 2);
    assert.equal(badRows[0].line, 2);
  });

  it('says which shapes it reads when the JSON is something else', () => {
    assert.throws(() => parseJSON('42'), /must be an array of records/);
    assert.throws(() => parseJSON('{"a": [1, 2], "b": [1]}'), /column "b" has 1 values but the first column has 2/);
  });

  it('refuses 100,000-deep nesting with one sentence naming the depth and where, not a stack overflow', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    assert.throws(
      () => parseJSON(deep, { source: 'deep.json' }),
      (e: Error) => e.message === 'deep.json nests arrays or objects deeper than 1000 levels (at line 1, column 1001); Modelbook reads tables, so flatten the data first.',
    );
    assert.throws(
      () => parseJSON(`{"a": 1}\n${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}\n`, { format: 'lines', source: 'deep.jsonl' }),
      /^Error: deep\.jsonl line 2: nested deeper than 1000 levels\. Fix the file/,
    );
  });

  it('says at which line and column invalid JSON breaks', () => {
    assert.throws(() => parseJSON('[{"a": 1},\n {"a": 2,}]', { source: 'bad.json' }), /^Error: bad\.json is not valid JSON at line 2, column 10 \(/);
    assert.throws(() => parseJSON('hello', { source: 'bad.json' }), /^Error: bad\.json is not valid JSON at line 1, column 1 \(/);
    assert.throws(() => parseJSON('[1, 2', { source: 'cut.json' }), /^Error: cut\.json is not valid JSON at line 1, column 6 \(/);
  });
});

describe('core/data parseArrow', () => {
  it('reads Arrow IPC stream and file bytes, a column subset and a row limit', () => {
    const bytes = toArrowIPC(table({ a: [1, 2, 3], b: ['x', 'y', 'z'] }));
    const t = parseArrow(bytes, { columns: ['b'], limit: 2 });
    assert.deepEqual(t.objects(), [{ b: 'x' }, { b: 'y' }]);
    assert.throws(() => parseArrow(bytes, { columns: ['nope'] }), /columns names column "nope"/);
    const file = toArrowIPC(table({ a: [1, 2, 3] }), { format: 'file' });
    assert.deepEqual(Array.from(parseArrow(file).array('a') as ArrayLike<number>), [1, 2, 3]);
    assert.throws(() => parseArrow(new Uint8Array(10)), /is not an Arrow IPC file or stream \(no schema found\)/);
    assert.throws(() => parseArrow(new TextEncoder().encode('id,name\n1,x\n')), /is not an Arrow IPC file or stream/);
  });
});
