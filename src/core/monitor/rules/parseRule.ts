/**
 * Alert rules, in the gates' expression style (src/core/evaluation/gates/parseGate.ts:
 * `metric[slice].bound op number`), extended with a column argument and a reference on the right:
 *
 *   name[(column)][.lower|.upper] op (number[%] | reference.metric [± number[%]])
 *
 * e.g. `psi(income) > 0.25`, `drifted_share > 0.3`, `auc < reference.auc - 0.02`,
 * `auc.upper < reference.auc`, `invalid_rows > 1%`. A rule fires when the comparison holds.
 */
import { isMetricName } from '../../evaluation/metrics/metricCatalog';
import type { Severity } from '../contract';
import { monitorMessage } from '../messages';

export type RuleOp = '>' | '>=' | '<' | '<=';

/** Names that take a column: statistics and quality of one feature. */
export const COLUMN_NAMES = ['psi', 'ks', 'ks_p', 'js', 'wasserstein', 'chi2_p', 'drift', 'missing', 'missing_delta', 'out_of_range', 'new_categories'] as const;
/** Names about the whole batch. */
export const BATCH_NAMES = ['drifted_share', 'drifted_count', 'invalid_rows', 'prediction_psi', 'prediction_js', 'prediction_ks', 'prediction_drift', 'metrics_worse'] as const;

export interface RuleSpec {
  /** The rule as written. */
  text: string;
  name: string;
  column?: string;
  bound?: 'lower' | 'upper';
  op: RuleOp;
  /** The right-hand side: a constant, or a reference metric plus an offset. */
  value: number;
  reference?: string;
  severity: Severity;
}

const OPS: Record<string, RuleOp> = { '>=': '>=', '<=': '<=', '>': '>', '<': '<', '≥': '>=', '≤': '<=' };

/**
 * Parses one rule; a syntax error names the column and shows the accepted forms.
 *
 * @example
 * parseRule('psi(income) > 0.25', 'critical'); // { name: 'psi', column: 'income', op: '>', value: 0.25, … }
 * parseRule('auc < reference.auc - 0.02');      // { name: 'auc', reference: 'auc', value: -0.02, … }
 */
export function parseRule(text: string, severity: Severity = 'warning'): RuleSpec {
  const src = text;
  let i = 0;
  const fail = (what: string, at: number): never => {
    throw new SyntaxError(monitorMessage.ruleSyntax(src, what, at));
  };
  const skip = () => {
    while (i < src.length && /\s/.test(src[i])) i++;
  };
  skip();
  const name = /^[A-Za-z][A-Za-z0-9_]*/.exec(src.slice(i));
  if (!name) fail('expected a name such as psi, drifted_share or auc', i);
  const spec: Partial<RuleSpec> = { text: text.trim(), name: name![0], severity };
  i += name![0].length;
  if (src[i] === '(') {
    const close = src.indexOf(')', i);
    if (close < 0) fail("expected ')' to close the column name", src.length);
    const col = src.slice(i + 1, close).trim();
    if (!col) fail('expected a column name inside ( )', i + 1);
    spec.column = col;
    i = close + 1;
  }
  if (src[i] === '.') {
    const m = /^\.(lower|upper)\b/.exec(src.slice(i));
    if (!m) fail("expected '.lower' or '.upper'", i);
    spec.bound = m![1] as 'lower' | 'upper';
    i += m![0].length;
  }
  skip();
  const op = /^(>=|<=|≥|≤|>|<)/.exec(src.slice(i));
  if (!op) fail('expected an operator (>, >=, <, <=)', i);
  spec.op = OPS[op![0]];
  i += op![0].length;
  skip();
  const ref = /^reference\.([A-Za-z][A-Za-z0-9]*)/.exec(src.slice(i));
  let value = 0;
  if (ref) {
    spec.reference = ref[1];
    i += ref[0].length;
    skip();
    const sign = /^[-+]/.exec(src.slice(i));
    if (sign) {
      i++;
      skip();
      value = readNumber() * (sign[0] === '-' ? -1 : 1);
    }
  } else value = readNumber();
  skip();
  if (i < src.length) fail('unexpected text after the rule', i);
  spec.value = value;
  checkNames(spec as RuleSpec);
  return spec as RuleSpec;

  function readNumber(): number {
    const num = /^(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?%?/.exec(src.slice(i));
    if (!num) fail(ref ? 'expected a number after + or -' : "expected a number or 'reference.<metric>'", i);
    i += num![0].length;
    return num![0].endsWith('%') ? Number(num![0].slice(0, -1)) / 100 : Number(num![0]);
  }
}

function checkNames(spec: RuleSpec): void {
  const known = [...COLUMN_NAMES, ...BATCH_NAMES, 'a metric (auc, accuracy, f1, rmse, …)'].join(', ');
  const isColumnName = (COLUMN_NAMES as readonly string[]).includes(spec.name);
  if (isColumnName && spec.column === undefined) throw new RangeError(monitorMessage.ruleNeedsColumn(spec.text, spec.name));
  if (!isColumnName && !(BATCH_NAMES as readonly string[]).includes(spec.name) && !isMetricName(spec.name)) throw new RangeError(monitorMessage.ruleUnknownName(spec.text, spec.name, known));
  if (spec.reference !== undefined && !isMetricName(spec.reference))
    throw new RangeError(monitorMessage.ruleUnknownName(spec.text, `reference.${spec.reference}`, 'reference.<metric>, e.g. reference.auc'));
}

/** A rule as a file or an option gives it. */
export type RuleInput = string | { rule: string; severity?: Severity };

/**
 * Parses a rules list (strings default to 'warning'), or a file's `{ rules: [...] }`.
 *
 * @example
 * parseRules([{ rule: 'psi(income) > 0.25', severity: 'critical' }, 'drifted_share > 0.3']);
 */
export function parseRules(input: unknown, where = 'rules'): RuleSpec[] {
  const list = Array.isArray(input) ? input : typeof input === 'object' && input !== null && Array.isArray((input as { rules?: unknown }).rules) ? (input as { rules: unknown[] }).rules : undefined;
  if (!list) throw new TypeError(monitorMessage.rulesFileShape(where));
  return list.map((r: unknown, k) => {
    if (typeof r === 'string') return parseRule(r);
    if (typeof r !== 'object' || r === null || typeof (r as { rule?: unknown }).rule !== 'string') throw new TypeError(monitorMessage.rulesFileShape(where));
    const { rule, severity = 'warning' } = r as { rule: string; severity?: unknown };
    if (severity !== 'warning' && severity !== 'critical') throw new RangeError(monitorMessage.ruleBadSeverity(`${where}[${k}]`, JSON.stringify(severity)));
    return parseRule(rule, severity);
  });
}

/**
 * The rules used when none are given:
 * - critical: `drifted_share > 0.3`, `prediction_psi > 0.25`, `metrics_worse >= 1`;
 * - warning: `drifted_count >= 1`, `prediction_psi > 0.1`, `invalid_rows > 1%`.
 */
export const DEFAULT_RULES: readonly { rule: string; severity: Severity }[] = [
  { rule: 'drifted_share > 0.3', severity: 'critical' },
  { rule: 'prediction_psi > 0.25', severity: 'critical' },
  { rule: 'metrics_worse >= 1', severity: 'critical' },
  { rule: 'drifted_count >= 1', severity: 'warning' },
  { rule: 'prediction_psi > 0.1', severity: 'warning' },
  { rule: 'invalid_rows > 1%', severity: 'warning' },
];
