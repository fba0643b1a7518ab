import type { RunRecord } from '../runs/contract';

/** A lifecycle step (export, promote) taken although required checkpoints were missing. */
export interface RecordedOverride {
  step: string;
  reason: string;
  missing: string[];
  runId: string;
}

/**
 * The lifecycle steps taken although checkpoints were missing, among checkpoint runs: each
 * `lifecycle:<step>` run with `params.overridden`, with its reason and what was missing.
 *
 * @example
 * lifecycleOverrides(runs) // [{ step: 'export', reason: 'demo build', missing: ['fairness'], runId: '01J…' }]
 */
export function lifecycleOverrides(runs: readonly RunRecord[]): RecordedOverride[] {
  return runs
    .filter((r) => r.kind === 'checkpoint' && r.name.startsWith('lifecycle:') && r.params.overridden === true)
    .map((r) => ({
      step: r.name.slice('lifecycle:'.length),
      reason: typeof r.params.reason === 'string' ? r.params.reason : '',
      missing: Array.isArray(r.params.missing) ? r.params.missing.filter((x): x is string => typeof x === 'string') : [],
      runId: r.id,
    }));
}
