import type { MetricDelta } from './contract';
import type { MetricInterval } from '../runs/contract';
import type { MetricName } from '../evaluation/metrics/metricCatalog';
import { erfc, normalQuantile } from '../evaluation/intervals/normal';
import { _deltaView } from './bootstrapDelta';

/** A metric as a run recorded it: its value and, when the evaluation bootstrapped, its interval. */
export interface RecordedMetric {
  value: number | null;
  interval?: MetricInterval;
}

/**
 * A metric delta from the two runs' recorded values and intervals, for sides that kept no
 * predictions. Each interval is read as a normal one (standard error = width / (2·z) at its own
 * level), the sides as independent: the delta's interval is δ ± z·√(se_b² + se_h²) and p =
 * 2·(1 − Φ(|δ| / se)). It is marked significant only when the two recorded intervals do not
 * overlap at all — clearly separated — which is stricter than that interval excluding 0: the
 * normal reading of a bootstrap interval is rough, and two evaluations on the same rows are
 * positively correlated, which independence ignores. Without both intervals: method 'none'.
 *
 * @example
 * _recordedDelta('auc', { value: 0.80, interval: { low: 0.78, high: 0.82, level: 0.95 } },
 *                       { value: 0.85, interval: { low: 0.83, high: 0.87, level: 0.95 } }, 0.95);
 * // { delta: 0.05, ci: [0.0217, 0.0783], significant: true, verdict: 'better', method: 'recorded-intervals' }
 */
export function _recordedDelta(name: MetricName, base: RecordedMetric | undefined, head: RecordedMetric | undefined, confidence: number): MetricDelta {
  const b = base?.value ?? NaN;
  const h = head?.value ?? NaN;
  const seB = standardError(base?.interval);
  const seH = standardError(head?.interval);
  if (!Number.isFinite(b) || !Number.isFinite(h) || !Number.isFinite(seB) || !Number.isFinite(seH) || !base?.interval || !head?.interval) return _deltaView(name, b, h, null, NaN, 'none');
  const delta = h - b;
  const se = Math.sqrt(seB * seB + seH * seH);
  const z = normalQuantile((1 + confidence) / 2);
  const pValue = se > 0 ? erfc(Math.abs(delta) / se / Math.SQRT2) : delta === 0 ? 1 : 0;
  const separated = base.interval.high < head.interval.low || head.interval.high < base.interval.low;
  return _deltaView(name, b, h, [delta - z * se, delta + z * se], pValue, 'recorded-intervals', separated);
}

function standardError(i: MetricInterval | undefined): number {
  if (!i || !(i.high >= i.low) || !(i.level > 0 && i.level < 1)) return NaN;
  return (i.high - i.low) / (2 * normalQuantile((1 + i.level) / 2));
}
