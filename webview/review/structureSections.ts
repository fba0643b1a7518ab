/**
 * The Model Diff panel's pipeline steps (by name: added, removed, moved, replaced) and its
 * environment table listing every entry of both sides with the differences marked.
 */
import type { DiffPair } from '../../src/core/review/contract';
import { environmentEntries, pipelineStepText } from '../../src/core/review/structureText';
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
