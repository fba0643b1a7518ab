import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseParquet } from '../../../../src/core/data/parseParquet';
import { DateColumn } from '../../../../src/core/data/dateColumn';
import { FIXTURES } from '../../paths';

const file = path.join(FIXTURES, 'data/small.parquet');
/** The values make_parquet.py wrote. */
const expected = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'data/small.json'), 'utf8')) as Record<string, unknown[]>;
const gzip = { GZIP: (b: Uint8Array) => new Uint8Array(zlib.gunzipSync(b)) };

describe('core/data parseParquet', () => {
  it('reads missing values, PLAIN pages, booleans, doubles, text and timestamps across row groups', async () => {
    const t = await parseParquet(fs.readFileSync(file), { compressors: gzip });
    assert.deepEqual(t.columnNames(), ['id', 'amount', 'city', 'active', 'seen']);
    assert.ok(t.column('id') instanceof Float64Array);
    assert.deepEqual(Array.from(t.column('id') as Float64Array), expected.id);
    assert.deepEqual(Array.from(t.column('amount') as Float64Array, (v) => (Number.isNaN(v) ? null : v)), expected.amount);
    assert.deepEqual(t.array('city'), expected.city);
    assert.deepEqual(t.array('active'), expected.active);
    const seen = t.column('seen') as DateColumn;
    assert.ok(seen instanceof DateColumn);
    assert.deepEqual(Array.from(seen.ms, (v) => (Number.isNaN(v) ? null : v)), expected.seen);
  });

  it('reads a row limit that ends inside the second row group, and a column subset', async () => {
    const t = await parseParquet(fs.readFileSync(file), { limit: 5, columns: ['id', 'active'], compressors: gzip });
    assert.deepEqual(t.objects(), expected.id.slice(0, 5).map((id, i) => ({ id, active: expected.active[i] })));
  });

  it('names the codec it cannot read and how to re-save the file', async () => {
    await assert.rejects(parseParquet(fs.readFileSync(file), { columns: ['city'], source: 'small.parquet' }), /small\.parquet: This Parquet file uses GZIP compression, which Modelbook cannot read \(readParquet reads/);
  });

  it('refuses input that is not Parquet bytes', async () => {
    await assert.rejects(parseParquet('x' as never), /expected the bytes of a Parquet file/);
    await assert.rejects(parseParquet(new Uint8Array(16)), /parquet/i);
  });
});
