// Tabular training throughput: an MLP 32→64→32→1 (batch 512, Adam, 3 epochs) on the same generated
// 100k × 32 binary data set, trained by Modelbook's MLPClassifier (fused WebAssembly SIMD kernel),
// by scikit-learn's MLPClassifier (/usr/bin/python3, same architecture and hyperparameters), and
// by plain TF.js `model.fit` on the wasm and cpu backends. Prints rows/s, held-out accuracy and the
// ratio Modelbook / scikit-learn, all measured in this run. Target (MISSION.md): ratio ≥ 1.0.
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

const ROWS = 100_000;
const TEST_ROWS = 20_000;
const COLS = 32;
const EPOCHS = 3;
const BATCH = 512;
const quick = process.argv.includes('--quick');
const REPS = quick ? 1 : 3;

/** Features N(0,1); the label depends on a nonlinear function of them, with 10% label noise. */
function makeData(rows: number, seed: number): { x: Matrix; y: Int32Array } {
  const rng = createRng(seed, 'bench-data');
  const data = new Float64Array(rows * COLS);
  for (let i = 0; i < data.length; i += 2) {
    const u = rng.random() || 1e-12;
    const r = Math.sqrt(-2 * Math.log(u));
    const t = 2 * Math.PI * rng.random();
    data[i] = r * Math.cos(t);
    data[i + 1] = r * Math.sin(t);
  }
  const y = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const v = data.subarray(i * COLS, (i + 1) * COLS);
    const s = v[0] + 0.5 * v[1] * v[2] - v[3] * v[3] + 0.7 + Math.sin(2 * v[4]) + 0.25 * v[5];
    y[i] = (s > 0 ? 1 : 0) ^ (rng.random() < 0.1 ? 1 : 0);
  }
  return { x: { rows, cols: COLS, data }, y };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const rate = (ms: number) => (ROWS * EPOCHS) / (ms / 1000);
const k = (r: number) => `${Math.round(r / 1000)}k rows/s`;

const SKLEARN = `
import json, sys, time, warnings
import numpy as np
try:
    from sklearn.neural_network import MLPClassifier
    import sklearn
except ImportError as e:
    print(json.dumps({"error": str(e)})); sys.exit(0)
warnings.filterwarnings("ignore")
d, rows, test, cols, epochs, batch, reps = sys.argv[1], *map(int, sys.argv[2:8])
X = np.fromfile(d + "/x.f64", dtype=np.float64).reshape(rows + test, cols)
y = np.fromfile(d + "/y.i32", dtype=np.int32)
Xtr, ytr, Xte, yte = X[:rows], y[:rows], X[rows:], y[rows:]
out = {"version": sklearn.__version__}
for dtype in ("float64", "float32"):
    xs, times = Xtr.astype(dtype), []
    for rep in range(reps):
        m = MLPClassifier(hidden_layer_sizes=(64, 32), batch_size=batch, max_iter=epochs, solver="adam", random_state=rep)
        t = time.perf_counter(); m.fit(xs, ytr); times.append((time.perf_counter() - t) * 1000)
    out[dtype] = {"ms": times, "accuracy": float(m.score(Xte.astype(dtype), yte)), "loss": m.loss_curve_}
print(json.dumps(out))
`;

function runSklearn(x: Matrix, y: Int32Array): { version: string; float64: { ms: number[]; accuracy: number }; float32: { ms: number[]; accuracy: number } } | string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-bench-train-'));
  try {
    fs.writeFileSync(path.join(dir, 'x.f64'), Buffer.from(x.data.buffer, x.data.byteOffset, x.data.byteLength));
    fs.writeFileSync(path.join(dir, 'y.i32'), Buffer.from(y.buffer, y.byteOffset, y.byteLength));
    const r = spawnSync('/usr/bin/python3', ['-c', SKLEARN, dir, String(ROWS), String(TEST_ROWS), String(COLS), String(EPOCHS), String(BATCH), String(REPS)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.error) return `skipped: scikit-learn reference not runnable (${r.error.message})`;
    const parsed = JSON.parse(r.stdout || '{}');
    if (parsed.error || !parsed.float64) return `skipped: scikit-learn not installed for /usr/bin/python3 (${parsed.error ?? r.stderr.trim().split('\n').pop()})`;
    return parsed;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function slice(x: Matrix, from: number, to: number): Matrix {
  return { rows: to - from, cols: x.cols, data: x.data.subarray(from * x.cols, to * x.cols) };
}

async function timeModelbook(train: Matrix, y: Int32Array, test: Matrix, yTest: Int32Array) {
  const times: number[] = [];
  let clf: MLPClassifier | undefined;
  for (let rep = 0; rep < REPS; rep++) {
    clf = new MLPClassifier({ hiddenLayerSizes: [64, 32], batchSize: BATCH, maxIter: EPOCHS, seed: rep, progress: false });
    const t0 = performance.now();
    await clf.fit(train, y);
    times.push(performance.now() - t0);
  }
  return { times, accuracy: await clf!.score(test, Array.from(yTest)), backend: clf!.summary().backend, loss: clf!.lossCurve };
}

async function timeTfjs(backend: 'wasm' | 'cpu', train: Matrix, y: Int32Array, epochs: number): Promise<number | string> {
  if (!(await tf.setBackend(backend))) return `skipped: tf.setBackend('${backend}') returned false`;
  await tf.ready();
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 64, activation: 'relu', inputShape: [COLS] }), tf.layers.dense({ units: 32, activation: 'relu' }), tf.layers.dense({ units: 1, activation: 'sigmoid' })] });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'binaryCrossentropy' });
  const xt = tf.tensor2d(Float32Array.from(train.data), [train.rows, COLS]);
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
  const train = slice(x, 0, ROWS);
  const test = slice(x, ROWS, ROWS + TEST_ROWS);
  const yTrain = y.subarray(0, ROWS);
  const yTest = y.subarray(ROWS);
  console.log(`MLP 32→64→32→1, ${ROWS} rows × ${COLS}, batch ${BATCH}, Adam, ${EPOCHS} epochs; ${REPS} repetition(s), median; Node ${process.version}, ${os.cpus().length} cores (load ${os.loadavg()[0].toFixed(2)})`);

  const sk = runSklearn(x, y);
  const mb = await timeModelbook(train, yTrain, test, yTest);
  const mbRate = rate(median(mb.times));
  console.log(`Modelbook MLPClassifier (${mb.backend}):  ${k(mbRate)}  (fits ${mb.times.map((t) => `${t.toFixed(0)} ms`).join(', ')}; test accuracy ${mb.accuracy.toFixed(4)})`);
  if (typeof sk === 'string') console.log(`scikit-learn MLPClassifier: ${sk}`);
  else {
    for (const dtype of ['float64', 'float32'] as const) {
      const r = rate(median(sk[dtype].ms));
      console.log(`scikit-learn ${sk.version} MLPClassifier (${dtype} input): ${k(r)}  (fits ${sk[dtype].ms.map((t) => `${t.toFixed(0)} ms`).join(', ')}; test accuracy ${sk[dtype].accuracy.toFixed(4)})`);
    }
    const r64 = rate(median(sk.float64.ms));
    const r32 = rate(median(sk.float32.ms));
    console.log(`ratio Modelbook / scikit-learn: ${(mbRate / r64).toFixed(2)}× (float64 input), ${(mbRate / r32).toFixed(2)}× (float32 input)   target ≥ 1.0`);
  }

  const wasmModule = await import('@tensorflow/tfjs-backend-wasm').catch(() => undefined);
  if (!wasmModule) console.log('TF.js model.fit (wasm): skipped: @tensorflow/tfjs-backend-wasm not installed');
  else {
    const r = await timeTfjs('wasm', train, yTrain, EPOCHS);
    console.log(`TF.js model.fit (wasm, SIMD ${await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')}): ${typeof r === 'string' ? r : `${k(r)}  (Modelbook ${(mbRate / r).toFixed(1)}× faster)`}`);
  }
  if (!quick) {
    const r = await timeTfjs('cpu', train, yTrain, 1);
    console.log(`TF.js model.fit (cpu, 1 epoch): ${typeof r === 'string' ? r : `${k(r)}  (Modelbook ${(mbRate / r).toFixed(1)}× faster)`}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
