import type { LifecycleCheck, LifecycleStep } from '../../core/checkpoints/contract';
import { checkLifecycle } from '../../core/lifecycle/checkLifecycle';
import type { RunIndex } from '../runs/runIndex';
import { currentCheckpointRuns } from './currentRuns';
import { lifecycleFor } from './lifecycleFor';

/**
 * The lifecycle gate before `step` for a notebook's session: undefined when nothing is required
 * (no declaration, or none for this step), else the verdict.
 *
 * @example
 * const check = lifecycleGate(index, 'churn.mlnb', run.session, 'export');
 * if (check && !check.passed) refuse(check.missing);
 */
export function lifecycleGate(index: RunIndex, notebook: string | undefined, session: string | undefined, step: LifecycleStep): LifecycleCheck | undefined {
  const config = lifecycleFor(index.workspaceDir, notebook);
  if (!config[step]?.length) return undefined;
  return checkLifecycle(config, step, notebook ? currentCheckpointRuns(index, notebook, session) : []);
}
