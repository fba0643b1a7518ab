import { isMetricName, METRIC_INFO } from '../metrics/metricCatalog';
import { FAIRNESS_METRICS, type FairnessMetricName } from '../fairness/fairness';
import type { Gate, GateOp, GateSpec } from './gateTypes';
import { describe } from '../metrics/validate';
import { evaluationMessage } from '../messages';

const OPS: Record<string, GateOp> = { '>=': '>=', '<=': '<=', '>': '>', '<': '<', '≥': '>=', '≤': '<=' };

/** Every name a gate may use. */
export function gateMetricNames(): string[] {
  return [...Object.keys(METRIC_INFO), ...FAIRNESS_METRICS];
}

export function isFairnessMetric(name: unknown): name is FairnessMetricName {
  return typeof name === 'string' && (FAIRNESS_METRICS as readonly string[]).includes(name);
}

/**
 * Parses a gate's string form, or checks an object form, into a GateSpec. Grammar:
 * `metric[slice,slice].bound relative op number`, where `[…]`, `.lower|.upper` and
 * `drop|rise` are optional.
 *
 * @example
 * parseGate('auc >= 0.8');             // { metric: 'auc', op: '>=', value: 0.8 }
 * parseGate('auc drop <= 0.01');       // relative to the baseline
 * parseGate('recall[sex] >= 0.7');     // every group of the 'sex' slice
 * parseGate('auc.lower >= 0.75');      // the interval's lower bound
 */
export function parseGate(gate: Gate): GateSpec {
  if (typeof gate === 'string') return parseText(gate);
  if (typeof gate !== 'object' || gate === null) throw new TypeError(evaluationMessage.badGate(describe(gate)));
  const where = `Gate ${JSON.stringify(gate)}`;
  const alias = METRIC_ALIASES[gate.metric as string];
  if (alias) gate = { ...gate, metric: alias as GateSpec['metric'], written: gate.metric };
  checkMetric(gate.metric, where);
  if (!(gate.op in OPS)) throw new RangeError(evaluationMessage.badGateOp(where, JSON.stringify(gate.op)));
  if (typeof gate.value !== 'number' || !Number.isFinite(gate.value)) throw new RangeError(evaluationMessage.badGateValue(where, describe(gate.value)));
  if (gate.relative !== undefined && gate.relative !== 'drop' && gate.relative !== 'rise') throw new RangeError(evaluationMessage.badGateRelative(where));
  if (gate.bound !== undefined && !['estimate', 'lower', 'upper'].includes(gate.bound)) throw new RangeError(evaluationMessage.badGateBound(where));
  if (gate.relative && gate.slice) throw new RangeError(evaluationMessage.gateRelativeAndSliced(where));
  return { ...gate, op: OPS[gate.op] };
}

function parseText(text: string): GateSpec {
  const src = text.trim();
  const fail = (what: string, at: number): never => {
    throw new SyntaxError(evaluationMessage.gateSyntax(text, what, at, src));
  };
  let i = 0;
  const skip = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  const nameMatch = /^[A-Za-z][A-Za-z0-9]*/.exec(src);
  if (!nameMatch) fail('expected a metric name', 0);
  const metric = (nameMatch as RegExpExecArray)[0];
  i = metric.length;
  const spec: Partial<GateSpec> = {};
  if (src[i] === '[') {
    const close = src.indexOf(']', i);
    if (close < 0) fail("expected ']' to close the slice", src.length);
    const names = src
      .slice(i + 1, close)
      .split(',')
      .map((s) => s.trim());
    if (names.some((s) => !s)) fail('expected slice column names, e.g. [sex] or [sex, island]', i + 1);
    spec.slice = names.length === 1 ? names[0] : names;
    i = close + 1;
  }
  if (src[i] === '.') {
    const m = /^\.(lower|upper|estimate)\b/.exec(src.slice(i));
    if (!m) fail("expected '.lower' or '.upper' after the metric", i);
    spec.bound = (m as RegExpExecArray)[1] as GateSpec['bound'];
    i += (m as RegExpExecArray)[0].length;
  }
  skip();
  const rel = /^(drop|rise)\b/.exec(src.slice(i));
  if (rel) {
    spec.relative = rel[1] as 'drop' | 'rise';
    i += rel[0].length;
    skip();
  }
  const op = /^(>=|<=|≥|≤|>|<)/.exec(src.slice(i));
  if (!op) fail(`expected an operator (>=, <=, >, <)${rel ? '' : " or 'drop'/'rise'"}`, i);
  i += (op as RegExpExecArray)[0].length;
  skip();
  const num = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?/.exec(src.slice(i));
  if (!num) fail('expected a number', i);
  const raw = (num as RegExpExecArray)[0];
  i += raw.length;
  skip();
  if (i < src.length) fail('unexpected text after the number', i);
  const value = raw.endsWith('%') ? Number(raw.slice(0, -1)) / 100 : Number(raw);
  return parseGate({ metric: metric as GateSpec['metric'], op: OPS[(op as RegExpExecArray)[0]], value, ...spec });
}

/**
 * Names the scorers of crossValidate and the searches use (sklearn's `f1_macro`, `roc_auc`) for
 * the metrics an evaluation reports, so the same word works in both places.
 */
const METRIC_ALIASES: Record<string, string> = { f1Macro: 'f1', precisionMacro: 'precision', recallMacro: 'recall', rocAuc: 'auc' };

function checkMetric(name: unknown, where: string): void {
  if (isMetricName(name) || isFairnessMetric(name)) return;
  const known = gateMetricNames();
  const guess = typeof name === 'string' ? closest(name, known) : undefined;
  throw new RangeError(evaluationMessage.gateUnknownMetric(where, JSON.stringify(name), guess, known.join(', ')));
}

/** The known name nearest by edit distance, when it is close enough to be a typo. */
function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length];
}

/**
 * A gate's canonical string form, with the metric named as the user wrote it.
 *
 * @example
 * formatGate({ metric: 'recall', op: '>=', value: 0.7, slice: ['sex', 'island'] }); // 'recall[sex, island] >= 0.7'
 * formatGate(parseGate('f1Macro >= 0.9')); // 'f1Macro >= 0.9'
 */
export function formatGate(spec: GateSpec): string {
  const slice = spec.slice === undefined ? '' : `[${(Array.isArray(spec.slice) ? spec.slice : [spec.slice]).join(', ')}]`;
  const bound = spec.bound && spec.bound !== 'estimate' ? `.${spec.bound}` : '';
  const rel = spec.relative ? ` ${spec.relative}` : '';
  return `${spec.written ?? spec.metric}${slice}${bound}${rel} ${spec.op} ${spec.value}`;
}
