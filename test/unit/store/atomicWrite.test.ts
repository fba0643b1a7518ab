import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFileAtomic } from '../../../src/store/atomicWrite';

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
});
