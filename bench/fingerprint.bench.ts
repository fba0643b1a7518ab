// Row hashing (train/test overlap, run-record fingerprints) on 1M rows × 10 columns of mixed types.
// Reference in the same run: pandas' hash_pandas_object over the same data (skipped if pandas is missing).
import * as aq from 'arquero';
import { spawnSync } from 'node:child_process';
import { dataFingerprint, rowHashes } from '../src/core/data/fingerprint';

const n = 1_000_000;
const cols: Record<string, unknown> = {};
for (let c = 0; c < 6; c++) cols[`x${c}`] = Float64Array.from({ length: n }, (_, i) => ((i * 7919 + c * 104729) % 100003) / 7);
for (let c = 0; c < 3; c++) cols[`s${c}`] = Array.from({ length: n }, (_, i) => `cat-${(i * (c + 3)) % 1000}`);
cols.flag = Array.from({ length: n }, (_, i) => i % 3 === 0);
const t = aq.table(cols);
let t0 = performance.now();
const h = rowHashes(t);
const ours = performance.now() - t0;
t0 = performance.now();
dataFingerprint(t);
const fp = performance.now() - t0;
console.log(`rowHashes 1M × 10: ${ours.toFixed(0)} ms (${h.length} hashes); dataFingerprint: ${fp.toFixed(0)} ms`);
const py = `
import numpy as np, pandas as pd, time
n=${n}
d={f"x{c}": ((np.arange(n)*7919 + c*104729) % 100003)/7 for c in range(6)}
for c in range(3): d[f"s{c}"] = ["cat-%d" % ((i*(c+3)) % 1000) for i in range(n)]
d["flag"] = (np.arange(n) % 3) == 0
df = pd.DataFrame(d)
t=time.perf_counter(); pd.util.hash_pandas_object(df, index=False); print((time.perf_counter()-t)*1000)`;
const r = spawnSync('/usr/bin/python3', ['-c', py], { encoding: 'utf8' });
if (r.status !== 0) console.log(`reference skipped: pandas not available (${r.stderr.trim().split('\n').pop()})`);
else {
  const ref = Number(r.stdout.trim());
  console.log(`reference pandas.util.hash_pandas_object: ${ref.toFixed(0)} ms; ratio ${(ours / ref).toFixed(2)}x`);
}
