import type { CiView, EvaluationView, SliceView } from '../contract';
import type { Gate, GateGroupResult, GateOp, GateResult, GateSpec } from './gateTypes';
import { formatGate, isFairnessMetric, parseGate } from './parseGate';
import { formatCi } from '../format';
import { formatNumber } from '../../text/number';
import { evaluationMessage } from '../messages';

const SYMBOL: Record<GateOp, string> = { '>=': '≥', '<=': '≤', '>': '>', '<': '<' };

function holds(v: number, op: GateOp, t: number): boolean {
  return op === '>=' ? v >= t : op === '<=' ? v <= t : op === '>' ? v > t : v < t;
}

/**
 * Judges gates against an evaluation's view: each gives pass/fail and the reason with the value,
 * the threshold and the interval. A gate that cannot be judged (unknown metric for the task, no
 * baseline, no such slice, an undefined value) fails, saying why: gates fail closed.
 *
 * @example
 * evaluateGates(evaluation.view, ['auc >= 0.8', 'auc drop <= 0.01', 'recall[sex] >= 0.7']);
 */
export function evaluateGates(view: EvaluationView, gates: readonly Gate[], options: { minGroupSize?: number } = {}): GateResult[] {
  if (!Array.isArray(gates)) throw new TypeError(evaluationMessage.gatesNotArray);
  return gates.map((g) => judge(view, parseGate(g), options.minGroupSize ?? 30));
}

function judge(view: EvaluationView, spec: GateSpec, minGroupSize: number): GateResult {
  const base = { gate: formatGate(spec), metric: spec.metric, op: spec.op, threshold: spec.value };
  if (isFairnessMetric(spec.metric)) return fairnessGate(view, spec, base);
  if (spec.slice !== undefined) return sliceGate(view, spec, base, spec.minGroupSize ?? minGroupSize);
  if (spec.relative) return relativeGate(view, spec, base);
  const m = view.metrics.find((x) => x.name === spec.metric);
  if (!m) return { ...base, kind: 'absolute', passed: false, value: null, reason: `${spec.metric} is not computed for this ${view.task} evaluation.` };
  return decide({ ...base, kind: 'absolute' }, spec, m.value, m.ci, spec.written ?? spec.metric);
}

function decide(base: Omit<GateResult, 'passed' | 'value' | 'reason'>, spec: GateSpec, estimate: number | null, ci: CiView | undefined, label: string): GateResult {
  const bound = spec.bound ?? 'estimate';
  let v = estimate;
  if (bound !== 'estimate') {
    if (!ci) return { ...base, passed: false, value: null, reason: `${label}: no interval to take the ${bound} bound of (bootstrap disabled).` };
    v = bound === 'lower' ? ci.lower : ci.upper;
  }
  const shown = `${label}${bound === 'estimate' ? '' : ` ${bound} bound`} = ${formatNumber(v)}${bound === 'estimate' && ci ? ` ${formatCi(ci)}` : ''}`;
  if (v === null || Number.isNaN(v)) return { ...base, passed: false, value: null, ...(ci ? { ci } : {}), reason: `${shown}: undefined, so the gate cannot pass.` };
  const passed = holds(v, spec.op, spec.value);
  return { ...base, passed, value: v, ...(ci ? { ci } : {}), reason: `${shown} ${passed ? 'meets' : 'fails'} ${SYMBOL[spec.op]} ${formatNumber(spec.value)}.` };
}

function relativeGate(view: EvaluationView, spec: GateSpec, base: { gate: string; metric: string; op: GateOp; threshold: number }): GateResult {
  const kind = 'relative' as const;
  if (!view.baseline) return { ...base, kind, passed: false, value: null, reason: `No baseline was given, so '${spec.metric} ${spec.relative}' cannot be judged (pass options.baseline).` };
  const c = view.baseline.comparisons.find((x) => x.metric === spec.metric);
  if (!c) return { ...base, kind, passed: false, value: null, reason: `${spec.metric} is not compared for this ${view.task} evaluation.` };
  const flip = spec.relative === 'drop';
  const value = c.difference === null ? null : flip ? -c.difference : c.difference;
  const ci: CiView | undefined = c.ci && flip ? { ...c.ci, lower: c.ci.upper === null ? null : -c.ci.upper, upper: c.ci.lower === null ? null : -c.ci.lower } : c.ci;
  const r = decide({ ...base, kind }, spec, value, ci, `${spec.metric} ${spec.relative} (${view.baseline.name} ${formatNumber(c.baseline)} → ${formatNumber(c.model)})`);
  return r;
}

function findSlice(view: EvaluationView, slice: string | string[]): SliceView | undefined {
  const cols = Array.isArray(slice) ? slice : [slice];
  const key = [...cols].sort().join('\u0000');
  return view.slices.find((s) => s.name === cols.join(' × ') || [...s.columns].sort().join('\u0000') === key);
}

function sliceGate(view: EvaluationView, spec: GateSpec, base: { gate: string; metric: string; op: GateOp; threshold: number }, minGroupSize: number): GateResult {
  const kind = 'slice' as const;
  const slice = findSlice(view, spec.slice as string | string[]);
  if (!slice)
    return {
      ...base,
      kind,
      passed: false,
      value: null,
      reason: `No slice ${JSON.stringify(spec.slice)} in this evaluation (slices: ${view.slices.map((s) => s.name).join(', ') || 'none'}); add it to options.slices.`,
    };
  const groups: GateGroupResult[] = [];
  let worst: number | null = null;
  let failed = 0;
  const lowerIsWorse = spec.op === '>=' || spec.op === '>';
  for (const g of slice.groups) {
    const est = g.metrics[spec.metric as keyof typeof g.metrics];
    const v = est ? (spec.bound === 'lower' ? (est.ci?.lower ?? null) : spec.bound === 'upper' ? (est.ci?.upper ?? null) : est.value) : null;
    if (g.size < minGroupSize) groups.push({ key: g.key, value: v, passed: null, note: `skipped: ${g.size} rows < ${minGroupSize}` });
    else if (v === null || Number.isNaN(v)) groups.push({ key: g.key, value: null, passed: null, note: 'skipped: undefined in this group' });
    else {
      const ok = holds(v, spec.op, spec.value);
      if (!ok) failed++;
      groups.push({ key: g.key, value: v, passed: ok });
      if (worst === null || (lowerIsWorse ? v < worst : v > worst)) worst = v;
    }
  }
  const judged = groups.filter((g) => g.passed !== null).length;
  const skipped = groups.length - judged;
  const note = skipped ? ` (${skipped} group${skipped > 1 ? 's' : ''} skipped: too small or undefined)` : '';
  if (judged === 0) return { ...base, kind, passed: false, value: null, groups, reason: `No group of ${slice.name} could be judged${note}.` };
  const worstKey = groups.find((g) => g.value === worst && g.passed !== null)?.key;
  const reason = failed
    ? `${failed} of ${judged} groups of ${slice.name} fail ${SYMBOL[spec.op]} ${formatNumber(spec.value)}; worst ${worstKey}: ${spec.metric} = ${formatNumber(worst)}${note}.`
    : `All ${judged} groups of ${slice.name} meet ${SYMBOL[spec.op]} ${formatNumber(spec.value)}; worst ${worstKey}: ${spec.metric} = ${formatNumber(worst)}${note}.`;
  return { ...base, kind, passed: failed === 0, value: worst, groups, reason };
}

function fairnessGate(view: EvaluationView, spec: GateSpec, base: { gate: string; metric: string; op: GateOp; threshold: number }): GateResult {
  const kind = 'fairness' as const;
  const slices = spec.slice !== undefined ? [findSlice(view, spec.slice)].filter((s): s is SliceView => !!s) : view.slices.filter((s) => s.fairness);
  if (!slices.length)
    return {
      ...base,
      kind,
      passed: false,
      value: null,
      reason:
        view.task !== 'binary'
          ? `Fairness metrics need a binary task (this is ${view.task}).`
          : `No slice to measure ${spec.metric} over${spec.slice ? ` (${JSON.stringify(spec.slice)} not found)` : ''}; add options.slices.`,
    };
  const results = slices.map((s) => {
    const est = s.fairness?.[spec.metric as keyof NonNullable<SliceView['fairness']>];
    return decide({ ...base, kind }, spec, est?.value ?? null, est?.ci, `${spec.metric}[${s.name}]`);
  });
  if (results.length === 1) return results[0];
  const failedOnes = results.filter((r) => !r.passed);
  return { ...base, kind, passed: failedOnes.length === 0, value: (failedOnes[0] ?? results[0]).value, reason: results.map((r) => r.reason).join(' ') };
}
