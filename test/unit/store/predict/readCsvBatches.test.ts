import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { InputSchema } from '../../../../src/core/package/contract';
import { readCsvBatches } from '../../../../src/store/predict/readCsvBatches';

const schema: InputSchema = {
  columns: [
    { name: 'x', type: 'number', nullable: true },
    { name: 's', type: 'string', nullable: true },
    { name: 'b', type: 'boolean', nullable: false },
  ],
};

async function read(text: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-csvbatch-'));
  try {
    fs.writeFileSync(path.join(dir, 'in.csv'), text);
    const batches = [];
    for await (const batch of readCsvBatches(path.join(dir, 'in.csv'), schema)) batches.push(batch);
    return batches;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('store/predict readCsvBatches', () => {
  it('reads a number column straight into a Float64Array when every value is a number', async () => {
    const [batch] = await read('x,s,b\n-0,a,true\n 7 ,"b, c",FALSE\n"5",,true\n1e3,d,false\n0.1,e,true\n');
    assert.equal(batch.rows, 5);
    assert.ok(batch.columns.x instanceof Float64Array);
    assert.deepEqual(Array.from(batch.columns.x), [-0, 7, 5, 1000, 0.1]);
    assert.ok(Object.is(batch.columns.x[0], -0));
    assert.deepEqual(Array.from(batch.columns.s), ['a', 'b, c', null, 'd', 'e']);
    assert.deepEqual(Array.from(batch.columns.b), [true, false, true, false, true]);
  });

  it('keeps a number column value by value when one is missing, infinite or text, so validation sees what the file has', async () => {
    const [batch] = await read('x,s,b\n1.5,a,true\n,a,true\ninf,a,true\nabc,a,yes\n2,a,true\n');
    assert.ok(!(batch.columns.x instanceof Float64Array));
    assert.deepEqual(Array.from(batch.columns.x), [1.5, null, 'inf', 'abc', 2]);
    assert.deepEqual(Array.from(batch.columns.b), [true, true, true, 'yes', true]);
  });
});
