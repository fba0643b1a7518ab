import type { LifecycleCheck, LifecycleConfig, LifecycleStep } from '../checkpoints/contract';
import type { RunRecord } from '../runs/contract';
import { lifecycleMessage } from './messages';

const newer = (a: RunRecord, b: RunRecord | undefined) => !b || a.startedAt > b.startedAt || (a.startedAt === b.startedAt && a.id > b.id);

/**
 * The latest checkpoint run of each id among `runs` (checkpoint-kind runs only; the lifecycle's
 * own `lifecycle:*` records are left out).
 *
 * @example
 * latestCheckpoints(runs).get('split-before-fit')?.params.passed // true
 */
export function latestCheckpoints(runs: readonly RunRecord[]): Map<string, RunRecord> {
  const latest = new Map<string, RunRecord>();
  for (const r of runs) if (r.kind === 'checkpoint' && !r.name.startsWith('lifecycle:') && newer(r, latest.get(r.name))) latest.set(r.name, r);
  return latest;
}

/** A checkpoint run's verdict: passed only when the check ran to the end and said so. */
export function checkpointPassed(r: RunRecord): boolean {
  return r.status === 'finished' && r.params.passed === true;
}

function failedDetail(r: RunRecord): string {
  const problems = r.params.problems;
  const first = Array.isArray(problems) ? (problems[0] as { what?: unknown } | undefined) : undefined;
  if (first && typeof first.what === 'string') return first.what;
  if (r.error?.message) return r.error.message;
  const gate = r.gates.find((g) => !g.passed)?.detail;
  return gate ?? lifecycleMessage.failedNoDetail(r.name);
}

/**
 * The gate before a step: for each checkpoint id the config requires, the latest checkpoint run of
 * that id among `runs` (the notebook's current runs); `not-run` when there is none, `failed` when
 * it did not pass. Pure.
 *
 * @example
 * checkLifecycle({ export: ['data-quality', 'fairness'] }, 'export', runs)
 * // { step: 'export', required: ['data-quality', 'fairness'], missing: [{ id: 'fairness', reason: 'not-run', detail: '…' }], passed: false }
 */
export function checkLifecycle(config: LifecycleConfig, step: LifecycleStep, runs: readonly RunRecord[]): LifecycleCheck {
  const required = [...new Set(config[step] ?? [])];
  const latest = latestCheckpoints(runs);
  const missing: LifecycleCheck['missing'] = [];
  for (const id of required) {
    const r = latest.get(id);
    if (!r) missing.push({ id, reason: 'not-run', detail: lifecycleMessage.notRun(id) });
    else if (!checkpointPassed(r)) missing.push({ id, reason: 'failed', detail: failedDetail(r) });
  }
  return { step, required, missing, passed: missing.length === 0 };
}

/** A step refused by the lifecycle gate (the CLI exits 1 on it). */
export class LifecycleRefusedError extends Error {
  override name = 'LifecycleRefusedError';
}

/**
 * The refusal's text: what was refused, each missing checkpoint with its fix, and how to override.
 *
 * @example
 * lifecycleRefusal('exportModel', check, lifecycleMessage.overrideInCell)
 */
export function lifecycleRefusal(what: string, check: LifecycleCheck, override: string): string {
  return lifecycleMessage.refused(
    what,
    check.step,
    check.missing.map((m) => lifecycleMessage.missingLine(m.id, m.reason, m.detail)),
    override,
  );
}

/**
 * An override's reason, trimmed; an empty one is refused (a reviewer must read why).
 *
 * @example
 * checkOverrideReason('  demo for the team  ', 'exportModel') // 'demo for the team'
 */
export function checkOverrideReason(reason: unknown, where: string): string {
  if (typeof reason !== 'string' || reason.trim() === '') throw new RangeError(lifecycleMessage.emptyReason(where));
  return reason.trim();
}
