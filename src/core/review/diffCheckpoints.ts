import { checkpointPassed, latestCheckpoints } from '../lifecycle/checkLifecycle';
import type { RunRecord } from '../runs/contract';
import { lifecycleOverrides } from '../lifecycle/overrides';
import type { CheckpointChange, CheckpointState } from './contract';
import type { DiffEvaluation } from './diffModels';

function stateOf(r: RunRecord | undefined): CheckpointState {
  return r === undefined ? 'not-run' : checkpointPassed(r) ? 'passed' : 'failed';
}

function firstProblem(r: RunRecord | undefined): string | undefined {
  const p = Array.isArray(r?.params.problems) ? (r.params.problems[0] as { what?: unknown } | undefined) : undefined;
  return typeof p?.what === 'string' ? p.what : undefined;
}

/**
 * The checkpoints of a pair, when either side's session recorded any: per checkpoint id, passed /
 * failed / not run on each side (the latest run of the id in that side's session), head's first
 * problem where it did not pass, and the lifecycle overrides of each side with their reasons.
 *
 * @example
 * diffCheckpoints(base, head)?.rows // [{ id: 'fairness', base: 'passed', head: 'failed', problem: 'gap 0.12 on sex' }]
 */
export function diffCheckpoints(base: DiffEvaluation, head: DiffEvaluation): CheckpointChange | undefined {
  if (!base.checkpointRuns?.length && !head.checkpointRuns?.length) return undefined;
  const b = latestCheckpoints(base.checkpointRuns ?? []);
  const h = latestCheckpoints(head.checkpointRuns ?? []);
  const ids = [...new Set([...b.keys(), ...h.keys()])];
  const rows = ids.map((id) => {
    const title = h.get(id)?.params.title ?? b.get(id)?.params.title;
    const head = stateOf(h.get(id));
    const problem = head === 'failed' ? firstProblem(h.get(id)) : undefined;
    return { id, ...(typeof title === 'string' ? { title } : {}), base: stateOf(b.get(id)), head, ...(problem ? { problem } : {}) };
  });
  const overrides = [
    ...lifecycleOverrides(base.checkpointRuns ?? []).map((o) => ({ side: 'base' as const, ...o })),
    ...lifecycleOverrides(head.checkpointRuns ?? []).map((o) => ({ side: 'head' as const, ...o })),
  ];
  return { rows, overrides };
}
