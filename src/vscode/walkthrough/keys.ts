/**
 * Which walkthrough context keys the run records justify. Pure (no `vscode`), so it is unit-tested
 * on plain records; walkthrough.ts sets the keys in VS Code.
 */

/** The parts of a run record (or index row) this reads; anything else may be anything. */
export interface WalkthroughRun {
  kind?: unknown;
  name?: unknown;
  status?: unknown;
  params?: unknown;
}

/** Set when any checkpoint run passed. */
export const CHECKPOINT_PASSED_KEY = 'modelbook.checkpointPassed';
/** Set when a cell exported a model (a `lifecycle:export` run). */
export const EXPORTED_KEY = 'modelbook.exported';
const CHECKPOINT_KEY_PREFIX = 'modelbook.checkpoint.';
// Ids a `when` clause can name as they are: a checkpoint id that is not one sets only the general key.
const KEY_SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;

/**
 * The context keys to set for these runs: `modelbook.checkpointPassed` and
 * `modelbook.checkpoint.<id>` for each passing checkpoint run, `modelbook.exported` for an export
 * recorded from a cell (lifecycle records are not checkpoints of their own). A run that is
 * malformed in any way counts for nothing; this never throws.
 *
 * @example
 * walkthroughKeys([{ kind: 'checkpoint', name: 'seeds-fixed', status: 'finished', params: { passed: true } }]);
 * // Set { 'modelbook.checkpointPassed', 'modelbook.checkpoint.seeds-fixed' }
 */
export function walkthroughKeys(runs: Iterable<WalkthroughRun | null | undefined>): Set<string> {
  const keys = new Set<string>();
  for (const run of runs) {
    if (typeof run !== 'object' || run === null || run.kind !== 'checkpoint' || run.status !== 'finished' || typeof run.name !== 'string') continue;
    const params = typeof run.params === 'object' && run.params !== null ? (run.params as Record<string, unknown>) : {};
    if (run.name === 'lifecycle:export') {
      if (params.passed === true || params.overridden === true) keys.add(EXPORTED_KEY);
      continue;
    }
    if (run.name.startsWith('lifecycle:') || params.passed !== true) continue;
    keys.add(CHECKPOINT_PASSED_KEY);
    if (KEY_SAFE_ID.test(run.name)) keys.add(CHECKPOINT_KEY_PREFIX + run.name);
  }
  return keys;
}
