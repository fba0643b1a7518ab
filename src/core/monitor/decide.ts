/**
 * Which statistic decides drift for a column, and when it says "drifted".
 *
 * The method follows Evidently's default per-column choice (`get_default_stattest`):
 * - numbers with more than 5 distinct reference values: reference ≤ 1000 rows → KS; more → Wasserstein (normed);
 * - categories, booleans and numbers with ≤ 5 distinct values: reference ≤ 1000 rows → chi-square; more → Jensen–Shannon.
 *
 * Unlike Evidently, a p-value never decides alone (at 1M rows every tiny shift is "significant",
 * evidently#50): a column drifts when its effect size reaches the threshold AND the test's
 * p-value is below 0.05. Effects and thresholds: KS D ≥ 0.1; Wasserstein / reference sd ≥ 0.1
 * (Evidently's); Jensen–Shannon distance ≥ 0.1 (Evidently's) for chi-square and JS. At small n
 * the p-value guards against noise; at large n the effect size does.
 */
import type { DriftMethod, DriftStatistics, FeatureDrift, PsiBand } from './contract';
import { monitorMessage } from './messages';

export const DRIFT_THRESHOLDS = { ks: 0.1, wasserstein: 0.1, chi2: 0.1, jensenshannon: 0.1, pValue: 0.05, smallReference: 1000, fewDistinct: 5 } as const;

/** PSI's conventional bands. */
export function psiBand(v: number): PsiBand {
  return v >= 0.25 ? 'major' : v >= 0.1 ? 'moderate' : 'none';
}

/**
 * The drift decision for one column's statistics.
 *
 * @example
 * decideDrift(stats, { numeric: true, referenceRows: 50000, distinct: 900 }).drifted;
 */
export function decideDrift(s: DriftStatistics, col: { numeric: boolean; referenceRows: number; distinct: number; dates?: boolean }): FeatureDrift {
  const small = col.referenceRows <= DRIFT_THRESHOLDS.smallReference;
  const numeric = col.numeric && col.distinct > DRIFT_THRESHOLDS.fewDistinct && s.ks !== null;
  const method: DriftMethod = numeric ? (small || s.wasserstein?.normalized == null ? 'ks' : 'wasserstein') : small ? 'chi2' : 'jensenshannon';
  const effect = method === 'ks' ? s.ks!.d : method === 'wasserstein' ? s.wasserstein!.normalized! : s.jensenShannon;
  const pValue = numeric ? s.ks!.pValue : (s.chi2?.pValue ?? null);
  const threshold = DRIFT_THRESHOLDS[method];
  const drifted = effect >= threshold && (pValue === null || pValue < DRIFT_THRESHOLDS.pValue);
  return { method, methodReason: col.dates ? monitorMessage.dateMethodReason(small) : monitorMessage.methodReason(numeric, small, col.distinct), effect, threshold, pValue, drifted, statistics: s };
}
