import type { DiffPair, DiffReview, DiffSide, DiffThread, MetricDelta } from './contract';
import type { JsonValue } from '../runs/contract';
import { formatNumber } from '../text/number';
import { formatDelta } from './verdict';

/** How a side reads in a heading: `main (3f2a1c9d04e1)` or `run 01J…`. */
export function sideLabel(s: DiffSide): string {
  if (s.kind === 'run') return `run ${s.runIds[0] ?? s.spec}`;
  return s.commit && s.commit !== s.spec ? `${s.spec} (${s.commit.slice(0, 12)})` : s.spec;
}

/** A pair's title: its run name, notebook and cell. */
export function pairTitle(p: DiffPair): string {
  const where = [p.notebook, p.cellId !== undefined ? `cell ${p.cellId}` : undefined].filter(Boolean).join(' · ');
  return where ? `${p.name} (${where})` : p.name;
}

/** A parameter value as it reads in a table: JSON for structures and strings, `—` when absent. */
export function paramText(v: JsonValue | undefined): string {
  if (v === undefined) return '—';
  return typeof v === 'number' ? formatNumber(v, { digits: 6 }) : JSON.stringify(v);
}

export const ciText = (m: { ci?: [number, number] | null }) => (m.ci ? `[${formatDelta(m.ci[0])}, ${formatDelta(m.ci[1])}]` : '—');
export const pText = (p: number | null | undefined) => (p === null || p === undefined ? '—' : p < 1e-4 ? '<0.0001' : formatNumber(p, { digits: 2 }));

/** A mark for a metric's verdict: ▲ significantly better, ▼ significantly worse, nothing otherwise. */
export function verdictMark(m: Pick<MetricDelta, 'verdict'>): string {
  return m.verdict === 'better' ? '▲ better' : m.verdict === 'worse' ? '▼ worse' : '';
}

/** A metric moved: significantly, or by any amount when no interval says otherwise. */
export function metricChanged(m: MetricDelta): boolean {
  return m.verdict === 'better' || m.verdict === 'worse' || (m.delta !== null && m.delta !== 0);
}

/** The sentence about prediction flips. */
export function flipsText(p: DiffPair): string | undefined {
  const f = p.flips;
  if (!f) return undefined;
  const mc = f.mcnemar ? `; McNemar ${f.mcnemar.exact ? 'exact' : 'χ²'} p ${f.mcnemar.pValue < 1e-4 ? '< 0.0001' : `= ${pText(f.mcnemar.pValue)}`}` : '';
  const grew = f.errorGrew ? `; absolute error grew by more than ${formatNumber(f.errorGrew.tolerance)} on ${formatNumber(f.errorGrew.rows)} rows` : '';
  const kept = f.bothRight !== undefined ? `, ${formatNumber(f.bothRight)} right on both, ${formatNumber(f.bothWrong)} wrong on both` : '';
  return `${formatNumber(f.rows)} rows on both sides: ${formatNumber(f.changed)} changed, ${formatNumber(f.fixes)} fixes, ${formatNumber(f.regressions)} regressions${kept} (negative-flip rate ${formatNumber(100 * f.negativeFlipRate, { digits: 2 })}%)${mc}${grew}`;
}

/**
 * Where changed predictions moved (multiclass), as short phrases, most rows first.
 *
 * @example
 * movesText(pair) // ['dog → cat: 2 rows (1 fix)', 'cat → dog: 1 row (1 regression)']
 */
export function movesText(p: DiffPair): string[] {
  const s = (n: number, one: string) => `${formatNumber(n)} ${one}${n === 1 ? '' : one.endsWith('x') ? 'es' : 's'}`;
  return (p.flips?.moves ?? []).map((m) => {
    const kinds = [m.fixes ? s(m.fixes, 'fix') : '', m.regressions ? s(m.regressions, 'regression') : ''].filter(Boolean).join(', ');
    return `${m.from} → ${m.to}: ${s(m.rows, 'row')}${kinds ? ` (${kinds})` : ''}`;
  });
}

/**
 * The areas under base's and head's curves in one line (text formats draw no curves).
 *
 * @example
 * curvesText(pair) // 'ROC AUC 0.861 → 0.842, average precision 0.712 → 0.701 (500 rows both evaluated)'
 */
export function curvesText(p: DiffPair): string | undefined {
  const c = p.curves;
  if (!c) return undefined;
  const parts = [
    c.roc ? `ROC AUC ${formatNumber(c.roc.base.area)} → ${formatNumber(c.roc.head.area)}` : '',
    c.pr ? `average precision ${formatNumber(c.pr.base.area)} → ${formatNumber(c.pr.head.area)}` : '',
  ];
  return `${parts.filter(Boolean).join(', ')} (${c.paired ? `${formatNumber(c.rows.head)} rows both evaluated` : `base ${formatNumber(c.rows.base)} rows, head ${formatNumber(c.rows.head)}`})`;
}

/** Slice metrics that moved significantly (the groups that got better or worse), worst first. */
export function movedSlices(p: DiffPair): { slice: string; group: string; metric: MetricDelta; smallGroup: boolean; rows: number }[] {
  return p.slices
    .flatMap((s) =>
      s.metrics
        .filter((m) => m.verdict === 'better' || m.verdict === 'worse')
        .map((metric) => ({ slice: s.slice, group: s.group, metric, smallGroup: s.smallGroup, rows: Math.min(s.rowsBase, s.rowsHead) })),
    )
    .sort((a, b) => (a.metric.verdict === b.metric.verdict ? (a.metric.pValue ?? 1) - (b.metric.pValue ?? 1) : a.metric.verdict === 'worse' ? -1 : 1));
}

/** Where a review thread is: `churn.mlnb · cell c3 · metric auc · slice region=EU`. */
export function threadWhere(t: DiffThread): string {
  return [t.notebook, `cell ${t.cellId}`, t.metric !== undefined ? `metric ${t.metric}` : undefined, t.slice !== undefined ? `slice ${t.slice}` : undefined].filter(Boolean).join(' · ');
}

/** A review record in one phrase: `approved by Ada (this diff)`, `changes requested by Bob (an earlier diff)`. */
export function reviewPhrase(r: DiffReview): string {
  return `${r.verdict === 'approve' ? 'approved' : 'changes requested'} by ${r.reviewer} (${r.sameDiff ? 'this diff' : 'an earlier diff'}, ${r.createdAt.slice(0, 10)})`;
}

/** The headline of the review section: `2 open review threads · 1 review`. */
export function reviewCounts(d: { threads?: DiffThread[]; reviews?: DiffReview[] }): string {
  const t = d.threads?.length ?? 0;
  const r = d.reviews?.length ?? 0;
  return `${t} open review thread${t === 1 ? '' : 's'} · ${r} review${r === 1 ? '' : 's'}`;
}
