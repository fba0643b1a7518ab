// Zstandard decoding, ours (src/core/data/zstd) against fzstd (the JavaScript decoder
// hyparquet-compressors uses), on every ZSTD page of the 3-million-row flights Parquet file, then
// a whole parseParquet of that file with each. Both outputs are compared byte for byte.
// usage: node out/bench/zstd.bench.js [--runs N]
import fs from 'node:fs';
import path from 'node:path';
import { decompress as fzstd } from 'fzstd';
import { parseParquet } from '../src/core/data/parseParquet';
import { zstdDecompress } from '../src/core/data/zstd/decompress';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const file = path.resolve('node_modules/vega-datasets/data/flights-3m.parquet');
type Decoder = (input: Uint8Array, length: number) => Uint8Array;
const decoders: [string, Decoder][] = [
  ['ours', (input, length) => zstdDecompress(input, length)],
  ['fzstd', (input, length) => fzstd(input, new Uint8Array(length))],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main(): Promise<void> {
  if (!fs.existsSync(file)) {
    console.log('skipped: node_modules/vega-datasets/data/flights-3m.parquet not installed');
    return;
  }
  const bytes = fs.readFileSync(file);
  const pages: [Uint8Array, number][] = [];
  await parseParquet(bytes, { compressors: { ZSTD: (input, length) => (pages.push([input.slice(), length]), zstdDecompress(input, length)) } });
  const packed = pages.reduce((s, [p]) => s + p.length, 0);
  const unpacked = pages.reduce((s, [, n]) => s + n, 0);
  console.log(`${pages.length} ZSTD pages of ${path.basename(file)}: ${(packed / 1e6).toFixed(1)} MB → ${(unpacked / 1e6).toFixed(1)} MB`);
  // Alternated: a machine whose load drifts favours neither.
  const times: Record<string, number[]> = {};
  for (let r = 0; r < runs; r++) {
    for (const [name, decode] of decoders) {
      const t0 = performance.now();
      for (const [p, n] of pages) decode(p, n);
      (times[name] ??= []).push(performance.now() - t0);
    }
  }
  for (const [p, n] of pages) {
    if (!Buffer.from(zstdDecompress(p, n)).equals(Buffer.from(fzstd(p, new Uint8Array(n))))) throw new Error('the decoders disagree on a page');
  }
  const ref = median(times.fzstd);
  for (const [name] of decoders) {
    const ms = median(times[name]);
    console.log(`  pages, ${name}: ${ms.toFixed(0)} ms median of ${runs} (${(unpacked / 1e6 / (ms / 1000)).toFixed(0)} MB/s), ${(ms / ref).toFixed(2)}× fzstd`);
  }
  const parse: Record<string, number[]> = {};
  for (let r = 0; r < runs; r++) {
    for (const [name, decode] of decoders) {
      const t0 = performance.now();
      await parseParquet(bytes, { compressors: { ZSTD: decode } });
      (parse[name] ??= []).push(performance.now() - t0);
    }
  }
  for (const [name] of decoders) console.log(`  parseParquet (all columns), ${name}: ${median(parse[name]).toFixed(0)} ms median of ${runs}, ${(median(parse[name]) / median(parse.fzstd)).toFixed(2)}× fzstd`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
