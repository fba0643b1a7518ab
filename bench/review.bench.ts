// A model diff's statistics on two evaluations that each kept 200,000 binary predictions (head's
// rows reordered, 1% of rows only on one side): row matching, flips with McNemar, and paired
// 1,000-resample bootstrap CIs of accuracy, ROC AUC, log loss and F1 — the issue asks for under
// 3 s. Reference in the same run: a numpy re-implementation of the paired bootstrap (one
// bincount of resampled indices per resample feeding both models' accuracy and AUC, the AUC from
// pre-sorted scores), timed on fewer resamples and extrapolated (printed as such).
// usage: node out/bench/review.bench.js [rows=200000] [resamples=1000]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { PredictionSet } from '../src/core/review/contract';
import { diffPredictions } from '../src/core/review/diffPredictions';
import { createRng } from '../src/core/evaluation/random';
import { workerReplicates } from '../src/store/review/workerReplicates';

const PYTHON = '/usr/bin/python3';
const n = Number(process.argv[2] ?? 200_000);
const resamples = Number(process.argv[3] ?? 1000);
const NUMPY_RESAMPLES = 50;

/** Base and head scores of the same rows: head a little better, correlated with base. */
function sides(): { y: Uint8Array; base: Float64Array; head: Float64Array } {
  const rng = createRng(2026);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng.nextFloat())) * Math.cos(2 * Math.PI * rng.nextFloat());
  const y = new Uint8Array(n);
  const base = new Float64Array(n);
  const head = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.nextFloat() < 0.3 ? 1 : 0;
    const shared = gauss();
    base[i] = 1 / (1 + Math.exp(-(shared + 1.0 * y[i] - 0.6)));
    head[i] = 1 / (1 + Math.exp(-(shared + 0.3 * gauss() + 1.1 * y[i] - 0.65)));
  }
  return { y, base, head };
}

function predictionSet(ids: string[], y: Uint8Array, s: Float64Array, rows: Uint32Array): PredictionSet {
  const pick = <T>(f: (i: number) => T) => Array.from(rows, f);
  return {
    rowIds: pick((i) => ids[i]),
    identity: { kind: 'hash' },
    task: 'binary',
    yTrue: pick((i) => y[i]),
    yPred: pick((i) => (s[i] >= 0.5 ? 1 : 0)),
    yScore: Float64Array.from(rows, (i) => s[i]),
    classes: ['0', '1'],
    positiveLabel: '1',
    totalRows: rows.length,
  };
}

const SCRIPT = `
import sys, json, time, numpy as np
n = int(sys.argv[4]); k = int(sys.argv[5])
y = np.fromfile(sys.argv[1], dtype=np.uint8).astype(np.float64)
sb = np.fromfile(sys.argv[2], dtype=np.float64); sh = np.fromfile(sys.argv[3], dtype=np.float64)
def prep(s):
    o = np.argsort(-s, kind='stable'); ys = y[o]; ss = s[o]
    last = np.r_[ss[1:] != ss[:-1], True]; starts = np.r_[0, np.flatnonzero(last)[:-1] + 1]
    return o, ys, starts, (s >= 0.5)
def auc(p, w):
    o, ys, starts, _ = p; ws = w[o]
    bp = np.add.reduceat(ws * ys, starts); bn = np.add.reduceat(ws * (1 - ys), starts)
    cp = np.cumsum(bp) - bp; P = bp.sum(); N = bn.sum()
    return (bn * (cp + bp / 2)).sum() / (P * N)
def acc(p, w):
    return (w * ((p[3]) == (y == 1))).sum() / w.sum()
pb, ph = prep(sb), prep(sh)
rng = np.random.default_rng(0)
t = time.perf_counter(); c = time.process_time(); d = []
for _ in range(k):
    w = np.bincount(rng.integers(0, n, n), minlength=n).astype(np.float64)
    d.append((auc(ph, w) - auc(pb, w), acc(ph, w) - acc(pb, w)))
d = np.array(d)
print(json.dumps({'numpy': np.__version__, 'each': [(time.perf_counter() - t) / k, (time.process_time() - c) / k], 'aucCi': np.percentile(d[:, 0], [2.5, 97.5]).tolist()}))
`;

function numpyTimes(y: Uint8Array, base: Float64Array, head: Float64Array): { numpy: string; each: [number, number]; aucCi: number[] } | string {
  const probe = spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return `skipped: numpy not installed (${PYTHON} cannot import numpy)`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-review-bench-'));
  try {
    fs.writeFileSync(path.join(dir, 'y.bin'), y);
    fs.writeFileSync(path.join(dir, 'b.bin'), new Uint8Array(base.buffer));
    fs.writeFileSync(path.join(dir, 'h.bin'), new Uint8Array(head.buffer));
    const r = spawnSync(PYTHON, ['-c', SCRIPT, ...['y', 'b', 'h'].map((f) => path.join(dir, `${f}.bin`)), String(n), String(NUMPY_RESAMPLES)], { encoding: 'utf8' });
    if (r.status !== 0) return `skipped: numpy reference failed: ${r.stderr.trim().split('\n').pop()}`;
    return JSON.parse(r.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function timed(f: () => Promise<unknown>): Promise<{ wall: number; cpu: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const c = process.cpuUsage();
  const t = performance.now();
  await f();
  const u = process.cpuUsage(c);
  return { wall: (performance.now() - t) / 1000, cpu: (u.user + u.system) / 1e6 };
}

async function main(): Promise<void> {
  const load = os.loadavg()[0];
  console.log(
    `model diff statistics on 2 × ${n.toLocaleString('en-US')} binary predictions, ${resamples} paired resamples (Node ${process.version}, ${os.cpus().length} cores, load ${load.toFixed(1)}${load > os.cpus().length / 2 ? ': the machine is loaded, wall times are inflated; compare CPU times' : ''})`,
  );
  const { y, base, head } = sides();
  const ids = Array.from({ length: n }, (_, i) => ((i * 2654435761) >>> 0).toString(16).padStart(8, '0') + i.toString(16).padStart(8, '0'));
  // Base keeps the first 99.5% of rows in order; head the last 99.5%, shuffled.
  const cut = Math.round(n * 0.005);
  const baseSet = predictionSet(
    ids,
    y,
    base,
    Uint32Array.from({ length: n - cut }, (_, i) => i),
  );
  const headSet = predictionSet(ids, y, head, createRng(3).shuffle(Uint32Array.from({ length: n - cut }, (_, i) => i + cut)));
  const ref = numpyTimes(y, base, head);
  if (typeof ref === 'string') console.log(ref);
  const f = (v: number) => `${v.toFixed(3)} s`;
  // The diff's default sampling (Poisson counts), then the classic multinomial draw for comparison.
  for (const sampling of (process.env.SAMPLING ? [process.env.SAMPLING] : [undefined, 'multinomial']) as ('poisson' | 'multinomial' | undefined)[]) {
    let d: Awaited<ReturnType<typeof diffPredictions>> | undefined;
    const t = await timed(
      async () => (d = await diffPredictions(baseSet, headSet, { metrics: ['accuracy', 'auc', 'logLoss', 'f1'], slices: false, bootstrap: { resamples, seed: 1, ...(sampling ? { sampling } : {}) } })),
    );
    const auc = d!.metrics.find((m) => m.name === 'auc')!;
    const vs =
      typeof ref === 'string'
        ? ''
        : `  numpy ${f(ref.each[0] * resamples)} (${NUMPY_RESAMPLES} resamples × ${resamples / NUMPY_RESAMPLES}; AUC and accuracy only) → ratio ${(t.wall / (ref.each[0] * resamples)).toFixed(3)}×, cpu ratio ${(t.cpu / (ref.each[1] * resamples)).toFixed(3)}×`;
    console.log(
      `diffPredictions (${d!.pairing.sampling}): ${f(t.wall)} wall, ${f(t.cpu)} cpu, ${d!.pairing.rows} matched rows; AUC Δ ${auc.delta?.toFixed(4)} [${auc.ci?.map((v) => v.toFixed(4)).join(', ')}], McNemar p ${d!.flips?.mcnemar?.pValue.toExponential(2)}${vs}`,
    );
  }
  // As \`modelbook diff\` and VS Code run it: parts of the resamples in worker threads (the same
  // intervals as one thread; checked here).
  const parallel = workerReplicates(path.resolve(__dirname, '../../dist'));
  try {
    let d: Awaited<ReturnType<typeof diffPredictions>> | undefined;
    const single = await diffPredictions(baseSet, headSet, { metrics: ['accuracy', 'auc', 'logLoss', 'f1'], slices: false, bootstrap: { resamples: 2, seed: 1 } });
    void single;
    const t = await timed(async () => (d = await diffPredictions(baseSet, headSet, { metrics: ['accuracy', 'auc', 'logLoss', 'f1'], slices: false, parallel, bootstrap: { resamples, seed: 1 } })));
    const auc = d!.metrics.find((m) => m.name === 'auc')!;
    console.log(
      `diffPredictions (poisson), ${parallel.workers} worker thread${parallel.workers === 1 ? '' : 's'} + this one: ${f(t.wall)} wall (target < 3 s), ${f(t.cpu)} cpu of this thread; AUC Δ ${auc.delta?.toFixed(4)} [${auc.ci?.map((v) => v.toFixed(4)).join(', ')}]`,
    );
  } finally {
    await parallel.close();
  }
  // Scores rounded to 1/100 (a calibrated or tree model's few distinct values): tie blocks take
  // the tie-block walk instead of the distinct-score sweep.
  const round = (s: PredictionSet): PredictionSet => ({ ...s, yScore: s.yScore!.map((p) => Math.round(p * 100) / 100) });
  const tiedBase = round(baseSet);
  const tiedHead = round(headSet);
  tiedBase.yPred = Array.from(tiedBase.yScore!, (p) => (p >= 0.5 ? 1 : 0));
  tiedHead.yPred = Array.from(tiedHead.yScore!, (p) => (p >= 0.5 ? 1 : 0));
  const tiedTime = await timed(() => diffPredictions(tiedBase, tiedHead, { metrics: ['accuracy', 'auc', 'logLoss', 'f1'], slices: false, bootstrap: { resamples, seed: 1 } }));
  console.log(`diffPredictions (poisson), scores rounded to 0.01 (ties): ${f(tiedTime.wall)} wall, ${f(tiedTime.cpu)} cpu`);
  // Every binary metric the diff compares by default (as \`modelbook diff\` does), distinct scores.
  const all = await timed(() => diffPredictions(baseSet, headSet, { slices: false, bootstrap: { resamples, seed: 1 } }));
  console.log(`diffPredictions (poisson), all 9 default binary metrics: ${f(all.wall)} wall, ${f(all.cpu)} cpu`);
  // The fixed part (matching 200k ids, flips, McNemar, sorting both sides) apart from the resamples.
  const once = await timed(() => diffPredictions(baseSet, headSet, { metrics: ['accuracy', 'auc', 'logLoss', 'f1'], slices: false, bootstrap: { resamples: 1, seed: 1 } }));
  console.log(`of which fixed (match, flips, McNemar, sorts; 1 resample): ${f(once.wall)} wall, ${f(once.cpu)} cpu`);
  if (typeof ref !== 'string') console.log(`numpy ${ref.numpy}: AUC Δ CI [${ref.aucCi.map((v) => v.toFixed(4)).join(', ')}] (its own resamples)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
