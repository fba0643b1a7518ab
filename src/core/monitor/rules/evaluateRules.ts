/** Evaluates parsed rules against a report's numbers. */
import type { MonitorReport, RuleResult } from '../contract';
import { monitorMessage } from '../messages';
import type { RuleSpec } from './parseRule';

/**
 * The value of every rule, and whether it fired; a rule whose subject is absent (an unknown
 * column, no labels) does not fire and says why in `note`.
 *
 * @example
 * evaluateRules(parseRules(['psi(age) > 0.25']), report, 'file');
 */
export function evaluateRules(rules: readonly RuleSpec[], report: Omit<MonitorReport, 'rules'>, origin: RuleResult['origin']): RuleResult[] {
  return rules.map((r) => {
    const value = subjectValue(r, report);
    const bound = r.reference === undefined ? r.value : referenceMetric(report, r.reference);
    const rhs = r.reference === undefined ? r.value : bound === null ? null : bound + r.value;
    const fired = value !== null && rhs !== null && compare(value, r.op, rhs);
    const note =
      value === null ? monitorMessage.ruleSubjectAbsent(r.column ? `${r.name}(${r.column})` : r.name) : rhs === null ? monitorMessage.ruleSubjectAbsent(`reference.${r.reference}`) : undefined;
    return { rule: r.text, severity: r.severity, value, bound: rhs, fired, origin, ...(note ? { note } : {}) };
  });
}

function compare(a: number, op: RuleSpec['op'], b: number): boolean {
  return op === '>' ? a > b : op === '>=' ? a >= b : op === '<' ? a < b : a <= b;
}

function referenceMetric(report: Omit<MonitorReport, 'rules'>, name: string): number | null {
  return report.performance?.metrics.find((m) => m.name === name)?.reference ?? null;
}

function subjectValue(r: RuleSpec, rep: Omit<MonitorReport, 'rules'>): number | null {
  if (r.column !== undefined) {
    const f = r.column === 'prediction' && rep.prediction ? rep.prediction : rep.features.find((x) => x.name === r.column);
    if (!f) return null;
    const s = f.drift?.statistics;
    switch (r.name) {
      case 'psi':
        return s?.psi ?? null;
      case 'ks':
        return s?.ks?.d ?? null;
      case 'ks_p':
        return s?.ks?.pValue ?? null;
      case 'js':
        return s?.jensenShannon ?? null;
      case 'wasserstein':
        return s?.wasserstein?.normalized ?? null;
      case 'chi2_p':
        return s?.chi2?.pValue ?? null;
      case 'drift':
        return f.drift ? Number(f.drift.drifted) : null;
      case 'missing':
        return f.quality.missingCurrent;
      case 'missing_delta':
        return f.quality.missingCurrent - f.quality.missingReference;
      case 'out_of_range':
        return f.quality.outOfRange;
      case 'new_categories':
        return f.currentCount ? f.quality.newCategoryRows / f.currentCount : null;
      default:
        return null;
    }
  }
  const pred = rep.prediction?.drift?.statistics;
  switch (r.name) {
    case 'drifted_share':
      return rep.summary.driftedShare;
    case 'drifted_count':
      return rep.summary.driftedFeatures;
    case 'invalid_rows':
      return rep.quality.invalidShare;
    case 'prediction_psi':
      return pred?.psi ?? null;
    case 'prediction_js':
      return pred?.jensenShannon ?? null;
    case 'prediction_ks':
      return pred?.ks?.d ?? null;
    case 'prediction_drift':
      return rep.prediction?.drift ? Number(rep.prediction.drift.drifted) : null;
    case 'metrics_worse':
      return rep.performance ? rep.performance.metrics.filter((m) => m.worse).length : null;
  }
  const m = rep.performance?.metrics.find((x) => x.name === r.name);
  if (!m) return null;
  return r.bound === 'lower' ? (m.currentCi?.lower ?? null) : r.bound === 'upper' ? (m.currentCi?.upper ?? null) : m.current;
}
