// The run index at 1k / 10k / 50k runs: open (read + parse + validate + summarize every record
// file; and again with the summary cache, which only stats unchanged files), a filter + sort
// query, a table page, CSV export, incremental updates. Reference: Python
// reading and json-parsing the same files and running the same filter + sort, in the same run.
// Files are generated, then read from the page cache (warm: the OS keeps a workspace's run files
// cached in practice, and dropping caches would disturb other work on a shared machine).
// usage: node out/bench/runs.bench.js [sizes, default 1000,10000,50000]   (KEEP_RUNS=1 keeps the files)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunRecord } from '../src/core/runs/contract';
import { buildRunTable } from '../src/core/runs/columns';
import { toRunsCsv } from '../src/core/runs/csv';
import { stringifyRunRecord } from '../src/core/runs/stringify';
import { toMetricHistory } from '../src/core/runs/metricHistory';
import { createIdGenerator } from '../src/core/runs/ulid';
import { ensureRunFolders } from '../src/store/runs/paths';
import { RunIndex } from '../src/store/runs/runIndex';

const SIZES = (process.argv[2] ?? '1000,10000,50000').split(',').map(Number);
const FILTER = 'metrics.auc > 0.8 && params.lr <= 0.01';
const SORT = '-metrics.auc';

let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
const round = (v: number) => Number(v.toPrecision(6));

const NOTEBOOKS = Array.from({ length: 20 }, (_, i) => `notebooks/${pick(['churn', 'fraud', 'credit', 'ltv', 'demand'])}-${i}.mlnb`);
const COLUMNS = Array.from({ length: 24 }, (_, i) => ({ name: `feature_${i}`, type: i % 5 === 0 ? 'string' : 'number' }));
const ids = createIdGenerator(rand);

/** One realistic record: a fit with 20–150 epochs, params, metrics with an interval, data, model, gates. */
function makeRun(i: number, start: number): RunRecord {
  const kind = pick(['fit', 'fit', 'fit', 'trial', 'trial', 'cv', 'evaluation'] as const);
  const epochs = kind === 'evaluation' ? 0 : 20 + Math.floor(rand() * 130);
  const auc = round(0.6 + rand() * 0.35);
  const t0 = start + i * 60_000;
  const history = toMetricHistory(
    Array.from({ length: epochs }, (_, e) => ({
      epoch: e + 1,
      metrics: { loss: round(0.7 / (1 + e * 0.1) + rand() * 0.01), valLoss: round(0.75 / (1 + e * 0.08) + rand() * 0.02), accuracy: round(0.6 + 0.3 * (1 - 1 / (1 + e * 0.1))) },
      elapsedMs: (e + 1) * 850,
    })),
  );
  const layers = [64, 32, 1].map((u, k) => ({ name: `dense_${k + 1}`, kind: 'Dense', outputShape: [null, u], parameters: u * 33 }));
  return {
    version: 1,
    id: ids(t0),
    name: `${pick(['MLPClassifier', 'LogisticRegression', 'MLPRegressor'])} #${i}`,
    kind,
    status: rand() < 0.9 ? 'finished' : pick(['failed', 'interrupted'] as const),
    startedAt: new Date(t0).toISOString(),
    endedAt: new Date(t0 + epochs * 850 + 500).toISOString(),
    heartbeatAt: new Date(t0 + epochs * 850 + 500).toISOString(),
    host: { hostname: 'bench', pid: 1000 + (i % 50) },
    notebook: pick(NOTEBOOKS),
    cellId: `cell-${i % 17}`,
    codeHash: ((i * 2654435761) >>> 0).toString(16).padStart(16, '0'),
    seed: i % 10,
    params: {
      lr: pick([0.1, 0.03, 0.01, 0.003, 0.001]),
      batchSize: pick([32, 64, 128, 256]),
      epochs,
      hiddenLayers: [64, 32],
      dropout: round(rand() * 0.5),
      optimizer: { name: pick(['adam', 'sgd']), beta1: 0.9 },
      l2: pick([0, 1e-4, 1e-3]),
    },
    metrics: { auc, accuracy: round(auc - 0.05), f1: round(auc - 0.1), logLoss: round(0.3 + rand() * 0.3), brier: round(0.1 + rand() * 0.1), ece: round(rand() * 0.08) },
    intervals: { auc: { low: round(auc - 0.03), high: round(auc + 0.03), level: 0.95, method: 'bootstrap' } },
    history,
    data: [
      { role: 'train', name: 'customers.csv', fingerprint: { hash: '3f2a9c0d11e4b5a6', rows: 8000, columns: COLUMNS } },
      { role: 'test', name: 'customers.csv', fingerprint: { hash: '9b1c22aa07f3e410', rows: 2000, columns: COLUMNS } },
    ],
    model: {
      type: 'MLPClassifier',
      parameterCount: 3234,
      backend: 'wasm',
      layers,
      weights: layers.map((l) => ({ name: `${l.name}/kernel`, shape: [33, l.outputShape[1]!], mean: round(rand() * 0.01), std: round(0.1 + rand() * 0.1), min: -0.5, max: 0.5 })),
    },
    gates: rand() < 0.5 ? [] : [{ name: 'AUC at least 0.8', passed: auc >= 0.8, metric: 'auc', op: '>=', threshold: 0.8, value: auc }],
    git: { commit: '8432740cbe8a1f5e0c1f3a1a2b2c3d4e5f607182', branch: 'main', dirty: rand() < 0.3 },
    environment: { libraries: { modelbook: '0.1.0', '@tensorflow/tfjs': '4.22.0', arquero: '8.0.3' }, backend: 'wasm', runtime: 'node v20.20.2', platform: 'linux-x64' },
    tags: rand() < 0.2 ? ['baseline'] : [],
    notes: '',
  };
}

function time<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
}

/** CPU time (user + system, ms) of this process for fn: what contention from other processes hardly changes. */
function cpu<T>(fn: () => T): [T, number] {
  const c = process.cpuUsage();
  const r = fn();
  const d = process.cpuUsage(c);
  return [r, (d.user + d.system) / 1000];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (v: number) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;
const gc = (globalThis as { gc?: () => void }).gc;

/** Python: read + json.load every file, then the same filter and sort (pure stdlib). */
function pythonReference(dir: string): { open: number; openCpu: number; query: number; matched: number } | string {
  const script = `
import json, os, sys, time
d = sys.argv[1]
t = time.perf_counter()
c = time.process_time()
runs = []
for n in sorted(os.listdir(d)):
    if n.endswith('.json') and not n.startswith('.'):
        with open(os.path.join(d, n), encoding='utf-8') as f:
            runs.append(json.load(f))
t_open = time.perf_counter() - t
c_open = time.process_time() - c
t = time.perf_counter()
m = [r for r in runs if r['metrics'].get('auc') is not None and r['metrics']['auc'] > 0.8 and isinstance(r['params'].get('lr'), (int, float)) and r['params']['lr'] <= 0.01]
m.sort(key=lambda r: -r['metrics']['auc'])
t_query = time.perf_counter() - t
print(json.dumps({'open': t_open * 1000, 'openCpu': c_open * 1000, 'query': t_query * 1000, 'matched': len(m)}))`;
  if (!fs.existsSync('/usr/bin/python3')) return 'skipped: /usr/bin/python3 not installed';
  const r = spawnSync('/usr/bin/python3', ['-c', script, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) return `skipped: python reference failed: ${r.stderr.trim().split('\n').pop()}`;
  return JSON.parse(r.stdout);
}

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-bench-runs-'));
  const largest = Math.max(...SIZES);
  const source = ensureRunFolders(path.join(root, `ws-${largest}`));
  const start = Date.UTC(2026, 0, 1);
  const [bytes, genMs] = time(() => {
    let total = 0;
    for (let i = 0; i < largest; i++) {
      const r = makeRun(i, start);
      const text = stringifyRunRecord(r);
      total += text.length;
      fs.writeFileSync(path.join(source, `${r.id}.json`), text);
    }
    return total;
  });
  const names = fs.readdirSync(source).sort();
  console.log(`generated ${largest} run files in ${ms(genMs)} (mean ${(bytes / largest / 1024).toFixed(1)} KB, ${(bytes / 2 ** 20).toFixed(0)} MB in all) under ${root}`);
  console.log(`query: filter '${FILTER}', sort '${SORT}'\n`);
  console.log('wall-clock times (inflated when the machine is busy), and CPU time of the process for the opens:');
  console.log(
    'runs    open (sync)  open CPU  open (async)  open (cached)  read+parse only  heap    query    table page  csv (matched)  applyChange  refresh  | python open  python CPU  python query  ratio wall  ratio CPU',
  );
  for (const size of SIZES) {
    const ws = size === largest ? path.dirname(path.dirname(source)) : path.join(root, `ws-${size}`);
    if (size !== largest) {
      const dir = ensureRunFolders(ws);
      for (const n of names.slice(0, size)) fs.linkSync(path.join(source, n), path.join(dir, n));
    }
    const runs = path.join(ws, '.modelbook', 'runs');
    const rawTimes: number[] = [];
    for (let k = 0; k < 3; k++)
      rawTimes.push(
        time(() => {
          for (const n of fs.readdirSync(runs)) if (!n.startsWith('.')) JSON.parse(fs.readFileSync(path.join(runs, n), 'utf8'));
        })[1],
      );
    const opens: number[] = [];
    const cpus: number[] = [];
    let index!: RunIndex;
    for (let k = 0; k < 3; k++) {
      gc?.();
      [[index, opens[k]], cpus[k]] = cpu(() => time(() => RunIndex.openSync(ws)));
    }
    gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    const [kept] = time(() => RunIndex.openSync(ws));
    gc?.();
    const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
    const [, asyncMs] = await timeAsync(() => RunIndex.open(ws));
    const cacheFile = path.join(root, `cache-${size}.json`);
    RunIndex.openSync(ws, { cacheFile });
    const cachedOpens: number[] = [];
    for (let k = 0; k < 3; k++) cachedOpens[k] = time(() => RunIndex.openSync(ws, { cacheFile }))[1];
    const queries: number[] = [];
    let result = index.query({ filter: FILTER, sort: SORT });
    for (let k = 0; k < 5; k++) [result, queries[k]] = time(() => index.query({ filter: FILTER, sort: SORT }));
    const [, pageMs] = time(() => buildRunTable(result.rows.slice(0, 100)));
    const [, csvMs] = time(() => toRunsCsv(result.rows));
    const one = path.join(runs, names[0]);
    fs.utimesSync(one, new Date(), new Date());
    const [, changeMs] = time(() => index.applyChange(one, 'changed'));
    const [, refreshMs] = time(() => index.refresh());
    const py = pythonReference(runs);
    const open = median(opens);
    const openCpu = median(cpus);
    const pyCols =
      typeof py === 'string'
        ? py
        : `${ms(py.open).padStart(11)}  ${ms(py.openCpu).padStart(10)}  ${ms(py.query).padStart(12)}  ${`${(open / py.open).toFixed(2)}×`.padStart(10)}  ${`${(openCpu / py.openCpu).toFixed(2)}×`.padStart(9)} (ours/python)`;
    if (typeof py !== 'string' && py.matched !== result.matched) throw new Error(`python matched ${py.matched}, we matched ${result.matched}`);
    console.log(
      `${String(size).padEnd(6)}  ${ms(open).padStart(11)}  ${ms(openCpu).padStart(8)}  ${ms(asyncMs).padStart(12)}  ${ms(median(cachedOpens)).padStart(13)}  ${ms(median(rawTimes)).padStart(15)}  ${`${heapMb.toFixed(0)} MB`.padStart(6)}  ${ms(median(queries)).padStart(7)}  ${ms(pageMs).padStart(10)}  ${ms(csvMs).padStart(13)}  ${ms(changeMs).padStart(11)}  ${ms(refreshMs).padStart(7)}  | ${pyCols}`,
    );
    if (size === 10_000) {
      const c = median(cachedOpens);
      console.log(
        `        target: 10,000 runs open in under 1 s → reading every file: wall ${ms(open)} (${open < 1000 ? 'met' : 'not met'}), CPU ${ms(openCpu)} (${openCpu < 1000 ? 'met' : 'not met'}); with the summary cache: wall ${ms(c)} (${c < 1000 ? 'met' : 'not met'}). ${result.matched} runs matched`,
      );
    }
    void kept;
  }
  if (process.env.KEEP_RUNS) console.log(`kept the generated workspaces in ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
}

void main();
