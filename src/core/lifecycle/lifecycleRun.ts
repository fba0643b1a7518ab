import type { LifecycleCheck } from '../checkpoints/contract';
import type { GateResult, RunRecord, RunRecorder, StartRunOptions } from '../runs/contract';
import { lifecycleMessage } from './messages';

/** What the manifest records of the gate at export (see `PackageManifest.lifecycle`). */
export interface ManifestLifecycle {
  required: string[];
  missing: string[];
  overridden?: { reason: string };
}

/**
 * The manifest's `lifecycle` field for a gate that let the export through: what was required,
 * what was missing, and the override's reason when something was.
 *
 * @example
 * manifestLifecycle(check, 'demo build for the sales team') // { required: ['fairness'], missing: ['fairness'], overridden: { reason: '…' } }
 */
export function manifestLifecycle(check: LifecycleCheck, reason?: string): ManifestLifecycle {
  const missing = check.missing.map((m) => m.id);
  return { required: check.required, missing, ...(missing.length && reason ? { overridden: { reason } } : {}) };
}

/**
 * The `lifecycle:<step>` checkpoint run a step records (contract §1 and §3): passed when nothing
 * was missing, else overridden with the reason and what was missing; `package` is the content hash.
 *
 * @example
 * const { start, metrics, gates } = lifecycleRunParts(check, { reason, package: manifest.contentHash });
 */
export function lifecycleRunParts(check: LifecycleCheck, extra: { reason?: string; package?: string }): { start: StartRunOptions; metrics: { passed: number }; gates: GateResult[] } {
  const id = `lifecycle:${check.step}`;
  const overridden = !check.passed && extra.reason !== undefined;
  const problems = check.missing.map((m) => ({ what: `${m.id}: ${m.reason === 'not-run' ? 'not run' : 'failed'} (${m.detail})`, why: lifecycleMessage.gateWhy, fix: lifecycleMessage.gateFix(m.id) }));
  const params = {
    checkpoint: id,
    title: lifecycleMessage.runTitle(check.step),
    passed: check.passed,
    problems,
    checked: check.required.map((r) => lifecycleMessage.checkedLine(r, check.missing.find((m) => m.id === r)?.reason)),
    step: check.step,
    ...(overridden ? { overridden: true, reason: extra.reason, missing: check.missing.map((m) => m.id) } : {}),
    ...(extra.package ? { package: extra.package } : {}),
  };
  const detail = overridden ? lifecycleMessage.overriddenNote(extra.reason ?? '', params.missing ?? []) : (problems[0]?.what ?? 'passed');
  return { start: { name: id, kind: 'checkpoint', params }, metrics: { passed: check.passed ? 1 : 0 }, gates: [{ name: `checkpoint:${id}`, passed: check.passed, detail }] };
}

/**
 * Writes the `lifecycle:<step>` run on `recorder` (a kernel's, or one the CLI opened) and returns
 * its record.
 *
 * @example
 * recordLifecycleRun(recorder, check, { reason: 'demo for the team', package: manifest.contentHash }).id
 */
export function recordLifecycleRun(recorder: RunRecorder, check: LifecycleCheck, extra: { reason?: string; package?: string }): RunRecord {
  const parts = lifecycleRunParts(check, extra);
  const run = recorder.start(parts.start);
  run.addGates(parts.gates);
  run.finish(parts.metrics);
  run.flush();
  return run.record();
}
