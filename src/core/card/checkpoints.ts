import { checkpointPassed, latestCheckpoints } from '../lifecycle/checkLifecycle';
import { lifecycleOverrides } from '../lifecycle/overrides';
import type { PackageManifest } from '../package/contract';
import type { RunRecord } from '../runs/contract';
import type { CardCheckpoint, CardLifecycleOverride } from './contract';

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * What Caveats and Recommendations shows of the lifecycle: each checkpoint's latest result in the
 * evaluation's session (sorted by id, so the card's bytes do not depend on run order), and every
 * lifecycle override with its reason, from the `lifecycle:*` runs and the package manifest
 * (the same override recorded in both is shown once). Empty: no fields.
 *
 * @example
 * collectCardCheckpoints(runs, manifest) // { checkpoints: [{ id: 'fairness', passed: false, … }], lifecycleOverrides: [{ step: 'export', reason: '…', … }] }
 */
export function collectCardCheckpoints(runs: readonly RunRecord[], manifest?: PackageManifest): { checkpoints?: CardCheckpoint[]; lifecycleOverrides?: CardLifecycleOverride[] } {
  const checkpoints = [...latestCheckpoints(runs).values()]
    .map((r) => ({
      id: r.name,
      title: typeof r.params.title === 'string' ? r.params.title : r.name,
      passed: checkpointPassed(r),
      problems: Array.isArray(r.params.problems)
        ? r.params.problems.flatMap((p) => (p && typeof p === 'object' && typeof (p as { what?: unknown }).what === 'string' ? [(p as { what: string }).what] : []))
        : [],
      runId: r.id,
    }))
    .sort(byId);
  const overrides: CardLifecycleOverride[] = lifecycleOverrides(runs).map((o) => ({ step: o.step, reason: o.reason, missing: o.missing, source: o.runId }));
  const m = manifest?.lifecycle;
  if (m?.overridden && !overrides.some((o) => o.step === 'export' && o.reason === m.overridden!.reason))
    overrides.push({ step: 'export', reason: m.overridden.reason, missing: m.missing, source: 'manifest' });
  return { ...(checkpoints.length ? { checkpoints } : {}), ...(overrides.length ? { lifecycleOverrides: overrides } : {}) };
}
