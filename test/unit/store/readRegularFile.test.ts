import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { FileReadError, openRegularFile, readRegularFile, readRegularFileAsync } from '../../../src/store/readRegularFile';
import { HAS_MKFIFO, plantFifo, timed } from './fifo';

describe('store readRegularFile', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-regular-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file and gives its stat', async () => {
    const file = path.join(dir, 'a.json');
    fs.writeFileSync(file, '{"a": 1}');
    const { bytes, stat } = readRegularFile(file);
    assert.equal(bytes.toString('utf8'), '{"a": 1}');
    assert.equal(stat.size, 8);
    assert.equal((await readRegularFileAsync(file)).bytes.toString('utf8'), '{"a": 1}');
  });

  it('refuses a FIFO at once, naming the file and its type, sync and async', async function () {
    if (!HAS_MKFIFO) this.skip();
    const file = path.join(dir, 'pipe.json');
    const release = plantFifo(file);
    try {
      const ms = await timed(async () => {
        assert.throws(
          () => readRegularFile(file),
          (e: FileReadError) => e instanceof FileReadError && e.message === `Cannot read ${file}: a FIFO (named pipe), not a regular file.`,
        );
        await assert.rejects(readRegularFileAsync(file), /a FIFO \(named pipe\), not a regular file/);
        await assert.rejects(openRegularFile(file), /a FIFO \(named pipe\), not a regular file/);
      });
      assert.ok(ms < 2000, `took ${ms} ms`);
    } finally {
      release();
    }
  });

  it('refuses a folder, and a link unless links are followed; then looks at the target', function () {
    fs.mkdirSync(path.join(dir, 'old.json'));
    assert.throws(() => readRegularFile(path.join(dir, 'old.json')), /old\.json: a folder, not a regular file\./);
    fs.writeFileSync(path.join(dir, 'real.json'), '1');
    fs.symlinkSync(path.join(dir, 'real.json'), path.join(dir, 'link.json'));
    assert.throws(() => readRegularFile(path.join(dir, 'link.json')), /link\.json: a symbolic link, which Modelbook does not follow here/);
    assert.equal(readRegularFile(path.join(dir, 'link.json'), { followSymlinks: true }).bytes.toString(), '1');
    if (!HAS_MKFIFO) return;
    const release = plantFifo(path.join(dir, 'pipe'));
    try {
      fs.symlinkSync(path.join(dir, 'pipe'), path.join(dir, 'to-pipe.json'));
      assert.throws(() => readRegularFile(path.join(dir, 'to-pipe.json'), { followSymlinks: true }), /to-pipe\.json: a FIFO \(named pipe\), not a regular file/);
    } finally {
      release();
    }
  });

  it('refuses a character device such as /dev/zero without reading it', function () {
    if (!fs.existsSync('/dev/zero')) this.skip();
    assert.throws(() => readRegularFile('/dev/zero', { followSymlinks: true }), /\/dev\/zero: a character device, not a regular file/);
  });

  it('refuses a file over maxBytes by its size, before reading it', () => {
    const file = path.join(dir, 'big.json');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, 700 * 2 ** 20);
    const before = process.memoryUsage().arrayBuffers;
    assert.throws(() => readRegularFile(file, { maxBytes: 256 * 2 ** 20 }), /big\.json: 700 MB, larger than the 256 MB limit\./);
    assert.ok(process.memoryUsage().arrayBuffers - before < 64 * 2 ** 20, 'the file was not read');
  });

  it('says a missing file is missing, with the errno code', () => {
    assert.throws(
      () => readRegularFile(path.join(dir, 'nope.json')),
      (e: FileReadError) => e.code === 'ENOENT' && /nope\.json: no such file/.test(e.message),
    );
  });
});
