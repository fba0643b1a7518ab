// Logistic and linear regression fit time on the same generated 100k × 32 data: Modelbook vs
// scikit-learn (LogisticRegression(solver='lbfgs'), LinearRegression, Ridge). The machine is
// shared, so the two are interleaved fit by fit (a Python process answers each request in turn);
// wall-clock medians and minimums and CPU-time medians are reported (CPU time is what each side
// spent, whatever else runs on the machine; scikit-learn's includes its BLAS threads).
// ratio = scikit-learn time / Modelbook time (> 1 means Modelbook is faster).
// usage: node out/bench/linear.bench.js [rows] [cols] [rounds]
import { spawn, spawnSync, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { createRng } from '../src/core/linalg/random';
import { createMatrix, type Matrix } from '../src/core/linalg/matrix';
import { LogisticRegression } from '../src/core/models/linear/logisticRegression';
import { LinearRegression } from '../src/core/models/linear/linearRegression';
import { Ridge } from '../src/core/models/linear/ridge';

const PYTHON = '/usr/bin/python3';
const [rows, cols, rounds] = [Number(process.argv[2] ?? 100_000), Number(process.argv[3] ?? 32), Number(process.argv[4] ?? 9)];

/** Standard-normal features; a logistic label and a linear target from random weights. */
function generate(): { x: Matrix; label: Float64Array; target: Float64Array } {
  const rng = createRng(7);
  const x = createMatrix(rows, cols);
  for (let k = 0; k < x.data.length; k++) x.data[k] = rng.normal();
  const w = Array.from({ length: cols }, () => 0.5 * rng.normal());
  const label = new Float64Array(rows);
  const target = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let z = 0.3;
    for (let j = 0; j < cols; j++) z += x.data[i * cols + j] * w[j];
    label[i] = rng.nextFloat() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
    target[i] = z + rng.normal();
  }
  return { x, label, target };
}

const SERVER = `
import sys, time, json
import numpy as np
from sklearn.linear_model import LogisticRegression, LinearRegression, Ridge
d, rows, cols = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
x = np.fromfile(d + '/x.f64').reshape(rows, cols)
label = np.fromfile(d + '/label.f64')
target = np.fromfile(d + '/target.f64')
fits = {'logistic': lambda: LogisticRegression(solver='lbfgs').fit(x, label),
        'ols': lambda: LinearRegression().fit(x, target),
        'ridge': lambda: Ridge(alpha=1.0).fit(x, target)}
print('ready', flush=True)
for line in sys.stdin:
    name = line.strip()
    c = time.process_time(); s = time.perf_counter(); m = fits[name](); ms = (time.perf_counter() - s) * 1000; cpu = (time.process_time() - c) * 1000
    coef = np.append(m.coef_.ravel(), m.intercept_).tolist()
    print(json.dumps({'ms': ms, 'cpu': cpu, 'coef': coef, 'nIter': int(m.n_iter_[0]) if hasattr(m, 'n_iter_') and m.n_iter_ is not None else None}), flush=True)
`;

interface Reply {
  ms: number;
  cpu: number;
  coef: number[];
  nIter: number | null;
}

/** A scikit-learn process answering one fit per request, or why there is none. */
async function startReference(dir: string): Promise<{ fit(name: string): Promise<Reply>; close(): void } | string> {
  if (!fs.existsSync(PYTHON)) return `${PYTHON} not installed`;
  if (spawnSync(PYTHON, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' }).status !== 0) return `scikit-learn not installed for ${PYTHON}`;
  const child: ChildProcessWithoutNullStreams = spawn(PYTHON, ['-c', SERVER, dir, String(rows), String(cols)]);
  const lines = readline.createInterface({ input: child.stdout });
  const queue: ((line: string) => void)[] = [];
  lines.on('line', (l) => queue.shift()?.(l));
  const next = () => new Promise<string>((resolve) => queue.push(resolve));
  if ((await next()) !== 'ready') return 'scikit-learn process did not start';
  return {
    fit: async (name) => {
      const reply = next();
      child.stdin.write(`${name}\n`);
      return JSON.parse(await reply) as Reply;
    },
    close: () => child.stdin.end(),
  };
}

const stats = (v: number[]) => {
  const s = [...v].sort((a, b) => a - b);
  return { median: s[Math.floor(s.length / 2)], min: s[0] };
};
const rate = (ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s`;
const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).reduce((m, v, i) => Math.max(m, Math.abs(v - b[i])), 0);

async function main(): Promise<void> {
  const data = generate();
  const labels = Array.from(data.label);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-bench-linear-'));
  fs.writeFileSync(path.join(dir, 'x.f64'), new Uint8Array(data.x.data.buffer));
  fs.writeFileSync(path.join(dir, 'label.f64'), new Uint8Array(data.label.buffer));
  fs.writeFileSync(path.join(dir, 'target.f64'), new Uint8Array(data.target.buffer));
  const ref = await startReference(dir);
  const ours = {
    logistic: async () => {
      const m = await new LogisticRegression().fit(data.x, labels);
      return { coef: [...m.coef.data, m.intercept[0]], nIter: m.nIter };
    },
    ols: async () => {
      const m = await new LinearRegression().fit(data.x, data.target);
      return { coef: [...m.coef, m.intercept], nIter: null };
    },
    ridge: async () => {
      const m = await new Ridge({ alpha: 1 }).fit(data.x, data.target);
      return { coef: [...m.coef, m.intercept], nIter: null };
    },
  };
  console.log(`linear models, ${rows.toLocaleString('en-US')} × ${cols}, ${rounds} interleaved rounds (wall median / min, CPU median)`);
  if (typeof ref === 'string') console.log(`skipped: ${ref} — Modelbook numbers only`);
  try {
    for (const [name, fit] of Object.entries(ours)) {
      const mine: number[] = [];
      const theirs: number[] = [];
      const mineCpu: number[] = [];
      const theirsCpu: number[] = [];
      let last: { coef: number[]; nIter: number | null } | undefined;
      let refLast: Reply | undefined;
      for (let r = 0; r < rounds; r++) {
        const t = performance.now();
        const c = process.cpuUsage();
        last = await fit();
        const used = process.cpuUsage(c);
        mine.push(performance.now() - t);
        mineCpu.push((used.user + used.system) / 1000);
        if (typeof ref !== 'string') {
          refLast = await ref.fit(name);
          theirs.push(refLast.ms);
          theirsCpu.push(refLast.cpu);
        }
      }
      const a = stats(mine);
      const ac = stats(mineCpu).median;
      console.log(
        `${name.padEnd(9)} modelbook    wall ${a.median.toFixed(1).padStart(7)} / ${a.min.toFixed(1).padStart(7)} ms, cpu ${ac.toFixed(1).padStart(7)} ms (${rate(a.median)}, ${rate(ac)} of CPU)`,
      );
      if (refLast) {
        const b = stats(theirs);
        const bc = stats(theirsCpu).median;
        console.log(
          `${''.padEnd(9)} scikit-learn wall ${b.median.toFixed(1).padStart(7)} / ${b.min.toFixed(1).padStart(7)} ms, cpu ${bc.toFixed(1).padStart(7)} ms (${rate(b.median)}, ${rate(bc)} of CPU)`,
        );
        let line = `${''.padEnd(9)} ratio wall ${(b.median / a.median).toFixed(2)}× (min ${(b.min / a.min).toFixed(2)}×), cpu ${(bc / ac).toFixed(2)}×   max |Δcoef| ${maxDiff(last!.coef, refLast.coef).toExponential(1)}`;
        if (last!.nIter !== null) line += `   iterations ${last!.nIter} vs ${refLast.nIter}`;
        console.log(line);
      }
    }
  } finally {
    if (typeof ref !== 'string') ref.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
