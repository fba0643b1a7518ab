/**
 * A worker thread that runs parts of a model diff's bootstrap (`ReplicateJob`s) and posts back
 * the replicates. It computes only from the arrays it is sent: no files, no workspace.
 */
import { parentPort } from 'node:worker_threads';
import { _runReplicateJob, type ReplicateJob } from '../../core/review/replicates';

parentPort?.on('message', (m: { id: number; job: ReplicateJob }) => {
  _runReplicateJob(m.job).then(
    (values) =>
      parentPort?.postMessage(
        { id: m.id, values },
        values.map((v) => v.buffer as ArrayBuffer),
      ),
    (e: unknown) => parentPort?.postMessage({ id: m.id, error: String((e as Error)?.message ?? e) }),
  );
});
