// Where a trivial cell's time goes on the host side: each stage of the TypeScript → kernel-script transform.
import { transpileCell } from '../src/kernel/host/transpile';
import { rewriteCell } from '../src/core/cells/rewrite';
import * as esbuild from 'esbuild';

async function time(label: string, n: number, fn: (i: number) => unknown): Promise<void> {
  for (let i = 0; i < 50; i++) await fn(i);
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  console.log(`${label}: ${(((performance.now() - t0) / n) * 1000).toFixed(0)} µs`);
}

async function main(): Promise<void> {
  await time('whole transpileCell', 500, (i) => transpileCell(`${i} + 1`, `Cell In[${i}]`));
  await time('esbuild TS → JS', 500, (i) => esbuild.transform(`${i} + 1`, { loader: 'ts', sourcemap: 'external' }));
  const js = await esbuild.transform('1 + 1', { loader: 'ts', sourcemap: 'external' });
  await time('rewriteCell (acorn + magic-string)', 500, () => rewriteCell(js.code));
  const rw = rewriteCell(js.code);
  await time('esbuild lower async', 500, () => esbuild.transform(rw.code, { loader: 'js', supported: { 'async-await': false }, sourcemap: 'external' }));
}
void main();
