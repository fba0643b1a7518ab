// Zstandard decoding in Parquet loads: fzstd (what src/core/data/zstd.ts uses, as
// hyparquet-compressors does) on every ZSTD page of the 3-million-row flights file, then a whole
// parseParquet of that file. The decoder Modelbook had written itself (~580 lines; the commit
// that added this file ran both, the next one replaced ours) took 0.67–0.87× fzstd's time on the
// pages and 0.56–1.11× on the whole load, three runs on a shared two-core machine (load ~20):
// at most a few tenths of a second on a 3-million-row load, not worth owning a decoder for. The
// reference now is Node's own zstd (node:zlib, Node 22.15 and newer), skipped on older Node.
// usage: node out/bench/zstd.bench.js [--runs N]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseParquet } from '../src/core/data/parseParquet';
import { zstdDecompress } from '../src/core/data/zstd';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const file = path.resolve('node_modules/vega-datasets/data/flights-3m.parquet');
type Decoder = (input: Uint8Array, length: number) => Uint8Array;
const nodeZstd = (zlib as { zstdDecompressSync?: (b: Uint8Array) => Buffer }).zstdDecompressSync;
const decoders: [string, Decoder][] = [['fzstd', (input, length) => zstdDecompress(input, length)]];
if (nodeZstd) decoders.push(['node:zlib', (input) => nodeZstd(input)]);

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
  if (!nodeZstd) console.log(`  reference skipped: Node ${process.version} has no zstd in node:zlib (22.15 and newer have it)`);
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
    if (nodeZstd && !Buffer.from(zstdDecompress(p, n)).equals(nodeZstd(p))) throw new Error('fzstd and node:zlib disagree on a page');
  }
  for (const [name] of decoders) {
    const ms = median(times[name]);
    console.log(
      `  pages, ${name}: ${ms.toFixed(0)} ms median of ${runs} (${(unpacked / 1e6 / (ms / 1000)).toFixed(0)} MB/s)${times['node:zlib'] ? `, ${(ms / median(times['node:zlib'])).toFixed(2)}× node:zlib` : ''}`,
    );
  }
  const parse: number[] = [];
  for (let r = 0; r < Math.min(runs, 3); r++) {
    const t0 = performance.now();
    await parseParquet(bytes);
    parse.push(performance.now() - t0);
  }
  console.log(`  parseParquet (all columns): ${median(parse).toFixed(0)} ms median of ${parse.length}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
