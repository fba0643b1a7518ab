// Tabular training throughput: an MLP 32→64→32→1 (batch 512, Adam, 3 epochs) on the same generated
// 100k × 32 binary data set, trained by Modelbook's MLPClassifier (fused WebAssembly SIMD kernel),
// by scikit-learn's MLPClassifier (/usr/bin/python3, same architecture and hyperparameters), by
// Modelbook inside the sandboxed kernel (one thread, no workers), and by plain TF.js `model.fit` on
// the wasm and cpu backends. Repetitions alternate Modelbook and scikit-learn so load on a shared
// machine hits both alike; wall and CPU time are both reported. Target (MISSION.md): ratio ≥ 1.0.
//   node out/bench/training.bench.js [--quick]      (--quick: 1 repetition, no TF.js cpu row)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setTfProvider } from '../src/core/tf/provider';
import { MLPClassifier } from '../src/core/models/mlp';
import { createRng } from '../src/core/training/random';
import type { Matrix } from '../src/core/models/contract';
import { KernelSession } from '../src/kernel/host/session';
import { DEFAULT_SANDBOX } from '../src/kernel/host/sandbox';

const ROWS = 100_000;
const TEST_ROWS = 20_000;
const COLS = 32;
const EPOCHS = 3;
const BATCH = 512;
const quick = process.argv.includes('--quick');
const REPS = quick ? 1 : 5;
const DIST = path.resolve(__dirname, '../../dist');

/** Features N(0,1); the label depends on a nonlinear function of them, with 10% label noise. */
function makeData(rows: number, seed: number): { x: Matrix; y: Int32Array } {
  const rng = createRng(seed, 'bench-data');
  const data = new Float64Array(rows * COLS);
  for (let i = 0; i < data.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(rng.nextFloat() || 1e-12));
    const t = 2 * Math.PI * rng.nextFloat();
    data[i] = r * Math.cos(t);
    data[i + 1] = r * Math.sin(t);
  }
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = data.subarray(i * COLS, (i + 1) * COLS);
    const s = v[0] + 0.5 * v[1] * v[2] - v[3] * v[3] + 0.7 + Math.sin(2 * v[4]) + 0.25 * v[5];
    y[i] = (s > 0 ? 1 : 0) ^ (rng.nextFloat() < 0.1 ? 1 : 0);
  }
  return { x: { rows, cols: COLS, data }, y };
}

interface Timing {
  wall: number;
  cpu: number;
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (ms: number) => (ROWS * EPOCHS) / (ms / 1000);
const k = (r: number) => `${Math.round(r / 1000)}k rows/s`;
const show = (ts: Timing[]) =>
  `wall ${k(rate(median(ts.map((t) => t.wall))))}, CPU ${k(rate(median(ts.map((t) => t.cpu))))}  (fits ${ts.map((t) => `${t.wall.toFixed(0)}/${t.cpu.toFixed(0)}`).join(', ')} ms wall/CPU)`;

const SKLEARN = `
import json, sys, time, warnings
import numpy as np
try:
    from sklearn.neural_network import MLPClassifier
    import sklearn
except ImportError as e:
    print(json.dumps({"error": str(e)})); sys.exit(0)
warnings.filterwarnings("ignore")
d, rows, test, cols, epochs, batch, seed = sys.argv[1], *map(int, sys.argv[2:8])
X = np.fromfile(d + "/x.f64", dtype=np.float64).reshape(rows + test, cols)
y = np.fromfile(d + "/y.i32", dtype=np.int32)
out = {"version": sklearn.__version__}
for dtype in ("float64", "float32"):
    xs = X[:rows].astype(dtype)
    m = MLPClassifier(hidden_layer_sizes=(64, 32), batch_size=batch, max_iter=epochs, solver="adam", random_state=seed)
    t, c = time.perf_counter(), time.process_time()
    m.fit(xs, y[:rows])
    out[dtype] = {"wall": (time.perf_counter() - t) * 1000, "cpu": (time.process_time() - c) * 1000, "accuracy": float(m.score(X[rows:].astype(dtype), y[rows:]))}
print(json.dumps(out))
`;

type SkRun = { version: string } & Record<'float64' | 'float32', Timing & { accuracy: number }>;

/** scikit-learn as installed (OpenBLAS picks its threads), or with OpenBLAS on one thread. */
function runSklearn(dir: string, seed: number, oneBlasThread = false): SkRun | string {
  const env = oneBlasThread ? { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' } : process.env;
  const r = spawnSync('/usr/bin/python3', ['-c', SKLEARN, dir, String(ROWS), String(TEST_ROWS), String(COLS), String(EPOCHS), String(BATCH), String(seed)], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
    env,
  });
  if (r.error) return `skipped: scikit-learn reference not runnable (${r.error.message})`;
  const parsed = JSON.parse(r.stdout || '{}');
  if (parsed.error || !parsed.float64) return `skipped: scikit-learn not installed for /usr/bin/python3 (${parsed.error ?? r.stderr.trim().split('\n').pop()})`;
  return parsed;
}

async function fitModelbook(train: Matrix, y: Int32Array, seed: number): Promise<{ time: Timing; clf: MLPClassifier }> {
  const clf = new MLPClassifier({ hiddenLayerSizes: [64, 32], batchSize: BATCH, maxIter: EPOCHS, seed, progress: false });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  await clf.fit(train, y);
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { time: { wall, cpu: (cpu.user + cpu.system) / 1000 }, clf };
}

/** The same fit in a sandboxed kernel, as a notebook cell runs it; the cell reports its own timing. */
async function fitInKernel(dir: string): Promise<Timing[] | string> {
  if (!fs.existsSync(path.join(DIST, 'kernel.js'))) return 'skipped: dist/ not built (node esbuild.mjs)';
  const session = new KernelSession({ notebookDir: dir, workspaceDir: dir, distDir: DIST, memoryLimitMb: 4096, sandbox: DEFAULT_SANDBOX });
  try {
    const setup = `import fs from 'node:fs';\nimport { MLPClassifier } from 'modelbook';\nconst raw = fs.readFileSync('x.f64');\nconst all = new Float64Array(raw.buffer, raw.byteOffset, raw.byteLength / 8);\nconst x = { rows: ${ROWS}, cols: ${COLS}, data: all.subarray(0, ${ROWS * COLS}) };\nconst yr = fs.readFileSync('y.i32');\nconst y = new Int32Array(yr.buffer, yr.byteOffset, ${ROWS});\n'ok'`;
    const s = await session.execute(setup);
    if (s.status !== 'ok') return `failed: ${JSON.stringify(s.error)}`;
    const times: Timing[] = [];
    for (let rep = 0; rep < REPS; rep++) {
      let printed = '';
      const r = await session.execute(
        `const c0 = process.cpuUsage(); const t0 = performance.now();\nawait new MLPClassifier({ hiddenLayerSizes: [64, 32], batchSize: ${BATCH}, maxIter: ${EPOCHS}, seed: ${rep}, progress: false }).fit(x, y);\nconst c1 = process.cpuUsage(c0);\nconsole.log(JSON.stringify({ wall: performance.now() - t0, cpu: (c1.user + c1.system) / 1000 }));`,
        { stream: (_n, text) => (printed += text) },
      );
      if (r.status !== 'ok') return `failed: ${JSON.stringify(r.error)}`;
      times.push(JSON.parse(printed));
    }
    return times;
  } finally {
    session.dispose();
  }
}

async function timeTfjs(backend: 'wasm' | 'cpu', train: Matrix, y: Int32Array, epochs: number): Promise<number | string> {
  if (!(await tf.setBackend(backend))) return `skipped: tf.setBackend('${backend}') returned false`;
  await tf.ready();
  const model = tf.sequential({
    layers: [tf.layers.dense({ units: 64, activation: 'relu', inputShape: [COLS] }), tf.layers.dense({ units: 32, activation: 'relu' }), tf.layers.dense({ units: 1, activation: 'sigmoid' })],
  });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  const xt = tf.tensor2d(new Float32Array(train.data), [train.rows, COLS]);
  const yt = tf.tensor2d(Float32Array.from(y), [train.rows, 1]);
  const t0 = performance.now();
  await model.fit(xt, yt, { batchSize: BATCH, epochs, shuffle: true, verbose: 0 });
  const ms = performance.now() - t0;
  tf.dispose([xt, yt]);
  model.dispose();
  return (train.rows * epochs) / (ms / 1000);
}

async function main(): Promise<void> {
  setTfProvider(async () => tf);
  const { x, y } = makeData(ROWS + TEST_ROWS, 2026);
  const train: Matrix = { rows: ROWS, cols: COLS, data: x.data.subarray(0, ROWS * COLS) };
  const test: Matrix = { rows: TEST_ROWS, cols: COLS, data: x.data.subarray(ROWS * COLS) };
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-bench-train-')));
  fs.writeFileSync(path.join(dir, 'x.f64'), Buffer.from(x.data.buffer));
  fs.writeFileSync(path.join(dir, 'y.i32'), Buffer.from(y.buffer));
  fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  console.log(
    `MLP 32→64→32→1, ${ROWS} rows × ${COLS}, batch ${BATCH}, Adam, ${EPOCHS} epochs; ${REPS} alternating repetition(s), medians; Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`,
  );
  try {
    const mb: Timing[] = [];
    const sk: SkRun[] = [];
    const sk1: SkRun[] = [];
    let skipped: string | undefined;
    let last: MLPClassifier | undefined;
    for (let rep = 0; rep < REPS; rep++) {
      for (const [one, into] of [
        [false, sk],
        [true, sk1],
      ] as const) {
        const s = runSklearn(dir, rep, one);
        if (typeof s === 'string') skipped = s;
        else into.push(s);
      }
      const m = await fitModelbook(train, y.subarray(0, ROWS), rep);
      mb.push(m.time);
      last = m.clf;
    }
    const accuracy = await last!.score(test, Array.from(y.subarray(ROWS)));
    console.log(`Modelbook MLPClassifier (${last!.summary().backend}): ${show(mb)}; test accuracy ${accuracy.toFixed(4)}`);
    if (skipped) console.log(`scikit-learn MLPClassifier: ${skipped}`);
    else {
      const variants = [
        ['float64', sk],
        ['float32', sk],
        ['float64', sk1],
        ['float32', sk1],
      ] as const;
      for (const [dtype, runs] of variants)
        console.log(
          `scikit-learn ${sk[0].version} MLPClassifier (${dtype} input, ${runs === sk1 ? '1 BLAS thread' : 'default BLAS threads'}): ${show(runs.map((s) => s[dtype]))}; test accuracy ${runs.at(-1)![dtype].accuracy.toFixed(4)}`,
        );
      // The ratio is taken against scikit-learn's fastest variant in this run.
      const best = (key: 'wall' | 'cpu') => Math.min(...variants.map(([dtype, runs]) => median(runs.map((s) => s[dtype][key]))));
      const ratio = (key: 'wall' | 'cpu') => (best(key) / median(mb.map((t) => t[key]))).toFixed(2);
      console.log(`ratio Modelbook / scikit-learn (throughput vs its fastest variant, medians): wall ${ratio('wall')}×, CPU ${ratio('cpu')}×   target ≥ 1.0`);
    }
    const inKernel = await fitInKernel(dir);
    console.log(`Modelbook in the sandboxed kernel (1 thread): ${typeof inKernel === 'string' ? inKernel : show(inKernel)}`);

    const wasmModule = await import('@tensorflow/tfjs-backend-wasm').catch(() => undefined);
    if (!wasmModule) console.log('TF.js model.fit (wasm): skipped: @tensorflow/tfjs-backend-wasm not installed');
    else {
      const r = await timeTfjs('wasm', train, y.subarray(0, ROWS), EPOCHS);
      console.log(`TF.js model.fit (wasm, SIMD ${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}): ${typeof r === 'string' ? r : `${k(r)} wall`}`);
    }
    if (!quick) {
      const r = await timeTfjs('cpu', train, y.subarray(0, ROWS), 1);
      console.log(`TF.js model.fit (cpu, 1 epoch): ${typeof r === 'string' ? r : `${k(r)} wall`}`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
