/**
 * Where a model works worse: the groups of a card's slicings whose accuracy is significantly below
 * that of the other rows (a two-sided two-proportion z-test at 5%, on the counts the card records),
 * or, for a regression, whose mean absolute error is significantly above that of the other rows
 * (a two-sided Welch's t-test at 5%, on each group's rows, mean and standard deviation of the
 * absolute errors). Small groups are never called worse (too few rows to say); a regression slicing
 * whose card has no spread of the errors (made before it was kept) is listed as untested.
 */
import { erfc } from '../evaluation/intervals/normal';
import { studentTSf } from '../linalg/studentT';
import type { CardSliceGroup, CardSlicing, ModelCard } from '../card/contract';
import { slicingMetric } from './cardCharts';

/** The significance level of "significantly below". */
export const WORSE_ALPHA = 0.05;

export interface WorseGroup {
  /** The slice column(s), e.g. ['sex']. */
  columns: string[];
  group: CardSliceGroup;
  /** What was compared: accuracy (classification) or mean absolute error (regression). */
  metric: 'accuracy' | 'mae';
  /** The group's metric and the same metric over every other row of the slicing. */
  value: number;
  rest: number;
  restRows: number;
  /** Two-sided p-value of the difference. */
  pValue: number;
}

export interface WorseGroups {
  worse: WorseGroup[];
  /** Slicings compared (accuracy, or mean absolute error with its spread, with at least two groups). */
  tested: string[][];
  /** Slicings that could not be tested, and why. */
  untested: { columns: string[]; reason: 'no-spread' | 'one-group' | 'no-metric' }[];
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
 * Two-sided p-value of Welch's t-test from two groups' sizes, means and sample standard deviations
 * (as scipy.stats.ttest_ind(a, b, equal_var=False)); null when either group has under two rows or
 * both have no spread.
 *
 * @example
 * welchP(40, 3.1, 2.2, 120, 2.4, 1.9) // ≈ 0.077
 */
export function welchP(n1: number, m1: number, s1: number, n2: number, m2: number, s2: number): number | null {
  if (n1 < 2 || n2 < 2) return null;
  const v1 = (s1 * s1) / n1;
  const v2 = (s2 * s2) / n2;
  const se2 = v1 + v2;
  if (!(se2 > 0)) return null;
  const t = (m1 - m2) / Math.sqrt(se2);
  const df = (se2 * se2) / ((v1 * v1) / (n1 - 1) + (v2 * v2) / (n2 - 1));
  return Math.min(1, 2 * studentTSf(Math.abs(t), df));
}

/**
 * The groups significantly worse than the rest (accuracy below, or mean absolute error above), worst first.
 *
 * @example
 * findWorseGroups(card).worse.map((w) => w.group.key) // ['Dream']
 */
export function findWorseGroups(card: ModelCard, alpha = WORSE_ALPHA): WorseGroups {
  const out: WorseGroups = { worse: [], tested: [], untested: [] };
  for (const s of card.sections.quantitativeAnalyses.slicings) {
    const metric = slicingMetric(s);
    const reason = metric !== 'accuracy' && metric !== 'mae' ? 'no-metric' : s.groups.length < 2 ? 'one-group' : metric === 'mae' && s.groups.some((g) => !g.errorSd) ? 'no-spread' : undefined;
    if (reason) {
      out.untested.push({ columns: s.columns, reason });
      continue;
    }
    out.tested.push(s.columns);
    out.worse.push(...(metric === 'mae' ? worseErrorIn(s, alpha) : worseIn(s, alpha)));
  }
  out.worse.sort((a, b) => a.pValue - b.pValue || a.columns.join().localeCompare(b.columns.join()) || a.group.key.localeCompare(b.group.key));
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
    if (pValue < alpha) out.push({ columns: s.columns, group: g, metric: 'accuracy', value, rest, restRows, pValue });
  }
  return out;
}

/** One group's size, mean and sample standard deviation of the absolute errors. */
type ErrorSummary = { n: number; mean: number; sd: number };

/** The summary of every row of `groups` together (exact: within-group plus between-group squares). */
function combine(groups: ErrorSummary[]): ErrorSummary {
  const n = groups.reduce((a, g) => a + g.n, 0);
  const mean = groups.reduce((a, g) => a + g.n * g.mean, 0) / n;
  const squares = groups.reduce((a, g) => a + (g.n - 1) * g.sd * g.sd + g.n * (g.mean - mean) ** 2, 0);
  return { n, mean, sd: n > 1 ? Math.sqrt(squares / (n - 1)) : 0 };
}

function worseErrorIn(s: CardSlicing, alpha: number): WorseGroup[] {
  const summaries = s.groups.map((g) => {
    const mean = g.metrics.mae?.value;
    // A group of one row has no sample sd; its spread adds nothing within it.
    const sd = g.errorSd?.value ?? (g.rows.value === 1 ? 0 : null);
    return mean === null || mean === undefined || sd === null ? undefined : { n: g.rows.value, mean, sd };
  });
  const out: WorseGroup[] = [];
  s.groups.forEach((g, i) => {
    const own = summaries[i];
    const others = summaries.filter((x, j): x is ErrorSummary => j !== i && x !== undefined && x.n > 0);
    if (g.small || !own || !others.length) return;
    const rest = combine(others);
    if (own.mean <= rest.mean) return;
    const pValue = welchP(own.n, own.mean, own.sd, rest.n, rest.mean, rest.sd);
    if (pValue !== null && pValue < alpha) out.push({ columns: s.columns, group: g, metric: 'mae', value: own.mean, rest: rest.mean, restRows: rest.n, pValue });
  });
  return out;
}
