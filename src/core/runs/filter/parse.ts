import { runMessage } from '../messages';
import { FilterSyntaxError } from './error';
import { tokenizeFilter, type Token } from './tokenize';

export type Literal = string | number | boolean | null;
export type PathSegment = string | number;

export type Operand = { type: 'path'; segments: PathSegment[]; text: string; pos: number } | { type: 'literal'; value: Literal; pos: number } | { type: 'list'; items: Literal[]; pos: number };

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | '~' | '!~' | 'has' | 'in';

export type FilterNode =
  | { type: 'or' | 'and'; left: FilterNode; right: FilterNode }
  | { type: 'not'; operand: FilterNode }
  | { type: 'compare'; op: CompareOp; left: Operand; right: Operand; pos: number }
  | { type: 'truthy'; operand: Operand };

const COMPARE = new Set(['==', '!=', '<', '<=', '>', '>=', '~', '!~']);
const KEYWORDS = new Set(['and', 'or', 'not', 'has', 'in', 'true', 'false', 'null']);
const MAX_DEPTH = 64;

/**
 * Parses a filter expression into a tree. Grammar, loosest first:
 * `a || b` (or `or`), `a && b` (or `and`), `!a` (or `not`), then one comparison
 * `x == y`, `!=`, `<`, `<=`, `>`, `>=`, `~` (contains text, any case), `!~`, `has`, `in [list]`,
 * or a bare path (true when present and not false/0/empty). Parentheses group.
 * Paths are `metrics.auc`, `params["learning rate"]`, `params.layers[0]`.
 *
 * @example
 * parseFilter('metrics.auc > 0.8 && tags has "baseline"') // { type: 'and', left: { type: 'compare', … }, right: … }
 */
export function parseFilter(expression: string): FilterNode {
  const tokens = tokenizeFilter(expression);
  if (tokens.length === 1) throw new FilterSyntaxError(runMessage.filterEmpty, 0, expression);
  const parser = new Parser(tokens, expression);
  const node = parser.or(0);
  parser.expectEnd();
  return node;
}

/**
 * Parses a column path such as `metrics.auc` or `params["hidden units"]` (used by sort keys and
 * columns). Throws a FilterSyntaxError for anything else.
 *
 * @example
 * parsePath('params["lr"]').segments // ['params', 'lr']
 */
export function parsePath(text: string): { segments: PathSegment[]; text: string } {
  const parser = new Parser(tokenizeFilter(text), text);
  const path = parser.path();
  parser.expectEnd();
  return { segments: path.segments, text: path.text };
}

class Parser {
  private i = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly expression: string,
  ) {}

  or(depth: number): FilterNode {
    let left = this.and(depth);
    while (this.take('||') || this.takeWord('or')) left = { type: 'or', left, right: this.and(depth) };
    return left;
  }

  private and(depth: number): FilterNode {
    let left = this.not(depth);
    while (this.take('&&') || this.takeWord('and')) left = { type: 'and', left, right: this.not(depth) };
    return left;
  }

  private not(depth: number): FilterNode {
    if (depth > MAX_DEPTH) this.fail(runMessage.filterTooDeep);
    if (this.take('!') || this.takeWord('not')) return { type: 'not', operand: this.not(depth + 1) };
    if (this.take('(')) {
      const inner = this.or(depth + 1);
      this.expect(')', 'a closing ")"');
      return inner;
    }
    return this.comparison();
  }

  private comparison(): FilterNode {
    const left = this.operand();
    const t = this.peek();
    let op: CompareOp | undefined;
    if (t.type === 'op' && COMPARE.has(t.text)) op = t.text as CompareOp;
    else if (t.type === 'ident' && (t.text.toLowerCase() === 'has' || t.text.toLowerCase() === 'in')) op = t.text.toLowerCase() as CompareOp;
    if (!op) return { type: 'truthy', operand: left };
    this.i++;
    const right = op === 'in' ? this.list(t) : this.operand(t.text);
    if (op === '~' || op === '!~') {
      if (right.type !== 'path' && !(right.type === 'literal' && typeof right.value === 'string')) this.fail(`${op} needs a text on its right, e.g. notebook ~ "churn"`, right.pos);
    }
    const next = this.peek();
    if ((next.type === 'op' && COMPARE.has(next.text)) || (next.type === 'ident' && ['has', 'in'].includes(next.text.toLowerCase()))) this.fail(runMessage.filterChained, next.pos);
    return { type: 'compare', op, left, right, pos: t.pos };
  }

  private list(opToken: Token): Operand {
    const start = this.peek();
    // `"baseline" in tags`: a path on the right names a list in the row.
    if (start.type === 'ident' && !KEYWORDS.has(start.text.toLowerCase())) return this.path();
    if (!this.take('[')) this.fail(runMessage.filterListOnly, start.pos);
    const items: Literal[] = [];
    if (!this.take(']')) {
      do {
        const item = this.operand(items.length ? ',' : opToken.text);
        if (item.type !== 'literal') this.fail('A list holds values (numbers, "text", true, false, null)', item.pos);
        items.push(item.value);
      } while (this.take(','));
      this.expect(']', 'a closing "]" or ","');
    }
    return { type: 'list', items, pos: start.pos };
  }

  private operand(after = ''): Operand {
    const t = this.peek();
    if (t.type === 'number') return (this.advance(), { type: 'literal', value: t.value as number, pos: t.pos });
    if (t.type === 'string') return (this.advance(), { type: 'literal', value: t.value as string, pos: t.pos });
    if (t.type === 'op' && t.text === '-' && this.tokens[this.i + 1]?.type === 'number') {
      this.i += 2;
      return { type: 'literal', value: -(this.tokens[this.i - 1].value as number), pos: t.pos };
    }
    if (t.type === 'ident') {
      const word = t.text.toLowerCase();
      if (word === 'true' || word === 'false') return (this.advance(), { type: 'literal', value: word === 'true', pos: t.pos });
      if (word === 'null') return (this.advance(), { type: 'literal', value: null, pos: t.pos });
      if (!KEYWORDS.has(word)) return this.path();
    }
    return this.fail(runMessage.filterExpectedValue(after), t.pos);
  }

  path(): Operand & { type: 'path' } {
    const first = this.peek();
    if (first.type !== 'ident') this.fail(runMessage.filterExpected('a field name such as metrics.auc', describe(first)), first.pos);
    this.i++;
    const segments: PathSegment[] = [first.text];
    for (;;) {
      if (this.take('.')) {
        const t = this.peek();
        if (t.type === 'ident' || (t.type === 'number' && Number.isInteger(t.value))) segments.push(t.type === 'ident' ? t.text : (t.value as number));
        else this.fail(runMessage.filterExpected('a name after "."', describe(t)), t.pos);
        this.i++;
      } else if (this.take('[')) {
        const t = this.peek();
        if (t.type !== 'string' && !(t.type === 'number' && Number.isInteger(t.value))) this.fail(runMessage.filterExpected('a "quoted name" or a whole number inside [ ]', describe(t)), t.pos);
        this.i++;
        segments.push(t.value as string | number);
        this.expect(']', 'a closing "]"');
      } else break;
    }
    const end = this.tokens[this.i - 1];
    // The last token of a path is a name, a number or "]", whose source text is its text.
    const text = this.expression.slice(first.pos, end.pos + end.text.length);
    return { type: 'path', segments, text, pos: first.pos };
  }

  expectEnd(): void {
    const t = this.peek();
    if (t.type !== 'end') this.fail(runMessage.filterExpected('&&, || or the end of the filter', describe(t)), t.pos);
  }

  private expect(op: string, what: string): void {
    const t = this.peek();
    if (!this.take(op)) this.fail(runMessage.filterExpected(what, describe(t)), t.pos);
  }

  private take(op: string): boolean {
    const t = this.peek();
    if (t.type === 'op' && t.text === op) return (this.advance(), true);
    return false;
  }

  private takeWord(word: string): boolean {
    const t = this.peek();
    if (t.type === 'ident' && t.text.toLowerCase() === word) return (this.advance(), true);
    return false;
  }

  private peek(): Token {
    return this.tokens[this.i];
  }

  private advance(): void {
    this.i++;
  }

  private fail(reason: string, pos: number = this.peek().pos): never {
    throw new FilterSyntaxError(reason, pos, this.expression);
  }
}

function describe(t: Token): string {
  if (t.type === 'end') return 'the end of the filter';
  if (t.type === 'string') return JSON.stringify(t.text);
  return `"${t.text}"`;
}
