import type { PredictionSet } from '../review/contract';
import { MIN_GROUP_SIZE } from '../evaluation/fairness/sliceMetrics';
import { MISSING_GROUP } from '../evaluation/fairness/groups';
import type { CardSliceGroup, CardSlicing } from './contract';

/**
 * Per-slice results recomputed from an evaluation's kept predictions (one slicing per slice
 * column, groups in key order): rows, accuracy (classification) or mean absolute error
 * (regression) with the standard deviation of the absolute errors (`errorSd`, what a t-test of a
 * group's error needs), and the positive rate (binary). Every number's source is the evaluation run's
 * `predictions.slices.<column>`; recomputing gives the same numbers each time, so cards stay
 * deterministic.
 *
 * @example
 * collectCardSlicings(set, run.id, ['sex']) // [{ columns: ['sex'], groups: [{ key: 'female', rows: …, metrics: { accuracy: … } }, …], … }]
 */
export function collectCardSlicings(set: PredictionSet, runId: string, sensitive: readonly string[] = []): CardSlicing[] {
  const names = Object.keys(set.slices ?? {}).sort();
  return names.map((column) => slicing(set, runId, column, sensitive.includes(column)));
}

function slicing(set: PredictionSet, runId: string, column: string, sensitive: boolean): CardSlicing {
  const values = set.slices?.[column] ?? [];
  const rowsOf = new Map<string, number[]>();
  for (let i = 0; i < set.yTrue.length; i++) {
    const key = values[i] ?? MISSING_GROUP;
    const list = rowsOf.get(key);
    if (list) list.push(i);
    else rowsOf.set(key, [i]);
  }
  const field = `predictions.slices.${column}`;
  const groups: CardSliceGroup[] = [...rowsOf.keys()].sort().map((key) => {
    const rows = rowsOf.get(key) ?? [];
    const metrics: CardSliceGroup['metrics'] = {};
    const at = (name: string) => ({ runId, field: `${field}[${JSON.stringify(key)}].${name}` });
    for (const [name, value] of Object.entries(groupMetrics(set, rows))) metrics[name] = { value, source: at(name) };
    const group: CardSliceGroup = { key, rows: { value: rows.length, source: at('rows') }, metrics, small: rows.length < MIN_GROUP_SIZE };
    if (set.task === 'regression') group.errorSd = { value: absErrorSd(set, rows), source: at('errorSd') };
    return group;
  });
  const gaps: Record<string, number | null> = {};
  const large = groups.filter((g) => !g.small);
  for (const name of Object.keys(groups[0]?.metrics ?? {})) {
    const v = large.map((g) => g.metrics[name].value).filter((x): x is number => x !== null);
    gaps[name] = v.length >= 2 ? Math.max(...v) - Math.min(...v) : null;
  }
  return { columns: [column], groups, gaps, sensitive };
}

/** The sample standard deviation (n − 1) of the rows' absolute errors; null under two rows. */
function absErrorSd(set: PredictionSet, rows: number[]): number | null {
  if (rows.length < 2) return null;
  const abs = rows.map((i) => Math.abs(Number(set.yTrue[i]) - Number(set.yPred[i])));
  const mean = abs.reduce((a, x) => a + x, 0) / abs.length;
  return Math.sqrt(abs.reduce((a, x) => a + (x - mean) ** 2, 0) / (abs.length - 1));
}

function groupMetrics(set: PredictionSet, rows: number[]): Record<string, number | null> {
  if (rows.length === 0) return {};
  if (set.task === 'regression') {
    let abs = 0;
    for (const i of rows) abs += Math.abs(Number(set.yTrue[i]) - Number(set.yPred[i]));
    return { mae: abs / rows.length };
  }
  let right = 0;
  let positive = 0;
  for (const i of rows) {
    if (String(set.yTrue[i]) === String(set.yPred[i])) right++;
    if (set.positiveLabel !== undefined && String(set.yPred[i]) === set.positiveLabel) positive++;
  }
  const out: Record<string, number | null> = { accuracy: right / rows.length };
  if (set.task === 'binary' && set.positiveLabel !== undefined) out.positiveRate = positive / rows.length;
  return out;
}
