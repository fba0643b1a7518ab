import type { FairnessDelta } from './contract';
import type { SideEvaluator } from './prepareSide';
import { _fairnessFromRates, type GroupRates } from '../evaluation/fairness/fairness';
import { _interval } from '../evaluation/intervals/bootstrap';
import { _pairedPValue } from '../evaluation/intervals/compareModels';
import { jsonNumber } from '../evaluation/format';

/** The fairness gaps a diff compares (Fairlearn's differences, between groups), by their contract names. */
const GAPS = [
  ['demographicParity', 'demographicParityDifference'],
  ['equalizedOdds', 'equalizedOddsDifference'],
  ['equalOpportunity', 'equalOpportunityDifference'],
] as const;

/** One group of a slicing on both sides: observed values and replicates, in the evaluators' metric order. */
export interface GroupSeries {
  evaluator: SideEvaluator;
  observed: Float64Array;
  replicates: Float64Array[];
}

/**
 * Base and head fairness gaps of one slicing (binary tasks) from the groups' selection rate,
 * true positive rate and false positive rate, and an interval of head − base from the same
 * resamples that gave the slice metrics. `worse` is the gap growing (lower is fairer), whether or
 * not significantly; `significant` says whether the interval excludes 0.
 */
export function _fairnessDeltas(slice: string, base: GroupSeries[], head: GroupSeries[], confidence: number): FairnessDelta[] {
  const metrics = base[0]?.evaluator.metrics ?? [];
  const at = (['selectionRate', 'recall', 'falsePositiveRate'] as const).map((m) => metrics.indexOf(m));
  if (base.length < 2 || at.some((j) => j < 0)) return [];
  const noOverall: GroupRates = { selectionRate: NaN, truePositiveRate: NaN, falsePositiveRate: NaN };
  const gaps = (groups: GroupSeries[], b?: number) =>
    _fairnessFromRates(
      groups.map((g) => {
        const v = (j: number) => (b === undefined ? g.observed[j] : g.replicates[j][b]);
        return { selectionRate: v(at[0]), truePositiveRate: v(at[1]), falsePositiveRate: v(at[2]) };
      }),
      noOverall,
    );
  const observedBase = gaps(base);
  const observedHead = gaps(head);
  const resamples = base[0].replicates[0].length;
  const series = GAPS.map(() => new Float64Array(resamples));
  for (let b = 0; b < resamples; b++) {
    const gb = gaps(base, b);
    const gh = gaps(head, b);
    GAPS.forEach(([, name], i) => (series[i][b] = gh[name] - gb[name]));
  }
  return GAPS.map(([metric, name], i): FairnessDelta => {
    const delta = observedHead[name] - observedBase[name];
    const { ci } = _interval(series[i], delta, { method: 'percentile', confidence }, `${slice} ${metric}`);
    const interval: [number, number] | null = Number.isFinite(ci.lower) && Number.isFinite(ci.upper) ? [ci.lower, ci.upper] : null;
    return {
      slice,
      metric,
      base: jsonNumber(observedBase[name]),
      head: jsonNumber(observedHead[name]),
      delta: jsonNumber(delta),
      worse: delta > 0,
      ci: interval,
      pValue: jsonNumber(_pairedPValue(series[i])),
      significant: interval !== null && Number.isFinite(delta) && (interval[0] > 0 || interval[1] < 0),
    };
  });
}
