/**
 * The Model Diff panel's pipeline steps (by name: added, removed, moved, replaced), the checkpoints
 * of each side's session with any lifecycle override, and its environment table listing every
 * entry of both sides with the differences marked.
 */
import type { CheckpointState, DiffPair } from '../../src/core/review/contract';
import { checkpointStateText, environmentEntries, overrideText, pipelineStepText } from '../../src/core/review/structureText';
import { h } from '../shared/evaluationParts';
import { findingAttrs, grid } from './sections';

/** Pipeline steps of base and head, one row per step name; nothing when neither side recorded its pipeline. */
export function pipelineSection(doc: Document, pair: DiffPair, i: number): HTMLElement | undefined {
  const steps = pair.pipeline;
  if (!steps?.length) return undefined;
  return h(
    doc,
    'section',
    { id: `pipeline-${i}`, class: 'pipeline' },
    h(doc, 'h3', {}, 'Pipeline steps'),
    grid(
      doc,
      'pipeline-steps',
      ['Step', 'Base', 'Head', 'Change'],
      steps.map((s) => [
        h(doc, 'code', {}, s.name),
        s.base ? `${s.base.index + 1}. ${s.base.kind}` : '—',
        s.head ? `${s.head.index + 1}. ${s.head.kind}` : '—',
        h(doc, s.change === 'unchanged' ? 'span' : 'strong', s.change === 'unchanged' ? { class: 'muted' } : {}, pipelineStepText(s)),
      ]),
      [],
      steps.map((s) => findingAttrs(pair, { class: s.change === 'unchanged' ? '' : 'step-changed', 'data-step': s.name })),
    ),
  );
}

/** Every environment entry of both sides; those that differ in bold and marked. */
export function environmentGrid(doc: Document, pair: DiffPair): HTMLElement {
  const entries = environmentEntries(pair);
  return grid(
    doc,
    'environment',
    ['Library', 'Base', 'Head', ''],
    entries.map((x) => [x.name, x.base ?? '—', h(doc, x.changed ? 'strong' : 'span', {}, x.head ?? '—'), x.changed ? h(doc, 'span', { class: 'muted' }, 'differs') : '']),
    [],
    entries.map((x): Record<string, string> => (x.changed ? { class: 'env-changed' } : {})),
  );
}

const STATE_CLASS: Record<CheckpointState, string> = { passed: 'pass', failed: 'fail', 'not-run': 'muted' };

/** Each checkpoint id passed / failed / not run on base and head, and the lifecycle overrides with their reasons; nothing when neither side ran a checkpoint. */
export function checkpointsSection(doc: Document, pair: DiffPair, i: number): HTMLElement | undefined {
  const c = pair.checkpoints;
  if (!c) return undefined;
  const state = (s: CheckpointState) => h(doc, 'span', { class: STATE_CLASS[s] }, checkpointStateText(s));
  return h(
    doc,
    'section',
    { id: `checkpoints-${i}`, class: 'checkpoints' },
    h(doc, 'h3', {}, 'Checkpoints'),
    grid(
      doc,
      'checkpoints',
      ['Checkpoint', 'Base', 'Head', ''],
      c.rows.map((r) => [h(doc, 'code', {}, r.id), state(r.base), state(r.head), r.problem ? h(doc, 'span', { class: 'muted' }, r.problem) : '']),
      [],
      c.rows.map((r) => ({ 'data-checkpoint': r.id })),
    ),
    ...c.overrides.map((o) => h(doc, 'p', { class: 'lifecycle-override' }, h(doc, 'strong', { class: 'fail' }, 'Lifecycle override'), ` — ${overrideText(o)}`)),
  );
}
