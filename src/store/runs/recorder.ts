import os from 'node:os';
import path from 'node:path';
import type { RunArtifact, RunRecord, RunRecorder, RunSink } from '../../core/runs/contract';
import { createRunRecorder, type RecorderOptions } from '../../core/runs/recorder';
import { stringifyRunRecord } from '../../core/runs/stringify';
import { writeRunFile } from './writeFile';
import { ARTIFACTS_DIR, PREDICTIONS_EXT, RUNS_DIR, artifactsFolder, ensureRunFolders, runsFolder } from './paths';
import type { PredictionSet } from '../../core/review/contract';
import { encodePredictions } from '../../core/review/encodePredictions';
import { runMessage } from '../../core/runs/messages';

/** A recorder that writes files; `dispose()` stops watching for process exit. */
export interface FileRunRecorder extends RunRecorder {
  readonly workspaceDir: string;
  readonly runsDir: string;
  dispose(): void;
}

export type OpenRecorderOptions = Omit<RecorderOptions, 'sink' | 'host'> & {
  /** Mark runs still open when the process exits as interrupted (sync write in 'exit'). Default true. */
  markInterruptedOnExit?: boolean;
};

/**
 * A file sink: each write replaces `.modelbook/runs/<id>.json` atomically (temp file, fsync,
 * rename), so a reader — or a crash — never sees half a record; an evaluation's kept predictions
 * go beside it as `<id>.predictions` (committed with it: a pull request carries both sides of a diff).
 *
 * @example
 * createFileSink('/work/churn').write(record)
 */
export function createFileSink(workspaceDir: string): RunSink {
  const runs = ensureRunFolders(workspaceDir);
  return {
    write(record: RunRecord) {
      writeRunFile(path.join(runs, `${record.id}.json`), stringifyRunRecord(record));
    },
    saveArtifact(runId: string, name: string, content: string | Uint8Array): RunArtifact {
      const file = path.join(artifactsFolder(workspaceDir, runId), ...name.split(/[\\/]/));
      writeRunFile(file, content);
      const bytes = typeof content === 'string' ? Buffer.byteLength(content) : content.byteLength;
      return { name, path: `${ARTIFACTS_DIR}/${runId}/${name.split(/[\\/]/).join('/')}`, bytes };
    },
    savePredictions(runId: string, set: PredictionSet) {
      const bytes = encodePredictions(set);
      writeRunFile(path.join(runs, `${runId}${PREDICTIONS_EXT}`), bytes);
      return { path: `${RUNS_DIR}/${runId}${PREDICTIONS_EXT}`, bytes: bytes.byteLength };
    },
  };
}

/**
 * Opens the recorder of a workspace: records go to `.modelbook/runs/` (created with a
 * `.modelbook/.gitignore` for artefacts), stamped with this host and pid (for interrupted-run
 * detection) and the Node version. Runs still open when the process exits are marked interrupted.
 *
 * @example
 * const recorder = openRunRecorder(workspaceDir, { context: () => ({ notebook: 'churn.mlnb', cellId, codeHash, git }) });
 * const run = recorder.start({ name: 'LogisticRegression', kind: 'fit', params: model.spec().params });
 */
export function openRunRecorder(workspaceDir: string, options: OpenRecorderOptions = {}): FileRunRecorder {
  if (typeof workspaceDir !== 'string' || workspaceDir === '') throw new TypeError(runMessage.needs('openRunRecorder', 'the workspace folder (runs go to <workspace>/.modelbook/runs)'));
  const dir = path.resolve(workspaceDir);
  const { markInterruptedOnExit = true, ...rest } = options;
  const recorder = createRunRecorder({
    ...rest,
    sink: createFileSink(dir),
    host: { hostname: os.hostname(), pid: process.pid },
    environment: { runtime: `node ${process.version}`, platform: `${process.platform}-${process.arch}`, ...rest.environment },
  });
  const onExit = () => {
    for (const run of recorder.openRuns()) run.interrupt('the process exited before the run ended');
  };
  if (markInterruptedOnExit) process.on('exit', onExit);
  return Object.assign(recorder, {
    workspaceDir: dir,
    runsDir: runsFolder(dir),
    dispose: () => void process.off('exit', onExit),
  });
}
