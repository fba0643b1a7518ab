// Logistic and linear regression fit time on the same generated 100k × 32 data: Modelbook vs
// scikit-learn (LogisticRegression(solver='lbfgs'), LinearRegression, Ridge) measured in the same
// run. Prints rows/s and the ratio (> 1 means Modelbook is faster).
// usage: node out/bench/linear.bench.js [rows] [cols] [repeats]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRng } from '../src/core/linalg/random';
import { createMatrix } from '../src/core/linalg/matrix';
import { LogisticRegression } from '../src/core/models/linear/logisticRegression';
import { LinearRegression } from '../src/core/models/linear/linearRegression';
import { Ridge } from '../src/core/models/linear/ridge';

const PYTHON = '/usr/bin/python3';
const [rows, cols, repeats] = [Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 32), Number(process.argv[4] ?? 7)];

/** Standard-normal features; a logistic label and a linear target from random weights. */
function generate() {
  const rng = createRng(7);
  const x = createMatrix(rows, cols);
  for (let k = 0; k < x.data.length; k++) x.data[k] = rng.normal();
  const w = Array.from({ length: cols }, () => 0.5 * rng.normal());
  const label = new Float64Array(rows);
  const target = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = 0.3;
    for (let j = 0; j < cols; j++) z += x.data[i * cols + j] * w[j];
    label[i] = rng.next() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    target[i] = z + rng.normal();
  }
  return { x, label, target };
}

function median(v: number[]): number {
  const s = [...v].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timeIt(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

const SCRIPT = `
import sys, time, json
import numpy as np
from sklearn.linear_model import LogisticRegression, LinearRegression, Ridge
d, rows, cols, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
x = np.fromfile(d + '/x.f64').reshape(rows, cols)
label = np.fromfile(d + '/label.f64')
target = np.fromfile(d + '/target.f64')
def t(fn):
    times = []
    for _ in range(repeats):
        s = time.perf_counter(); m = fn(); times.append((time.perf_counter() - s) * 1000)
    return float(np.median(times)), m
lr_ms, lr = t(lambda: LogisticRegression(solver='lbfgs').fit(x, label))
ols_ms, ols = t(lambda: LinearRegression().fit(x, target))
ridge_ms, ridge = t(lambda: Ridge(alpha=1.0).fit(x, target))
print(json.dumps({'logistic': lr_ms, 'nIter': int(lr.n_iter_[0]), 'coef': lr.coef_[0].tolist(), 'intercept': float(lr.intercept_[0]), 'ols': ols_ms, 'olsCoef': ols.coef_.tolist(), 'ridge': ridge_ms, 'ridgeCoef': ridge.coef_.tolist()}))
`;

interface Reference {
  logistic: number;
  nIter: number;
  coef: number[];
  intercept: number;
  ols: number;
  olsCoef: number[];
  ridge: number;
  ridgeCoef: number[];
}

function runReference(data: ReturnType<typeof generate>): Reference | string {
  if (!fs.existsSync(PYTHON)) return `${PYTHON} not installed`;
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return `scikit-learn not installed for ${PYTHON}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-bench-linear-'));
  try {
    fs.writeFileSync(path.join(dir, 'x.f64'), new Uint8Array(data.x.data.buffer));
    fs.writeFileSync(path.join(dir, 'label.f64'), new Uint8Array(data.label.buffer));
    fs.writeFileSync(path.join(dir, 'target.f64'), new Uint8Array(data.target.buffer));
    const r = spawnSync(PYTHON, ['-c', SCRIPT, dir, String(rows), String(cols), String(repeats)], { encoding: 'utf8', maxBuffer: 64 << 20 });
    if (r.status !== 0) return `scikit-learn run failed: ${r.stderr.trim().split('\n').pop()}`;
    return JSON.parse(r.stdout) as Reference;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

async function main(): Promise<void> {
  const data = generate();
  const labels = Array.from(data.label);
  let model = new LogisticRegression();
  const logistic = await timeIt(async () => (model = await new LogisticRegression().fit(data.x, labels)));
  let ols = new LinearRegression();
  const olsMs = await timeIt(async () => (ols = await new LinearRegression().fit(data.x, data.target)));
  let ridge = new Ridge();
  const ridgeMs = await timeIt(async () => (ridge = await new Ridge({ alpha: 1 }).fit(data.x, data.target)));
  const ref = runReference(data);
  const rate = (ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
  console.log(`linear models, ${rows.toLocaleString('en-US')} × ${cols}, median of ${repeats} fits`);
  const line = (name: string, ms: number, refMs: number | undefined, extra: string) =>
    console.log(`${name.padEnd(20)} modelbook ${ms.toFixed(1).padStart(7)} ms (${rate(ms)})` + (refMs === undefined ? '' : `   scikit-learn ${refMs.toFixed(1).padStart(7)} ms (${rate(refMs)})   ratio ${(refMs / ms).toFixed(2)}×`) + extra);
  if (typeof ref === 'string') {
    console.log(`skipped: ${ref} — Modelbook numbers only`);
    line('LogisticRegression', logistic, undefined, ` ${model.nIter} iterations`);
    line('LinearRegression', olsMs, undefined, '');
    line('Ridge', ridgeMs, undefined, '');
    return;
  }
  line('LogisticRegression', logistic, ref.logistic, `   iterations ${model.nIter} vs ${ref.nIter}, max |Δcoef| ${maxDiff([...model.coef.data, model.intercept[0]], [...ref.coef, ref.intercept]).toExponential(1)}`);
  line('LinearRegression', olsMs, ref.ols, `   max |Δcoef| ${maxDiff(ols.coef, ref.olsCoef).toExponential(1)}`);
  line('Ridge', ridgeMs, ref.ridge, `   max |Δcoef| ${maxDiff(ridge.coef, ref.ridgeCoef).toExponential(1)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
