import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openRunRecorder } from '../../../../src/store/runs/recorder';
import { keepPredictions } from '../../../../src/core/review/keepPredictions';
import { hashString16 } from '../../../../src/core/data/fingerprint';
import type { PredictionSet } from '../../../../src/core/review/contract';

/** git in `repo` with a fixed identity (test-only: the code under test never runs git like this). */
export function gitIn(repo: string) {
  return (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: repo, encoding: 'utf8' }).trim();
}

/** A small binary prediction set whose predictions depend on `flip` (a model change). */
export function predictionSet(n: number, flip = 0): PredictionSet {
  const rowIds = Array.from({ length: n }, (_, i) => hashString16(`row ${i}`));
  const yScore = Float64Array.from({ length: n }, (_, i) => (((i + flip) * 7919) % 1000) / 1000);
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

/** Records one finished evaluation (with kept predictions) from `notebook`'s cell `cellId`; returns its id. */
export function recordEvaluation(ws: string, notebook: string, cellId: string, set: PredictionSet, name = 'evaluate model'): string {
  const recorder = openRunRecorder(ws, { context: { notebook, cellId }, markInterruptedOnExit: false });
  const run = recorder.start({ name, kind: 'evaluation', params: { C: 1 } });
  run.keepPredictions(set);
  run.finish({ auc: 0.8 });
  recorder.dispose();
  return run.id;
}

export function writeNotebook(ws: string, file: string, source: string): void {
  fs.mkdirSync(path.dirname(path.join(ws, file)), { recursive: true });
  fs.writeFileSync(
    path.join(ws, file),
    JSON.stringify({ cells: [{ cell_type: 'code', id: 'c1', metadata: {}, source, outputs: [], execution_count: null }], metadata: {}, nbformat: 4, nbformat_minor: 5 }),
  );
}
