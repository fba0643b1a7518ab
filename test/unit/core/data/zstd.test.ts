import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { zstdDecompress } from '../../../../src/core/data/zstd';
import { REPO } from '../../paths';

const ZSTD = '/usr/bin/zstd';

function compress(data: Uint8Array, level: number): Uint8Array | undefined {
  const r = spawnSync(ZSTD, ['-c', '-q', `-${level}`], { input: data, maxBuffer: 1 << 26 });
  return r.status === 0 ? new Uint8Array(r.stdout) : undefined;
}

describe('core/data zstdDecompress', () => {
  let seed = 11;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const inputs: [string, () => Uint8Array][] = [
    ['CSV text (Huffman literals, repeat offsets)', () => fs.readFileSync(path.join(REPO, 'node_modules/vega-datasets/data/seattle-weather.csv'))],
    ['random bytes (raw blocks)', () => Uint8Array.from({ length: 50000 }, () => Math.floor(rand() * 256))],
    ['skewed bytes (FSE-coded weights)', () => Uint8Array.from({ length: 200000 }, () => Math.floor(rand() ** 4 * 40))],
    ['long runs (RLE blocks and long matches)', () => Uint8Array.from({ length: 300000 }, (_, i) => (i >> 12) & 3)],
    ['an empty input', () => new Uint8Array(0)],
  ];

  for (const [name, make] of inputs) {
    it(`restores what the zstd tool compressed: ${name}, levels 1, 3, 19`, function () {
      if (!fs.existsSync(ZSTD)) {
        console.warn(`      skipped: reference not installed: ${ZSTD}`);
        this.skip();
      }
      const data = make();
      for (const level of [1, 3, 19]) {
        const c = compress(data, level)!;
        const out = zstdDecompress(c, data.length);
        assert.equal(out.length, data.length);
        assert.ok(Buffer.from(out).equals(Buffer.from(data)), `level ${level} differs`);
        assert.ok(Buffer.from(zstdDecompress(c)).equals(Buffer.from(data)), `level ${level} without a size differs`);
      }
    });
  }

  it('refuses data that is not Zstandard with a clear error', () => {
    assert.throws(() => zstdDecompress(Uint8Array.of(1, 2, 3, 4, 5)), /^Error: Corrupt or unsupported Zstandard data: /);
  });
});
