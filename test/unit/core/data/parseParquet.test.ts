import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseParquet } from '../../../../src/core/data/parseParquet';
import { DateColumn } from '../../../../src/core/data/dateColumn';
import { FIXTURES, REPO } from '../../paths';

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
    assert.deepEqual(
      Array.from(t.column('amount') as Float64Array, (v) => (Number.isNaN(v) ? null : v)),
      expected.amount,
    );
    assert.deepEqual(t.array('city'), expected.city);
    assert.deepEqual(t.array('active'), expected.active);
    const seen = t.column('seen') as DateColumn;
    assert.ok(seen instanceof DateColumn);
    assert.deepEqual(
      Array.from(seen.ms, (v) => (Number.isNaN(v) ? null : v)),
      expected.seen,
    );
  });

  it('reads a row limit that ends inside the second row group, and a column subset', async () => {
    const t = await parseParquet(fs.readFileSync(file), { limit: 5, columns: ['id', 'active'], compressors: gzip });
    assert.deepEqual(
      t.objects(),
      expected.id.slice(0, 5).map((id, i) => ({ id, active: expected.active[i] })),
    );
  });

  it('names the codec it cannot read and how to re-save the file', async () => {
    await assert.rejects(
      parseParquet(fs.readFileSync(file), { columns: ['city'], source: 'small.parquet' }),
      /small\.parquet: This Parquet file uses GZIP compression, which Modelbook cannot read \(readParquet reads/,
    );
  });

  it('refuses input that is not Parquet bytes', async () => {
    await assert.rejects(parseParquet('x' as never), /expected the bytes of a Parquet file/);
    await assert.rejects(parseParquet(new Uint8Array(16)), /parquet/i);
  });

  describe('a damaged file gets one sentence naming it and what is wrong', () => {
    const real = fs.readFileSync(path.join(REPO, 'node_modules/vega-datasets/data/flights-3m.parquet'));
    const read = (bytes: Uint8Array) => parseParquet(bytes, { source: 'flights.parquet' });

    it('says a CSV (or anything without the PAR1 magic) is not Parquet', async () => {
      await assert.rejects(
        read(Buffer.from('a,b\n1,2\n'.repeat(10))),
        (e: Error) => e.message === 'flights.parquet is not a Parquet file: it does not start and end with the Parquet magic bytes "PAR1". If it is CSV or JSON, load it with readCSV or readJSON.',
      );
    });

    it('says a file cut short is truncated: no footer, or a footer longer than the file', async () => {
      await assert.rejects(read(real.subarray(0, 100_000)), /^Error: flights\.parquet is truncated: it starts as Parquet but does not end with the Parquet footer \("PAR1"\)\. The file was cut short/);
      await assert.rejects(read(real.subarray(real.length - 2000)), /^Error: flights\.parquet is truncated: its footer length \(\d+ bytes\) exceeds the file size \(2000 bytes\)\./);
      const tail = real.subarray(real.length - 100_000);
      await assert.rejects(read(tail), /^Error: flights\.parquet is truncated: column \w+'s data ends at byte \d+, past the end of the file \(100000 bytes\)\./);
    });

    it('says a file with damaged data pages is damaged, never a bare TypeError', async () => {
      const bad = Buffer.from(real);
      bad.fill(0x7f, 5_000, 200_000);
      await assert.rejects(read(bad), /^Error: flights\.parquet is damaged: its Parquet data could not be decoded \(.+\)\. Write the file again/);
      const footer = Buffer.from(real);
      const len = footer.readUInt32LE(footer.length - 8);
      footer.fill(0xff, footer.length - 8 - len, footer.length - 8);
      await assert.rejects(read(footer), /^Error: flights\.parquet is damaged: its Parquet footer could not be decoded/);
    });
  });
});
