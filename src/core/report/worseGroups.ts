/**
 * Where a model works worse: the groups of a card's slicings whose accuracy is significantly below
 * that of the other rows (a two-sided two-proportion z-test at 5%, on the counts the card records).
 * Small groups are never called worse (too few rows to say); regression slicings (mean absolute
 * error, no counts) are listed as untested.
 */
import { erfc } from '../evaluation/intervals/normal';
import type { CardSliceGroup, CardSlicing, ModelCard } from '../card/contract';
import { slicingMetric } from './cardCharts';

/** The significance level of "significantly below". */
export const WORSE_ALPHA = 0.05;

export interface WorseGroup {
  /** The slice column(s), e.g. ['sex']. */
  columns: string[];
  group: CardSliceGroup;
  /** The group's accuracy and the accuracy of every other row of the slicing. */
  value: number;
  rest: number;
  restRows: number;
  /** Two-sided p-value of the difference. */
  pValue: number;
}

export interface WorseGroups {
  worse: WorseGroup[];
  /** Slicings compared (accuracy with at least two groups). */
  tested: string[][];
  /** Slicings that could not be tested (no accuracy: a regression's mean absolute error). */
  untested: string[][];
}

/**
 * Two-sided p-value of a two-proportion z-test (pooled variance).
 *
 * @example
 * twoProportionP(0.7, 200, 0.85, 800) // ≈ 0.0000012
 */
export function twoProportionP(p1: number, n1: number, p2: number, n2: number): number {
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  if (!(se > 0)) return p1 === p2 ? 1 : 0;
  // 2·(1 − Φ(z)) = erfc(z/√2), without the cancellation for large z.
  return erfc(Math.abs(p1 - p2) / se / Math.SQRT2);
}

/**
 * The groups significantly below the rest, worst first.
 *
 * @example
 * findWorseGroups(card).worse.map((w) => w.group.key) // ['Dream']
 */
export function findWorseGroups(card: ModelCard, alpha = WORSE_ALPHA): WorseGroups {
  const out: WorseGroups = { worse: [], tested: [], untested: [] };
  for (const s of card.sections.quantitativeAnalyses.slicings) {
    if (slicingMetric(s) !== 'accuracy' || s.groups.length < 2) {
      out.untested.push(s.columns);
      continue;
    }
    out.tested.push(s.columns);
    out.worse.push(...worseIn(s, alpha));
  }
  out.worse.sort((a, b) => a.pValue - b.pValue || a.value - b.value);
  return out;
}

function worseIn(s: CardSlicing, alpha: number): WorseGroup[] {
  const acc = (g: CardSliceGroup) => g.metrics.accuracy?.value ?? null;
  const rows = s.groups.reduce((a, g) => a + g.rows.value, 0);
  const right = s.groups.reduce((a, g) => a + (acc(g) ?? 0) * g.rows.value, 0);
  const out: WorseGroup[] = [];
  for (const g of s.groups) {
    const value = acc(g);
    const restRows = rows - g.rows.value;
    if (g.small || value === null || restRows <= 0) continue;
    const rest = (right - value * g.rows.value) / restRows;
    if (value >= rest) continue;
    const pValue = twoProportionP(value, g.rows.value, rest, restRows);
    if (pValue < alpha) out.push({ columns: s.columns, group: g, value, rest, restRows, pValue });
  }
  return out;
}
