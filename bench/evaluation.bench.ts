// Evaluation on 1M binary predictions against scikit-learn in the same run: ROC AUC, PR AUC
// (average precision), log loss, and a 1,000-resample bootstrap CI of the AUC; then a full
// evaluatePredictions (15 metrics with CIs, curves, threshold table). scikit-learn's bootstrap is
// a Python loop of roc_auc_score over resampled indices; it is timed on fewer resamples and
// extrapolated (printed as such). Timings are medians; the machine is shared, so read the ratios.
// usage: node out/bench/evaluation.bench.js [rows=1000000] [resamples=1000]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { rocAucScore } from '../src/core/evaluation/metrics/rocAuc';
import { averagePrecisionScore } from '../src/core/evaluation/metrics/averagePrecision';
import { logLoss } from '../src/core/evaluation/metrics/logLoss';
import { bootstrapMetrics } from '../src/core/evaluation/intervals/bootstrapMetrics';
import { evaluatePredictions } from '../src/core/evaluation/evaluate/fromPredictions';
import { createRng } from '../src/core/evaluation/random';

const PYTHON = '/usr/bin/python3';
const n = Number(process.argv[2] ?? 1_000_000);
const resamples = Number(process.argv[3] ?? 1000);
const SKLEARN_RESAMPLES = 10;

function data(): { y: Uint8Array; s: Float64Array } {
  const rng = createRng(2024);
  const y = new Uint8Array(n);
  const s = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = rng.nextFloat() < 0.3 ? 1 : 0;
    const u = 1 - rng.nextFloat();
    const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat()) + 1.2 * y[i] - 0.6;
    s[i] = 1 / (1 + Math.exp(-z));
  }
  return { y, s };
}

/** Wall and CPU seconds of one call (CPU time shows our own work when other processes load the machine). */
async function timed(f: () => unknown): Promise<{ wall: number; cpu: number }> {
  (globalThis as { gc?: () => void }).gc?.();
  const c = process.cpuUsage();
  const t = performance.now();
  await f();
  const u = process.cpuUsage(c);
  return { wall: (performance.now() - t) / 1000, cpu: (u.user + u.system) / 1e6 };
}

async function median(runs: number, f: () => unknown): Promise<{ wall: number; cpu: number }> {
  const times: { wall: number; cpu: number }[] = [];
  for (let r = 0; r < runs; r++) times.push(await timed(f));
  return times.sort((a, b) => a.wall - b.wall)[Math.floor(runs / 2)];
}

const SCRIPT = `
import sys, json, time, numpy as np
from sklearn.metrics import roc_auc_score, average_precision_score, log_loss
import sklearn
y = np.fromfile(sys.argv[1], dtype=np.uint8).astype(np.int64); s = np.fromfile(sys.argv[2], dtype=np.float64); k = int(sys.argv[3])
def med(f, runs=3):
    ts = []
    for _ in range(runs):
        t = time.perf_counter(); c = time.process_time(); v = f(); ts.append((time.perf_counter() - t, time.process_time() - c))
    return sorted(ts)[runs // 2], v
out = {'version': sklearn.__version__}
out['auc'], out['aucValue'] = med(lambda: roc_auc_score(y, s))
out['ap'], out['apValue'] = med(lambda: average_precision_score(y, s))
out['logloss'], out['loglossValue'] = med(lambda: log_loss(y, s))
rng = np.random.default_rng(0); t = time.perf_counter(); c = time.process_time()
for _ in range(k):
    i = rng.integers(0, len(y), len(y)); roc_auc_score(y[i], s[i])
out['bootstrapEach'] = ((time.perf_counter() - t) / k, (time.process_time() - c) / k)
print(json.dumps(out))
`;

function sklearnTimes(y: Uint8Array, s: Float64Array): Record<string, unknown> | string {
  const probe = spawnSync(PYTHON, ['-c', 'import sklearn, numpy'], { encoding: 'utf8' });
  if (probe.status !== 0) return `skipped: scikit-learn not installed (${PYTHON} cannot import sklearn/numpy)`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-eval-bench-'));
  try {
    fs.writeFileSync(path.join(dir, 'y.bin'), y);
    fs.writeFileSync(path.join(dir, 's.bin'), new Uint8Array(s.buffer));
    const r = spawnSync(PYTHON, ['-c', SCRIPT, path.join(dir, 'y.bin'), path.join(dir, 's.bin'), String(SKLEARN_RESAMPLES)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (r.status !== 0) return `skipped: scikit-learn reference failed: ${r.stderr.trim().split('\n').pop()}`;
    return JSON.parse(r.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

type Pair = { wall: number; cpu: number };

/** One line: our wall time, scikit-learn's, the wall ratio, and the same for CPU time. */
function row(name: string, ours: Pair, ref: Pair | undefined, note = ''): void {
  const f = (v: number) => `${v.toFixed(3)} s`;
  const cells = [
    f(ours.wall).padStart(10),
    (ref ? f(ref.wall) : '—').padStart(11),
    (ref ? `${(ours.wall / ref.wall).toFixed(3)}×` : '').padStart(8),
    f(ours.cpu).padStart(10),
    (ref ? f(ref.cpu) : '—').padStart(11),
    (ref ? `${(ours.cpu / ref.cpu).toFixed(3)}×` : '').padStart(8),
  ];
  console.log(`${name.padEnd(46)} ${cells.join(' ')}  ${note}`);
}

function pair(v: unknown, scale = 1): Pair | undefined {
  return Array.isArray(v) ? { wall: v[0] * scale, cpu: v[1] * scale } : undefined;
}

async function main(): Promise<void> {
  console.log(`evaluation on ${n.toLocaleString('en-US')} binary predictions (Node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(1)})`);
  const { y, s } = data();
  const ref = sklearnTimes(y, s);
  const sk = typeof ref === 'string' ? undefined : ref;
  if (typeof ref === 'string') console.log(ref);
  else console.log(`reference: scikit-learn ${ref.version}`);
  console.log(`${'measure'.padEnd(46)} ${'modelbook'.padStart(10)} ${'sklearn'.padStart(11)} ${'ratio'.padStart(8)} ${'cpu'.padStart(10)} ${'sklearn cpu'.padStart(11)} ${'ratio'.padStart(8)}`);
  let auc = 0;
  const tAuc = await median(3, () => (auc = rocAucScore(y, s).value));
  row('ROC AUC', tAuc, pair(sk?.auc), sk ? `|Δ| ${Math.abs(auc - (sk.aucValue as number)).toExponential(1)}` : '');
  let ap = 0;
  const tAp = await median(3, () => (ap = averagePrecisionScore(y, s).value));
  row('PR AUC (average precision)', tAp, pair(sk?.ap), sk ? `|Δ| ${Math.abs(ap - (sk.apValue as number)).toExponential(1)}` : '');
  let ll = 0;
  const tLl = await median(3, () => (ll = logLoss(y, s).value));
  row('log loss', tLl, pair(sk?.logloss), sk ? `|Δ| ${Math.abs(ll - (sk.loglossValue as number)).toExponential(1)}` : '');
  // The default sampling at this size is Poisson (sequential memory access); the classic multinomial
  // draw scatters a million increments at random per resample, so it is timed on fewer resamples.
  for (const [sampling, runs] of [
    ['poisson', resamples],
    ['multinomial', Math.max(1, Math.round(resamples / 10))],
  ] as const) {
    let r: Awaited<ReturnType<typeof bootstrapMetrics>> = {};
    const t = await timed(async () => (r = await bootstrapMetrics({ yTrue: y, yScore: s }, ['auc'], { bootstrap: { resamples: runs, seed: 1, sampling } })));
    const tBoot = { wall: t.wall * (resamples / runs), cpu: t.cpu * (resamples / runs) };
    const skBoot = pair(sk?.bootstrapEach, resamples);
    const how = runs === resamples ? '' : ` (${runs} resamples × ${resamples / runs})`;
    row(
      `bootstrap CI of AUC, ${resamples} resamples, ${sampling}`,
      tBoot,
      skBoot,
      `CI [${r.auc?.ci?.lower?.toFixed(4)}, ${r.auc?.ci?.upper?.toFixed(4)}]${how}${sk ? `; sklearn: ${SKLEARN_RESAMPLES} resamples × ${resamples / SKLEARN_RESAMPLES}` : ''}`,
    );
  }
  let ev: Awaited<ReturnType<typeof evaluatePredictions>> | undefined;
  const tFull = await timed(async () => (ev = await evaluatePredictions({ yTrue: y, yScore: s }, { bootstrap: { resamples, seed: 1 } })));
  if (!ev) return;
  row(`evaluatePredictions (${ev.view.metrics.length} metrics × ${resamples}-resample CIs)`, tFull, undefined, `view ${(JSON.stringify(ev.view).length / 1024).toFixed(0)} KB`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
