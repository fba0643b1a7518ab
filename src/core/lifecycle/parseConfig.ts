import type { LifecycleConfig, LifecycleStep } from '../checkpoints/contract';
import { lifecycleMessage } from './messages';

const STEPS: readonly LifecycleStep[] = ['export', 'promote'];

/**
 * A lifecycle declaration as found in a file (`metadata.modelbook.lifecycle` of a notebook, or
 * `lifecycle` of `.modelbook/governance.json`), checked: an object whose `export` and `promote`
 * are lists of checkpoint ids. Ids a team defined itself are allowed; they only have to be
 * non-empty strings. A bad value throws a RangeError naming the file, the field and the fix.
 *
 * @example
 * parseLifecycleConfig({ export: ['data-quality'] }, 'churn.mlnb', 'metadata.modelbook.lifecycle') // { export: ['data-quality'] }
 */
export function parseLifecycleConfig(value: unknown, file: string, field: string): LifecycleConfig {
  const bad = (why: string) => new RangeError(lifecycleMessage.badConfig(file, field, why));
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw bad(lifecycleMessage.notAnObject);
  const config: LifecycleConfig = {};
  for (const [key, ids] of Object.entries(value as Record<string, unknown>)) {
    if (!STEPS.includes(key as LifecycleStep)) throw bad(lifecycleMessage.unknownStep(key));
    if (!Array.isArray(ids) || !ids.every((x) => typeof x === 'string')) throw bad(lifecycleMessage.notIdList(key));
    if (ids.some((x: string) => x.trim() === '')) throw bad(lifecycleMessage.emptyId(key));
    config[key as LifecycleStep] = [...new Set(ids as string[])];
  }
  return config;
}

/**
 * The lifecycle a notebook declares in its metadata (`metadata.modelbook.lifecycle`), or
 * undefined when it declares none.
 *
 * @example
 * notebookLifecycle(nb.metadata, 'churn.mlnb') // { export: ['data-quality', 'fairness'] }
 */
export function notebookLifecycle(metadata: Record<string, unknown>, file: string): LifecycleConfig | undefined {
  const mb = metadata.modelbook;
  if (typeof mb !== 'object' || mb === null || !('lifecycle' in mb)) return undefined;
  return parseLifecycleConfig((mb as { lifecycle: unknown }).lifecycle, file, 'metadata.modelbook.lifecycle');
}

/**
 * The union of several declarations (notebook and workspace): each step requires every id any of
 * them requires, in the order first named.
 *
 * @example
 * mergeLifecycle({ export: ['a'] }, { export: ['b', 'a'], promote: ['c'] }) // { export: ['a', 'b'], promote: ['c'] }
 */
export function mergeLifecycle(...configs: (LifecycleConfig | undefined)[]): LifecycleConfig {
  const out: LifecycleConfig = {};
  for (const step of STEPS) {
    const ids = [...new Set(configs.flatMap((c) => c?.[step] ?? []))];
    if (ids.length) out[step] = ids;
  }
  return out;
}
