// What a model diff reads (issue 11): `loadDiffSide` of two revisions of a repository with 1,000
// run files (target: `modelbook diff main HEAD` under 2 s, reading only what is paired), and the
// kept predictions of a 200,000-row binary evaluation: size on disk, encode, decode.
// Reference, same run: reading and JSON-parsing the same 1,000 record files from the work tree
// (no git, no validation): the floor of any reader.
// usage: node out/bench/reviewSide.bench.js [runs, default 1000]   (KEEP=1 keeps the repository)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { RunRecord } from '../src/core/runs/contract';
import { stringifyRunRecord } from '../src/core/runs/stringify';
import { createIdGenerator } from '../src/core/runs/ulid';
import { hashString16 } from '../src/core/data/fingerprint';
import { keepPredictions } from '../src/core/review/keepPredictions';
import { encodePredictions } from '../src/core/review/encodePredictions';
import { decodePredictions } from '../src/core/review/decodePredictions';
import { GitRevisions } from '../src/store/git/revisions';
import { loadDiffSide, type LoadedSide } from '../src/store/review/loadSide';

const RUNS = Number(process.argv[2] ?? 1000);
let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
const ids = createIdGenerator(rand);
const ms = (v: number) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
/** CPU ms of this process and its reaped children (git): what contention from other processes hardly changes (Linux). */
const cpuMs = (): number => {
  const own = process.cpuUsage();
  let children: number;
  try {
    const stat = fs.readFileSync('/proc/self/stat', 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    children = ((Number(f[13]) + Number(f[14])) * 1000) / 100; // cutime + cstime, in clock ticks of 1/100 s
  } catch {
    children = NaN;
  }
  return (own.user + own.system) / 1000 + children;
};
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
};

function predictions(n: number, shift: number) {
  const rowIds = Array.from({ length: n }, (_, i) => hashString16(`row ${i}`));
  const yScore = Float64Array.from({ length: n }, (_, i) => (((i + shift) * 7919) % 100_003) / 100_003);
  return keepPredictions({
    rowIds,
    identity: { kind: 'hash' },
    task: 'binary',
    classes: ['no', 'yes'],
    positiveLabel: 'yes',
    yTrue: rowIds.map((_, i) => (i % 3 ? 'yes' : 'no')),
    yPred: Array.from(yScore, (s) => (s >= 0.5 ? 'yes' : 'no')),
    yScore,
  });
}

function record(i: number, t0: number, kind: RunRecord['kind'], notebook: string, cellId: string, kept?: { rows: number }): RunRecord {
  const id = ids(t0 + i * 1000);
  const at = new Date(t0 + i * 1000).toISOString();
  return {
    version: 1,
    id,
    name: kind === 'evaluation' ? 'evaluate MLPClassifier' : `MLPClassifier #${i}`,
    kind,
    status: 'finished',
    startedAt: at,
    endedAt: at,
    heartbeatAt: at,
    notebook,
    cellId,
    params: { lr: 0.01, hidden: [64, 32] },
    metrics: { auc: 0.8 + rand() * 0.1, accuracy: 0.8 },
    history: { epoch: Array.from({ length: 50 }, (_, e) => e + 1), metrics: { loss: Array.from({ length: 50 }, (_, e) => 1 / (e + 1)) } },
    data: [],
    gates: [],
    environment: { libraries: { modelbook: '0.1.0' } },
    tags: [],
    notes: '',
    ...(kept ? { predictions: { path: `.modelbook/runs/${id}.predictions`, rows: kept.rows, totalRows: kept.rows, identity: { kind: 'hash' as const }, bytes: 0 } } : {}),
  };
}

const repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-bench-side-')));
const runs = path.join(repo, '.modelbook', 'runs');
fs.mkdirSync(runs, { recursive: true });
const git = (...a: string[]) =>
  execFileSync('git', ['-c', 'user.name=b', '-c', 'user.email=b@b', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...a], { cwd: repo, encoding: 'utf8' });

// 20 notebooks × 1 evaluation cell; most runs are fits; each commit's latest evaluation per notebook keeps 10k rows, one keeps 200k.
const t0 = Date.UTC(2026, 0, 1);
const write = (r: RunRecord, set?: ReturnType<typeof predictions>) => {
  fs.writeFileSync(path.join(runs, `${r.id}.json`), stringifyRunRecord(r));
  if (set) fs.writeFileSync(path.join(runs, `${r.id}.predictions`), encodePredictions(set));
};
const big = predictions(200_000, 0);
const small = predictions(10_000, 0);
git('init', '-q');
for (let i = 0; i < RUNS - 40; i++) write(record(i, t0, i % 5 === 0 ? 'evaluation' : 'fit', `nb-${i % 20}.mlnb`, 'eval'));
for (let k = 0; k < 20; k++) write(record(RUNS + k, t0, 'evaluation', `nb-${k}.mlnb`, 'eval', { rows: k === 0 ? 200_000 : 10_000 }), k === 0 ? big : small);
for (let k = 0; k < 20; k++) fs.writeFileSync(path.join(repo, `nb-${k}.mlnb`), `{"cells": [], "k": ${k}}`);
git('add', '.');
git('commit', '-q', '-m', 'base');
for (let k = 0; k < 20; k++) write(record(RUNS + 100 + k, t0, 'evaluation', `nb-${k}.mlnb`, 'eval', { rows: k === 0 ? 200_000 : 10_000 }), k === 0 ? predictions(200_000, 1) : predictions(10_000, 1));
git('add', '.');
git('commit', '-q', '-m', 'head');
const files = fs.readdirSync(runs).filter((n) => n.endsWith('.json'));
console.log(`repository: ${files.length} run files at HEAD (${files.length - 20} at HEAD~1), 20 notebooks; 1 evaluation per side keeps 200,000 rows, 19 keep 10,000`);

const [, floor] = time(() => {
  for (const f of files) JSON.parse(fs.readFileSync(path.join(runs, f), 'utf8'));
});
async function measure(): Promise<void> {
  for (let round = 0; round < 3; round++) {
    const cpu0 = cpuMs();
    const t = performance.now();
    const reader = GitRevisions.open(repo);
    let sides: LoadedSide[];
    try {
      sides = [await loadDiffSide(repo, 'HEAD~1', { git: reader }), await loadDiffSide(repo, 'main', { git: reader })];
    } finally {
      reader.dispose();
    }
    const both = performance.now() - t;
    const rows = sides.flatMap((s) => s.evaluations.map((e) => e.predictions?.rowIds.length ?? 0)).reduce((a, b) => a + b, 0);
    const cpu = cpuMs() - cpu0;
    console.log(
      `loadDiffSide HEAD~1 + main: ${ms(both)} wall, ${ms(cpu)} CPU incl. git [target < 2000 ms] (${sides[0]!.evaluations.length}+${sides[1]!.evaluations.length} evaluations, ${rows} prediction rows decoded); reference: read + JSON.parse ${files.length} files from disk ${ms(floor)}`,
    );
  }

  const [bytes, enc] = time(() => encodePredictions(big));
  const [, dec] = time(() => decodePredictions(bytes));
  const [, keep] = time(() => predictions(250_000, 0));
  console.log(
    `200,000-row binary predictions: ${(bytes.byteLength / 1e6).toFixed(2)} MB on disk (${(bytes.byteLength / 200_000).toFixed(1)} bytes/row); encode ${ms(enc)}, decode ${ms(dec)}; keepPredictions sampling 250,000 → 200,000 rows (incl. building the rows) ${ms(keep)}`,
  );
  const packed = execFileSync('sh', ['-c', 'git count-objects -vH'], { cwd: repo, encoding: 'utf8' }).match(/size: (.+)/)?.[1];
  console.log(`git object store after both commits (loose, zlib): ${packed}`);
  if (!process.env.KEEP) fs.rmSync(repo, { recursive: true, force: true });
  else console.log(`kept ${repo}`);
}

// A benchmark script: an unhandled failure should end it with the error.
void measure();
