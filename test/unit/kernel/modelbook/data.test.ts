import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ColumnTable } from 'arquero';
import { readArrow, readCSV, readJSON, readParquet, readTSV } from '../../../../src/kernel/modelbook/data';
import { DateColumn } from '../../../../src/core/data/dateColumn';
import { FIXTURES, REPO } from '../../paths';
import { HAS_MKFIFO, plantFifo, timed } from '../../store/fifo';
import { referenceOrSkip, runPython } from '../../core/data/python';

const VEGA = path.join(REPO, 'node_modules/vega-datasets/data');

interface PandasColumn {
  dtype: string;
  nulls: number;
  sum?: number;
  mean?: number;
}

/** Row count and, per column, dtype, null count and (numbers) sum and mean, as pandas reads the file. */
const PANDAS_SUMMARY = `
import pandas as pd
df = getattr(pd, data['reader'])(data['path'], **data.get('kwargs', {}))
cols = {}
for c in df.columns:
    s = df[c]
    d = {'dtype': str(s.dtype), 'nulls': int(s.isna().sum())}
    if s.dtype.kind in 'if':
        d['sum'] = float(s.sum()); d['mean'] = float(s.mean())
    cols[str(c)] = d
print(json.dumps({'rows': len(df), 'columns': cols}))
`;

function ours(t: ColumnTable, name: string): { kind: string; nulls: number; sum: number; mean: number } {
  const col = t.column(name);
  const values = Array.from(t.array(name) as ArrayLike<unknown>);
  const nulls = values.filter((v) => v === null || v === undefined || (typeof v === 'number' && Number.isNaN(v))).length;
  const nums = values.filter((v): v is number => typeof v === 'number' && !Number.isNaN(v));
  const sum = nums.reduce((a, b) => a + b, 0);
  const kind = col instanceof Float64Array ? 'number' : col instanceof DateColumn ? 'date' : typeof values.find((v) => v !== null);
  return { kind, nulls, sum, mean: sum / nums.length };
}

function close(a: number, b: number, what: string): void {
  assert.ok(Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b)), `${what}: ${a} vs pandas ${b}`);
}

/** Checks a table against pandas' summary: rows, kinds from dtypes, nulls, sums and means. */
function assertMatchesPandas(t: ColumnTable, ref: { rows: number; columns: Record<string, PandasColumn> }, dates: string[] = []): void {
  assert.equal(t.numRows(), ref.rows);
  assert.deepEqual(t.columnNames(), Object.keys(ref.columns));
  for (const [name, p] of Object.entries(ref.columns)) {
    const o = ours(t, name);
    const expected = dates.includes(name) || p.dtype.startsWith('datetime') ? 'date' : /^(int|float|Int)/.test(p.dtype) ? 'number' : p.dtype === 'bool' ? 'boolean' : o.kind;
    assert.equal(o.kind, expected, `${name}: ${o.kind} vs pandas ${p.dtype}`);
    assert.equal(o.nulls, p.nulls, `${name} nulls`);
    if (p.sum !== undefined) {
      close(o.sum, p.sum, `${name} sum`);
      close(o.mean, p.mean!, `${name} mean`);
    }
  }
}

describe('kernel/modelbook data loaders', function () {
  this.timeout(120_000);

  it('readCSV loads seattle-weather.csv as pandas read_csv does (rows, dtypes, nulls, sums, means)', async function () {
    const file = path.join(VEGA, 'seattle-weather.csv');
    const ref = referenceOrSkip<{ rows: number; columns: Record<string, PandasColumn> }>(this, runPython(PANDAS_SUMMARY, { reader: 'read_csv', path: file, kwargs: { parse_dates: ['date'] } }));
    const t = await readCSV(file);
    assertMatchesPandas(t, ref);
    assert.equal((t.get('date', 0) as Date).toISOString(), '2012-01-01T00:00:00.000Z');
  });

  it('readCSV reads quotes, embedded newlines, CRLF, NA tokens and booleans cell for cell as pandas does', async function () {
    const file = path.join(FIXTURES, 'data/messy.csv');
    const ref = referenceOrSkip<Record<string, unknown>[]>(
      this,
      runPython(
        `import pandas as pd
df = pd.read_csv(data, parse_dates=['when'])
rows = [{k: (None if pd.isna(v) else v.isoformat() + '.000Z' if hasattr(v, 'isoformat') else v.item() if hasattr(v, 'item') else v) for k, v in r.items()} for r in df.to_dict('records')]
print(json.dumps(rows))`,
        file,
      ),
    );
    const t = await readCSV(file);
    const rows = t.objects().map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v instanceof Date ? v.toISOString() : typeof v === 'number' && Number.isNaN(v) ? null : v])));
    assert.deepEqual(rows, ref);
  });

  it('readTSV loads unemployment.tsv as pandas read_csv(sep="\\t") does', async function () {
    const file = path.join(VEGA, 'unemployment.tsv');
    const ref = referenceOrSkip<{ rows: number; columns: Record<string, PandasColumn> }>(this, runPython(PANDAS_SUMMARY, { reader: 'read_csv', path: file, kwargs: { sep: '\t' } }));
    assertMatchesPandas(await readTSV(file), ref);
  });

  it('readJSON loads cars.json (records) as pandas read_json does, with ISO dates as dates', async function () {
    const file = path.join(VEGA, 'cars.json');
    const ref = referenceOrSkip<{ rows: number; columns: Record<string, PandasColumn> }>(this, runPython(PANDAS_SUMMARY, { reader: 'read_json', path: file, kwargs: { convert_dates: ['Year'] } }));
    const t = await readJSON(file);
    assertMatchesPandas(t, ref, ['Year']);
  });

  it('readArrow loads flights-200k.arrow with the values pandas reads from flights-200k.json', async function () {
    const ref = referenceOrSkip<{ rows: number; columns: Record<string, PandasColumn> }>(this, runPython(PANDAS_SUMMARY, { reader: 'read_json', path: path.join(VEGA, 'flights-200k.json') }));
    const t = await readArrow(path.join(VEGA, 'flights-200k.arrow'));
    assertMatchesPandas(t, ref);
    assert.deepEqual((await readArrow(path.join(VEGA, 'flights-200k.arrow'), { columns: ['delay'], limit: 10 })).numRows(), 10);
  });

  it('readParquet loads flights-3m.parquet (ZSTD) with the values an independent reader + pandas give, across row groups', async function () {
    const file = path.join(VEGA, 'flights-3m.parquet');
    const limit = 300_000;
    const r = runPython<{ rows: number; columns: Record<string, PandasColumn & { min?: string; max?: string; distinct?: number; first?: string; last?: string }> }>(
      `import subprocess
out = subprocess.run([sys.executable, data['script'], data['path'], str(data['limit'])], capture_output=True, text=True, check=True).stdout
print(out)`,
      { script: path.join(FIXTURES, 'data/parquet_reference.py'), path: file, limit },
    );
    const ref = referenceOrSkip(this, r);
    const t = await readParquet(file, { limit });
    assert.equal(t.numRows(), ref.rows);
    for (const name of ['delay', 'distance']) {
      const o = ours(t, name);
      assert.equal(o.kind, 'number');
      assert.equal(o.nulls, ref.columns[name].nulls);
      close(o.sum, ref.columns[name].sum!, `${name} sum`);
      close(o.mean, ref.columns[name].mean!, `${name} mean`);
    }
    const dates = t.column('date') as DateColumn;
    assert.ok(dates instanceof DateColumn);
    let min = Infinity;
    let max = -Infinity;
    for (const v of dates.ms) [min, max] = [Math.min(min, v), Math.max(max, v)];
    assert.equal(new Date(min).toISOString().slice(0, 19), ref.columns.date.min);
    assert.equal(new Date(max).toISOString().slice(0, 19), ref.columns.date.max);
    for (const name of ['origin', 'destination']) {
      const values = t.array(name) as string[];
      assert.equal(new Set(values).size, ref.columns[name].distinct);
      assert.equal(values[0], ref.columns[name].first);
      assert.equal(values[values.length - 1], ref.columns[name].last);
    }
  });

  it('readParquet decompresses GZIP columns with Node zlib', async () => {
    const t = await readParquet(path.join(FIXTURES, 'data/small.parquet'), { columns: ['city'] });
    assert.deepEqual(t.array('city'), ['Utrecht', null, 'Zoë', '', 'Utrecht', 'Delft', null]);
  });

  it('readParquet loads only the columns asked for', async () => {
    const t = await readParquet(path.join(VEGA, 'flights-3m.parquet'), { columns: ['distance', 'origin'], limit: 1000 });
    assert.deepEqual(t.columnNames(), ['distance', 'origin']);
    assert.equal(t.numRows(), 1000);
    await assert.rejects(
      readParquet(path.join(VEGA, 'flights-3m.parquet'), { columns: ['dist'] }),
      /columns names column "dist" that the data does not have \(columns: date, delay, distance, origin, destination\)/,
    );
  });

  describe('file paths', () => {
    let dir: string;
    let cwd: string;
    before(() => {
      cwd = process.cwd();
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-data-'));
      fs.mkdirSync(path.join(dir, 'data'));
      fs.writeFileSync(path.join(dir, 'data/train.csv'), 'a,b\n1,x\n2,y\n3\n');
      fs.writeFileSync(path.join(dir, 'events.jsonl'), '{"a": 1}\n{"a": 2}\n');
      process.chdir(dir);
    });
    after(() => {
      process.chdir(cwd);
      fs.rmSync(dir, { recursive: true, force: true });
    });

    it('resolves relative paths from the working directory (the notebook folder in a kernel)', async () => {
      const { table, badRows } = await readCSV('data/train.csv', { onBadRows: 'collect' });
      assert.equal(table.numRows(), 2);
      assert.deepEqual(badRows, [{ line: 4, reason: '1 field, expected 2', text: '3' }]);
      assert.equal((await readJSON('events.jsonl')).numRows(), 2);
    });

    it('names the file and line of a malformed row', async () => {
      await assert.rejects(readCSV('data/train.csv'), /^Error: data\/train\.csv line 4: 1 field, expected 2\./);
    });

    it('says where it looked for a missing file', async () => {
      await assert.rejects(readCSV('data/nope.csv'), (e: Error) => e.message.includes('readCSV: no file data/nope.csv') && e.message.includes(path.join(dir, 'data/nope.csv')));
      await assert.rejects(readParquet('nope.parquet'), /readParquet: no file nope\.parquet/);
    });

    it('names the file and what is wrong for a file that is not Parquet or was cut short', async () => {
      fs.writeFileSync(path.join(dir, 'csv.parquet'), 'a,b\n1,2\n');
      await assert.rejects(readParquet('csv.parquet'), /^Error: csv\.parquet is not a Parquet file: it does not start and end with the Parquet magic bytes "PAR1"/);
      const real = fs.readFileSync(path.join(VEGA, 'flights-3m.parquet'));
      fs.writeFileSync(path.join(dir, 'cut.parquet'), real.subarray(0, 4096));
      await assert.rejects(readParquet('cut.parquet'), /^Error: cut\.parquet is truncated: it starts as Parquet but does not end with the Parquet footer/);
      fs.writeFileSync(path.join(dir, 'deep.json'), '['.repeat(100_000) + ']'.repeat(100_000));
      await assert.rejects(readJSON('deep.json'), /^Error: deep\.json nests arrays or objects deeper than 1000 levels \(at line 1, column 1001\)/);
    });

    it('refuses a FIFO or a folder named like a data file at once instead of hanging the cell', async function () {
      await assert.rejects(readCSV('data'), /^Error: readCSV: Cannot read data: a folder, not a regular file\.$/);
      if (!HAS_MKFIFO) return;
      const release = plantFifo(path.join(dir, 'pipe.csv'));
      try {
        const ms = await timed(async () => {
          await assert.rejects(readCSV('pipe.csv'), /^Error: readCSV: Cannot read pipe\.csv: a FIFO \(named pipe\), not a regular file\.$/);
          await assert.rejects(readParquet('pipe.csv'), /readParquet: Cannot read pipe\.csv: a FIFO/);
        });
        assert.ok(ms < 2000, `took ${ms} ms`);
      } finally {
        release();
      }
    });
  });
});
