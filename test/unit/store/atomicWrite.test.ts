import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic, writeFileAtomicStream } from '../../../src/store/atomicWrite';

describe('store/atomicWrite', () => {
  it('replaces the file and leaves no temp files behind', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-atomic-'));
    const file = path.join(dir, 'sub', 'a.json');
    writeFileAtomic(file, 'one');
    writeFileAtomic(file, 'two');
    assert.equal(fs.readFileSync(file, 'utf8'), 'two');
    assert.deepEqual(fs.readdirSync(path.dirname(file)), ['a.json']);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('writes streamed pieces in order, and a piece that throws leaves the old file and no temp file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-atomic-'));
    const file = path.join(dir, 'table.csv');
    async function* pieces(fail: boolean) {
      yield 'a,b\n';
      for (let i = 0; i < 1000; i++) yield `${i},${i * 2}\n`;
      if (fail) throw new Error('the kernel went away');
    }
    await writeFileAtomicStream(file, pieces(false));
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    assert.equal(lines.length, 1001);
    assert.equal(lines[1000], '999,1998');
    await assert.rejects(writeFileAtomicStream(file, pieces(true)), /the kernel went away/);
    assert.equal(fs.readFileSync(file, 'utf8').trimEnd().split('\n').length, 1001, 'the old file is untouched');
    assert.deepEqual(fs.readdirSync(dir), ['table.csv']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
