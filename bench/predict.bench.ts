// `modelbook predict` on 1M rows (load the package + read CSV + predict + write CSV) against
// scikit-learn's pipeline.predict doing the same (pandas read_csv + predict + to_csv) on the same
// model: both sides fit impute → scale → one-hot → logistic regression on the same 20,000 rows
// (Modelbook's is exported as a package; scikit-learn's is fitted in the Python process, its fit
// not timed), and the predictions are compared. Ours is timed as the whole CLI process (Node start
// and package load included); scikit-learn's from read_csv to the written file (imports excluded).
// Rounds alternate the two sides; medians of wall and CPU time.
// ratio = scikit-learn time / Modelbook time (> 1 means Modelbook is faster).
// usage: node out/bench/predict.bench.js [rows] [rounds]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { benchDir, CATEGORICAL, exportChurnPackage, makeRows, NUMERIC, PYTHON, SKLEARN_PIPELINE, sklearnMissing, writeCsv } from './servingData';

const [rows, rounds] = [Number(process.argv[2] ?? 1_000_000), Number(process.argv[3] ?? 3)];
const CLI = path.resolve('dist', 'cli.js');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const SKLEARN = `${SKLEARN_PIPELINE}
import sys, time, json, resource
pipe = fit_pipeline(sys.argv[1])
c = time.process_time(); s = time.perf_counter()
x = pd.read_csv(sys.argv[2])
pred = pipe.predict(x[NUMERIC + CATEGORICAL])
pd.DataFrame({'row': range(len(pred)), 'prediction': pred}).to_csv(sys.argv[3], index=False)
print(json.dumps({'ms': (time.perf_counter() - s) * 1000, 'cpu': (time.process_time() - c) * 1000}))
`;

async function main(): Promise<void> {
  const dir = benchDir('predict');
  const trainRows = makeRows(20_000, 1);
  const trainCsv = path.join(dir, 'train.csv');
  writeCsv(trainCsv, trainRows, [...NUMERIC, ...CATEGORICAL, 'label']);
  const input = path.join(dir, `input-${rows}.csv`);
  if (!fs.existsSync(input)) writeCsv(input, makeRows(rows, 2), [...NUMERIC, ...CATEGORICAL]);
  const pkg = path.join(dir, 'churn');
  await exportChurnPackage(pkg, trainRows);
  console.log(`${rows.toLocaleString('en-US')} rows (${(fs.statSync(input).size / 1e6).toFixed(0)} MB CSV), ${rounds} rounds`);

  const missing = sklearnMissing();
  const ours: { ms: number; cpu: number }[] = [];
  const theirs: { ms: number; cpu: number }[] = [];
  for (let r = 0; r < rounds; r++) {
    const out = path.join(dir, 'ours.csv');
    const started = performance.now();
    const run = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, CLI, 'predict', pkg, input, '--out', out], { encoding: 'utf8' });
    const ms = performance.now() - started;
    if (run.status !== 0) throw new Error(`modelbook predict failed: ${run.stderr}`);
    const [user, sys] = run.stderr.trim().split('\n').pop()!.split(' ').map(Number);
    ours.push({ ms, cpu: (user + sys) * 1000 });
    if (missing) continue;
    const py = spawnSync(PYTHON, ['-c', SKLEARN, trainCsv, input, path.join(dir, 'sklearn.csv')], { encoding: 'utf8', maxBuffer: 1 << 24 });
    if (py.status !== 0) throw new Error(`scikit-learn failed: ${py.stderr}`);
    theirs.push(JSON.parse(py.stdout.trim().split('\n').pop()!) as { ms: number; cpu: number });
  }
  const o = { ms: median(ours.map((x) => x.ms)), cpu: median(ours.map((x) => x.cpu)) };
  console.log(`modelbook predict: ${(o.ms / 1000).toFixed(2)} s wall, ${(o.cpu / 1000).toFixed(2)} s CPU (${Math.round(rows / (o.ms / 1000)).toLocaleString('en-US')} rows/s)`);
  if (missing) {
    console.log(`scikit-learn reference skipped: ${missing}`);
    return;
  }
  const t = { ms: median(theirs.map((x) => x.ms)), cpu: median(theirs.map((x) => x.cpu)) };
  console.log(`scikit-learn read_csv + pipeline.predict + to_csv: ${(t.ms / 1000).toFixed(2)} s wall, ${(t.cpu / 1000).toFixed(2)} s CPU`);
  console.log(`ratio (scikit-learn / Modelbook): ${(t.ms / o.ms).toFixed(2)}× wall, ${(t.cpu / o.cpu).toFixed(2)}× CPU`);
  const a = fs.readFileSync(path.join(dir, 'ours.csv'), 'utf8').split('\n');
  const b = fs.readFileSync(path.join(dir, 'sklearn.csv'), 'utf8').split('\n');
  let differ = 0;
  for (let i = 1; i < a.length; i++) if (a[i].split(',')[1] !== b[i]?.split(',')[1]) differ++;
  console.log(`predictions that differ from scikit-learn's: ${differ} of ${rows.toLocaleString('en-US')}`);
}

void main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
