import { runMessage } from '../messages';
import { FilterSyntaxError } from './error';

export type TokenType = 'number' | 'string' | 'ident' | 'op' | 'end';

export interface Token {
  type: TokenType;
  /** The operator or identifier text, the string's value, or the number's source. */
  text: string;
  value?: number | string;
  /** 0-based offset in the expression. */
  pos: number;
}

/** Longest first, so `<=` is not read as `<` then `=`. */
const OPERATORS = ['==', '!=', '<=', '>=', '!~', '&&', '||', '<', '>', '~', '!', '(', ')', '[', ']', ',', '.', '-'];
const IDENT_START = /[A-Za-z_$]/;
const IDENT_PART = /[A-Za-z0-9_$]/;
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };

/**
 * Splits a filter expression into tokens (numbers, quoted strings, identifiers, operators),
 * ending with an `end` token. Throws a FilterSyntaxError that points at the offending character.
 *
 * @example
 * tokenizeFilter('metrics.auc > 0.8').map((t) => t.text) // ['metrics', '.', 'auc', '>', '0.8', '']
 */
export function tokenizeFilter(expression: string): Token[] {
  if (typeof expression !== 'string') throw new TypeError(runMessage.filterNotString);
  const tokens: Token[] = [];
  let i = 0;
  while (i < expression.length) {
    const ch = expression[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const num = NUMBER.exec(expression.slice(i));
    if (num && (/\d/.test(ch) || (ch === '.' && !isPathDot(tokens)))) {
      tokens.push({ type: 'number', text: num[0], value: Number(num[0]), pos: i });
      i += num[0].length;
      continue;
    }
    if (ch === '"' || ch === "'") {
      const [value, end] = readString(expression, i);
      tokens.push({ type: 'string', text: value, value, pos: i });
      i = end;
      continue;
    }
    if (IDENT_START.test(ch)) {
      let j = i + 1;
      while (j < expression.length && IDENT_PART.test(expression[j])) j++;
      tokens.push({ type: 'ident', text: expression.slice(i, j), pos: i });
      i = j;
      continue;
    }
    const op = OPERATORS.find((o) => expression.startsWith(o, i));
    if (op) {
      tokens.push({ type: 'op', text: op, pos: i });
      i += op.length;
      continue;
    }
    if (ch === '=') throw new FilterSyntaxError(runMessage.filterSingleEquals, i, expression);
    if (ch === '&' || ch === '|') throw new FilterSyntaxError(runMessage.filterSingleAndOr(ch), i, expression);
    throw new FilterSyntaxError(runMessage.filterUnexpectedChar(ch), i, expression);
  }
  tokens.push({ type: 'end', text: '', pos: expression.length });
  return tokens;
}

/** `metrics.auc` : the dot after an identifier or `]` is a path step, not the start of `.5`. */
function isPathDot(tokens: Token[]): boolean {
  const last = tokens[tokens.length - 1];
  return last !== undefined && (last.type === 'ident' || last.text === ']');
}

function readString(expression: string, start: number): [string, number] {
  const quote = expression[start];
  let out = '';
  for (let i = start + 1; i < expression.length; i++) {
    const ch = expression[i];
    if (ch === quote) return [out, i + 1];
    if (ch === '\\' && i + 1 < expression.length) {
      const next = expression[++i];
      out += ESCAPES[next] ?? next;
    } else {
      out += ch;
    }
  }
  throw new FilterSyntaxError(runMessage.filterUnterminatedString, start, expression);
}
