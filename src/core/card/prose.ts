import type { JsonValue, RunRecord } from '../runs/contract';
import type { CardProse, ProblemDefinition } from './contract';
import { cardMessage } from './messages';

const MAX_CHARS = 20_000;
const PROBLEM_TEXT = ['objective', 'target', 'users', 'decision', 'successCriteria', 'constraints'] as const;
const PROBLEM_FIELDS = [...PROBLEM_TEXT, 'sensitiveAttributes'] as const;
const PROSE_FIELDS = [
  'intendedUse',
  'outOfScope',
  'limitations',
  'ethics',
  'recommendations',
  'factors',
  'metricRationale',
  'trainingDataNotes',
  'evaluationDataNotes',
  'humanOversight',
  'owners',
  'license',
] as const;

function text(fn: string, field: string, v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v !== 'string' || v.length > MAX_CHARS) throw new TypeError(cardMessage.notText(fn, field, MAX_CHARS));
  return v.trim();
}

function fieldsOf(fn: string, v: unknown, known: readonly string[], example: string): Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new TypeError(cardMessage.notObject(fn, example));
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) if (!known.includes(k)) throw new TypeError(cardMessage.unknownField(fn, k, known));
  return o;
}

/**
 * A problem definition checked: every text field written (trimmed), sensitive attributes a list of names.
 * Throws a sentence naming what is missing or wrong.
 *
 * @example
 * checkProblem({ objective: 'Flag churners', target: 'churn (yes/no)', users: 'retention team', decision: 'call or not', successCriteria: 'recall >= 0.7', constraints: 'no postcode' })
 */
export function checkProblem(v: unknown): ProblemDefinition {
  const o = fieldsOf('problem', v, PROBLEM_FIELDS, "{ objective: 'Flag customers likely to leave', target: 'churn', … }");
  const p = Object.fromEntries(PROBLEM_TEXT.map((k) => [k, text('problem', k, o[k])])) as Record<(typeof PROBLEM_TEXT)[number], string>;
  const empty = PROBLEM_TEXT.filter((k) => p[k] === '');
  if (empty.length > 0) throw new TypeError(cardMessage.problemRequired(empty));
  const out: ProblemDefinition = { ...p };
  if (o.sensitiveAttributes !== undefined) {
    const s = o.sensitiveAttributes;
    if (!Array.isArray(s) || s.some((x) => typeof x !== 'string' || x === '' || x.length > 200)) throw new TypeError(cardMessage.notTextList('problem', 'sensitiveAttributes'));
    out.sensitiveAttributes = [...new Set(s as string[])];
  }
  return out;
}

/**
 * A card's prose checked: each field text (trimmed; absent → ''). Missing required prose is not an
 * error here: the card lists it (`ModelCard.missing`).
 *
 * @example
 * checkCardProse({ intendedUse: 'Rank customers for retention calls', limitations: '…', ethics: '…' })
 */
export function checkCardProse(v: unknown): CardProse {
  const o = fieldsOf('modelCard', v, PROSE_FIELDS, "{ intendedUse: 'Rank customers for retention calls', limitations: '…', ethics: '…' }");
  const out: Record<string, string> = {};
  for (const k of PROSE_FIELDS) out[k] = text('modelCard', k, o[k]);
  return out as unknown as CardProse;
}

/** The prose as run params (JSON); the names of the fields a card run stores. */
export function proseParams(p: ProblemDefinition | CardProse): Record<string, JsonValue> {
  return JSON.parse(JSON.stringify(p)) as Record<string, JsonValue>;
}

/** A problem run's definition read back (undefined: not a readable problem run). */
export function problemOf(record: RunRecord): ProblemDefinition | undefined {
  if (record.kind !== 'problem') return undefined;
  try {
    return checkProblem(pick(record.params, PROBLEM_FIELDS));
  } catch {
    return undefined;
  }
}

/** A card run's prose read back ('' for what it lacks). */
export function proseOf(record: RunRecord): CardProse | undefined {
  if (record.kind !== 'card') return undefined;
  try {
    return checkCardProse(pick(record.params, PROSE_FIELDS));
  } catch {
    return undefined;
  }
}

function pick(params: Record<string, JsonValue>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => params[k] !== undefined).map((k) => [k, params[k]]));
}
