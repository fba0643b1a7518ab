/**
 * How the pipeline steps, data-quality findings and environment entries of a model diff read, the
 * same in the text, Markdown and HTML reports and the Model Diff panel.
 */
import type { CardChange, CheckpointState, DataChange, DiffPair, EnvironmentEntry, LifecycleOverride, PipelineStepChange } from './contract';

/**
 * What happened to one pipeline step, 1-based positions: 'added at 1 (SimpleImputer)',
 * 'moved 2 → 1', 'LogisticRegression → RandomForestClassifier', 'unchanged'.
 *
 * @example
 * pipelineStepText({ name: 'scale', change: 'moved', base: { index: 1, kind: 'StandardScaler' }, head: { index: 0, kind: 'StandardScaler' } }) // 'moved 2 → 1'
 */
export function pipelineStepText(s: PipelineStepChange): string {
  switch (s.change) {
    case 'added':
      return `added at ${s.head!.index + 1} (${s.head!.kind})`;
    case 'removed':
      return `removed from ${s.base!.index + 1} (${s.base!.kind})`;
    case 'moved':
      return `moved ${s.base!.index + 1} → ${s.head!.index + 1}${s.base!.kind !== s.head!.kind ? `, ${s.base!.kind} → ${s.head!.kind}` : ''}`;
    case 'changed':
      return `${s.base!.kind} → ${s.head!.kind}`;
    case 'unchanged':
      return 'unchanged';
    default:
      return s.change satisfies never;
  }
}

/**
 * The pipeline's changed steps, or nothing when no step was added, removed, moved or replaced.
 *
 * @example
 * changedSteps(pair).map((s) => `${s.name} ${pipelineStepText(s)}`) // ['impute added at 1 (SimpleImputer)']
 */
export function changedSteps(p: Pick<DiffPair, 'pipeline'>): PipelineStepChange[] {
  return (p.pipeline ?? []).filter((s) => s.change !== 'unchanged');
}

/**
 * A data set's finding changes in one line: '+ missing: age; − duplicateRows', 'none changed', or
 * 'not checked' when a side did not record its findings.
 *
 * @example
 * findingsText({ findingsAppeared: ['missing: age'], findingsGone: [], findingsCompared: true }) // '+ missing: age'
 */
export function findingsText(d: Pick<DataChange, 'findingsAppeared' | 'findingsGone' | 'findingsCompared'>): string {
  const moved = [...d.findingsAppeared.map((x) => `+ ${x}`), ...d.findingsGone.map((x) => `− ${x}`)];
  if (moved.length) return moved.join('; ');
  return d.findingsCompared === undefined ? '' : d.findingsCompared ? 'none changed' : 'not checked';
}

/**
 * Every environment entry with its differences marked: the pair's full list, or (diffs written
 * before it existed) its changed entries.
 *
 * @example
 * environmentEntries(pair).filter((e) => e.changed) // what differs
 */
export function environmentEntries(p: Pick<DiffPair, 'environment' | 'environmentAll'>): EnvironmentEntry[] {
  return p.environmentAll ?? p.environment.map((e) => ({ ...e, changed: true }));
}

/**
 * The model card's change in one line (every renderer prints it): the sections that changed, the
 * problem, and required prose missing on head.
 *
 * @example
 * cardChangeText(pair.card!) // 'sections changed: Metrics, Intended Use; missing prose on head: ethicalConsiderations.prose'
 */
export function cardChangeText(c: CardChange): string {
  const parts = [c.changed.length ? `sections changed: ${c.changed.map((x) => x.title).join(', ')}` : 'no section changed'];
  if (c.problemChanged) parts.push('the problem definition changed');
  if (c.missingHead.length) parts.push(`missing prose on head: ${c.missingHead.join(', ')}`);
  return parts.join('; ');
}

/**
 * A checkpoint's state on one side, as every renderer prints it.
 *
 * @example
 * checkpointStateText('not-run') // 'not run'
 */
export function checkpointStateText(s: CheckpointState): string {
  return s === 'passed' ? '✓ passed' : s === 'failed' ? '✗ failed' : 'not run';
}

/**
 * A lifecycle override in one line: which side, which step, what was missing, and the reason.
 *
 * @example
 * overrideText({ side: 'head', step: 'export', missing: ['fairness'], reason: 'demo build', runId }) // 'head: export overridden (missing fairness): “demo build”'
 */
export function overrideText(o: LifecycleOverride & { side: 'base' | 'head' }): string {
  return `${o.side}: ${o.step} overridden (missing ${o.missing.length ? o.missing.join(', ') : 'nothing'}): “${o.reason}”`;
}
