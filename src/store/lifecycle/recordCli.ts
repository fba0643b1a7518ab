import type { LifecycleCheck } from '../../core/checkpoints/contract';
import { recordLifecycleRun } from '../../core/lifecycle/lifecycleRun';
import type { RunRecord } from '../../core/runs/contract';
import { openRunRecorder } from '../runs/recorder';

/**
 * Records a lifecycle step taken outside a kernel (`modelbook export`, `modelbook retrain
 * --promote`) as a `lifecycle:<step>` checkpoint run in the workspace, stamped with the notebook and
 * session of the run it concerns, so it sits among that session's runs. Recording is best effort:
 * the step has happened; undefined when the record could not be written.
 *
 * @example
 * recordCliLifecycle(workspace, evaluationRecord, check, { reason: 'hotfix', package: manifest.contentHash })?.id
 */
export function recordCliLifecycle(workspace: string, subject: Pick<RunRecord, 'notebook' | 'session'>, check: LifecycleCheck, extra: { reason?: string; package?: string }): RunRecord | undefined {
  let recorder;
  try {
    recorder = openRunRecorder(workspace, {
      context: () => ({ ...(subject.notebook ? { notebook: subject.notebook } : {}), ...(subject.session ? { session: subject.session } : {}) }),
      markInterruptedOnExit: false,
    });
    return recordLifecycleRun(recorder, check, extra);
  } catch {
    return undefined;
  } finally {
    recorder?.dispose();
  }
}
