import type { DataUse, RunRecord } from '../runs/contract';
import type { CheckpointOutcome, CheckpointProblem } from './contract';

/**
 * The top-level finished runs of the given kinds (a cross-validation's folds and a search's trials are part of their run).
 *
 * @example
 * topRuns(ctx.runs, ['fit', 'cv', 'search'])
 */
export function topRuns(runs: readonly RunRecord[], kinds: readonly RunRecord['kind'][]): RunRecord[] {
  return runs.filter((r) => r.parentId === undefined && r.status === 'finished' && kinds.includes(r.kind));
}

/**
 * The latest finished top-level run of a kind (runs come oldest first).
 *
 * @example
 * latestRun(ctx.runs, 'evaluation')?.id
 */
export function latestRun(runs: readonly RunRecord[], kind: RunRecord['kind']): RunRecord | undefined {
  return topRuns(runs, [kind]).at(-1);
}

/**
 * How a check names a run in its lines: kind, name and id.
 *
 * @example
 * runLabel(fit) // "fit Pipeline(LogisticRegression) 01JD…"
 */
export function runLabel(r: RunRecord): string {
  return `${r.kind} ${r.name} ${r.id}`;
}

/**
 * The run's data of a role, if it recorded one.
 *
 * @example
 * dataOf(fit, 'train')?.fingerprint.rows
 */
export function dataOf(r: RunRecord, role: DataUse['role']): DataUse | undefined {
  return r.data.find((d) => d.role === role);
}

/**
 * An outcome from its problems: passed when there are none.
 *
 * @example
 * outcome([], ['fit 01J…: fitted on the train part'], ['01J…'])
 */
export function outcome(problems: CheckpointProblem[], checked: string[], subject: string[]): CheckpointOutcome {
  return { passed: problems.length === 0, problems, checked, subject: [...new Set(subject)] };
}
