/**
 * `checkpoint()`, `defineCheckpoint()` and `checkpoints()` as cells call them. A checkpoint reads
 * this notebook's current runs (the runs of the kernel session now running) and what the kernel
 * still holds, shows a pass/fail block, and is recorded as a run of kind 'checkpoint'. When it
 * fails, the cell fails after showing why, so Run All and `modelbook run` stop before a later export.
 */
import { BUILTIN_CHECKPOINTS } from '../../core/checkpoints/builtins';
import type { CheckpointDefinition, CheckpointOutcome, CheckpointResult } from '../../core/checkpoints/contract';
import { CheckpointDisplay } from '../../core/checkpoints/display';
import type { KernelCheckpointContext } from '../../core/checkpoints/kernelFacts';
import { checkpointMessage } from '../../core/checkpoints/messages';
import { checkpointRecord } from '../../core/checkpoints/record';
import { kernelService } from '../../core/kernel/service';
import type { RunRecord } from '../../core/runs/contract';
import { runIndex } from './card';
import { recordCheckpoint } from './recording';
import { sessionFacts } from './sessionFacts';

const custom = new Map<string, CheckpointDefinition>();

function definitionOf(id: unknown): CheckpointDefinition {
  const found = BUILTIN_CHECKPOINTS.find((c) => c.id === id) ?? (typeof id === 'string' ? custom.get(id) : undefined);
  if (!found) throw new RangeError(checkpointMessage.unknownId(id, [...BUILTIN_CHECKPOINTS.map((c) => c.id), ...custom.keys()]));
  return found;
}

/** This notebook's runs of the running kernel session, oldest first (none outside a workspace). */
function currentRuns(): { notebook?: string; session?: string; runs: RunRecord[] } {
  const context = kernelService()?.runContext?.();
  const notebook = context?.notebook;
  const session = context?.session;
  if (!kernelService()?.workspaceDir) return { runs: [] };
  const idx = runIndex();
  const rows = idx.query({ ...(notebook ? { notebook } : {}), sort: '-startedAt' }).rows;
  const runs: RunRecord[] = [];
  for (const row of rows) {
    const record = idx.readRecord(row.id);
    // A notebook's sessions follow one another: the first older session's run ends this session's runs.
    if (record.session !== session) {
      if (record.parentId === undefined) break;
      continue;
    }
    runs.push(record);
  }
  return { ...(notebook ? { notebook } : {}), ...(session ? { session } : {}), runs: runs.reverse() };
}

function checkOutcome(id: string, v: unknown): CheckpointOutcome {
  const o = v as Partial<CheckpointOutcome> | undefined;
  const problemsOk = Array.isArray(o?.problems) && o.problems.every((p) => typeof p?.what === 'string' && typeof p.why === 'string' && typeof p.fix === 'string');
  if (typeof o?.passed !== 'boolean' || !problemsOk || !Array.isArray(o.checked) || o.checked.some((c) => typeof c !== 'string')) throw new TypeError(checkpointMessage.badOutcome(id));
  const subject = Array.isArray(o.subject) ? o.subject.filter((s): s is string => typeof s === 'string') : undefined;
  // A check that reports problems has not passed, whatever it said.
  return { passed: o.passed && o.problems!.length === 0, problems: o.problems!, checked: o.checked, ...(subject ? { subject } : {}) };
}

/**
 * Runs a checkpoint on this notebook's current runs: shows pass or fail with each problem's what,
 * why and fix, and records a run of kind 'checkpoint'. When it fails, the cell fails (after showing
 * the result) with an error listing the problems. Built-in ids: 'data-quality', 'split-before-fit',
 * 'seeds-fixed', 'beats-baseline', 'fairness', 'card-complete'; see `checkpoints()`.
 *
 * @example
 * await checkpoint('split-before-fit');
 * await checkpoint('beats-baseline', { metric: 'auc' });
 * await checkpoint('data-quality', { justify: { age: 'age is the risk factor the model must use' } });
 */
export async function checkpoint(id: string, options: Record<string, unknown> = {}): Promise<CheckpointResult & CheckpointDisplay> {
  const definition = definitionOf(id);
  if (typeof options !== 'object' || options === null || Array.isArray(options)) throw new TypeError(checkpointMessage.badOptions(definition.id));
  let outcome: CheckpointOutcome;
  try {
    const ctx: KernelCheckpointContext = { ...currentRuns(), options, kernel: sessionFacts() };
    outcome = checkOutcome(definition.id, await definition.check(ctx));
  } catch (e) {
    const message = checkpointMessage.threw(definition.id, (e as Error)?.message ?? String(e));
    recordCheckpoint(definition.id, undefined, message);
    throw new Error(message, { cause: e });
  }
  const result: CheckpointResult = { id: definition.id, title: definition.title, ...outcome };
  const runId = recordCheckpoint(definition.id, checkpointRecord(result));
  const shown = Object.assign(new CheckpointDisplay({ ...result, ...(runId ? { runId } : {}) }), result, runId ? { runId } : {});
  if (!result.passed) {
    kernelService()?.display(shown);
    throw new Error(checkpointMessage.failed(result.id, result.title, result.problems));
  }
  return shown;
}

/**
 * Adds a team's own checkpoint, recorded and shown like the built-ins. Its id must not be a
 * built-in's; defining the same id again replaces it (re-running the defining cell).
 *
 * @example
 * defineCheckpoint({
 *   id: 'no-postcode', title: 'No postcode feature', why: 'Postcodes stand in for ethnicity and income.',
 *   check: (ctx) => {
 *     const used = ctx.runs.some((r) => r.kind === 'fit' && r.data.some((d) => d.fingerprint.columns.some((c) => c.name === 'postcode')));
 *     return { passed: !used, checked: [`${ctx.runs.length} runs read`], problems: used ? [{ what: 'A fit used postcode.', why: '…', fix: "data.select(aq.not('postcode'))" }] : [] };
 *   },
 * });
 * await checkpoint('no-postcode');
 */
export function defineCheckpoint(definition: CheckpointDefinition): CheckpointDefinition {
  const d = definition as Partial<CheckpointDefinition> | undefined;
  for (const field of ['id', 'title', 'why'] as const) if (typeof d?.[field] !== 'string' || d[field].trim() === '') throw new TypeError(checkpointMessage.badDefinition(field));
  if (typeof d!.check !== 'function') throw new TypeError(checkpointMessage.badDefinition('check'));
  if (BUILTIN_CHECKPOINTS.some((c) => c.id === d!.id)) throw new RangeError(checkpointMessage.builtInClash(d!.id!));
  const own: CheckpointDefinition = { id: d!.id!, title: d!.title!, why: d!.why!, check: d!.check.bind(d) };
  custom.set(own.id, own);
  return own;
}

/**
 * Every checkpoint a cell can run: the built-ins, then the team's own, each with its title and why.
 *
 * @example
 * checkpoints() // [{ id: 'data-quality', title: 'Data quality', why: '…', builtIn: true }, …]
 */
export function checkpoints(): { id: string; title: string; why: string; builtIn: boolean }[] {
  return [...BUILTIN_CHECKPOINTS.map((c) => ({ id: c.id, title: c.title, why: c.why, builtIn: true })), ...[...custom.values()].map((c) => ({ id: c.id, title: c.title, why: c.why, builtIn: false }))];
}
