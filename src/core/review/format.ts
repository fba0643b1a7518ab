/** How the model diff's numbers and findings read, shared by the HTML report and the Model Diff panel. */
import { METRIC_INFO, isMetricName } from '../evaluation/metrics/metricCatalog';
import type { JsonValue } from '../runs/contract';
import { formatNumber } from '../text/number';
import type { MetricDelta } from './contract';

/**
 * A metric's display label (the evaluation catalog's, else the name as recorded).
 *
 * @example
 * metricLabel('auc') // 'ROC AUC'
 * metricLabel('myScore') // 'myScore'
 */
export function metricLabel(name: string): string {
  return isMetricName(name) ? METRIC_INFO[name].label : name;
}

/**
 * A signed difference: '+0.0384', '−0.0309' (a real minus sign), '0', or '—' when missing.
 *
 * @example
 * formatDelta(-0.0309) // '−0.0309'
 */
export function formatDelta(v: number | null | undefined): string {
  if (v === null || v === undefined || Number.isNaN(v)) return formatNumber(v);
  const text = formatNumber(Math.abs(v));
  return v > 0 ? `+${text}` : v < 0 ? `−${text}` : text;
}

/**
 * An interval of a difference as '[−0.0451, −0.0178]', or '' when absent.
 *
 * @example
 * formatDeltaCi([-0.0451, -0.0178]) // '[−0.0451, −0.0178]'
 */
export function formatDeltaCi(ci: [number, number] | null | undefined): string {
  return ci ? `[${formatDelta(ci[0])}, ${formatDelta(ci[1])}]` : '';
}

/**
 * The significance mark of a metric delta: '▲ better', '▼ worse', '= no significant change' or '? not compared'.
 *
 * @example
 * verdictMark({ verdict: 'worse' }) // '▼ worse'
 */
export function verdictMark(m: Pick<MetricDelta, 'verdict'>): string {
  switch (m.verdict) {
    case 'better':
      return '▲ better';
    case 'worse':
      return '▼ worse';
    case 'unchanged':
      return '= no significant change';
    default:
      return '? not compared';
  }
}

/**
 * A parameter value as one short line of text ('—' when absent).
 *
 * @example
 * formatValue([64, 32]) // '[64,32]'
 */
export function formatValue(v: JsonValue | undefined): string {
  if (v === undefined) return '—';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
