import { SUMMARY_FIELDS } from '../summary';
import { parseFilter, type CompareOp, type FilterNode, type Literal, type Operand } from './parse';
import { checkPathRoot, readPath } from './readPath';

/** A compiled filter: true for the rows it keeps. */
export type RunPredicate = (row: unknown) => boolean;

export interface CompileFilterOptions {
  /** Top-level fields paths may start with. Default: the run summary's fields; `null` allows any. */
  fields?: readonly string[] | null;
}

/**
 * Compiles a filter expression into a predicate (a tree of closures; nothing is `eval`ed).
 * Throws a FilterSyntaxError with the position for a malformed filter or an unknown field.
 * A missing value never matches `<`, `>`, `~`, `has`; `x != v` is true when x is missing;
 * `x == null` tests for missing. Text comparisons are case-sensitive, `~` is not.
 *
 * @example
 * const keep = compileFilter('metrics.auc > 0.8 && params.lr <= 0.01');
 * runs.filter(keep)
 */
export function compileFilter(expression: string, options: CompileFilterOptions = {}): RunPredicate {
  const tree = parseFilter(expression);
  const fields = options.fields === undefined ? SUMMARY_FIELDS : options.fields;
  if (fields) checkFields(tree, fields, expression);
  return compileNode(tree);
}

function checkFields(node: FilterNode, fields: readonly string[], expression: string): void {
  const operand = (o: Operand) => {
    if (o.type === 'path') checkPathRoot(o.segments, fields, o.pos, expression);
  };
  switch (node.type) {
    case 'or':
    case 'and':
      checkFields(node.left, fields, expression);
      return checkFields(node.right, fields, expression);
    case 'not':
      return checkFields(node.operand, fields, expression);
    case 'compare':
      operand(node.left);
      return operand(node.right);
    case 'truthy':
      return operand(node.operand);
  }
}

function compileNode(node: FilterNode): RunPredicate {
  switch (node.type) {
    case 'or': {
      const [a, b] = [compileNode(node.left), compileNode(node.right)];
      return (row) => a(row) || b(row);
    }
    case 'and': {
      const [a, b] = [compileNode(node.left), compileNode(node.right)];
      return (row) => a(row) && b(row);
    }
    case 'not': {
      const a = compileNode(node.operand);
      return (row) => !a(row);
    }
    case 'truthy': {
      const get = compileOperand(node.operand);
      return (row) => truthy(get(row));
    }
    case 'compare': {
      const [left, right, test] = [compileOperand(node.left), compileOperand(node.right), COMPARATORS[node.op]];
      return (row) => test(left(row), right(row));
    }
  }
}

function compileOperand(o: Operand): (row: unknown) => unknown {
  if (o.type === 'path') {
    const segments = o.segments;
    return (row) => readPath(row, segments);
  }
  const value: Literal | Literal[] = o.type === 'list' ? o.items : o.value;
  return () => value;
}

function truthy(v: unknown): boolean {
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length > 0;
  return v !== undefined && v !== null && v !== false && v !== 0 && v !== '' && !Number.isNaN(v);
}

function equal(a: unknown, b: unknown): boolean {
  if (b === null || b === undefined) return a === null || a === undefined;
  if (typeof a !== 'object' || a === null || typeof b !== 'object') return a === b;
  return JSON.stringify(a) === JSON.stringify(b);
}

function ordered(a: unknown, b: unknown): number | undefined {
  if (typeof a === 'number' && typeof b === 'number' && !Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  return undefined;
}

function contains(a: unknown, b: unknown): boolean {
  if (typeof b !== 'string') return false;
  const needle = b.toLowerCase();
  if (typeof a === 'string') return a.toLowerCase().includes(needle);
  if (Array.isArray(a)) return a.some((x) => typeof x === 'string' && x.toLowerCase().includes(needle));
  return false;
}

function has(a: unknown, b: unknown): boolean {
  if (Array.isArray(a)) return a.some((x) => equal(x, b));
  if (typeof a === 'string') return typeof b === 'string' && a.includes(b);
  if (typeof a === 'object' && a !== null) return typeof b === 'string' && Object.prototype.hasOwnProperty.call(a, b);
  return false;
}

const COMPARATORS: Record<CompareOp, (a: unknown, b: unknown) => boolean> = {
  '==': equal,
  '!=': (a, b) => !equal(a, b),
  '<': (a, b) => (ordered(a, b) ?? NaN) < 0,
  '<=': (a, b) => (ordered(a, b) ?? NaN) <= 0,
  '>': (a, b) => (ordered(a, b) ?? NaN) > 0,
  '>=': (a, b) => (ordered(a, b) ?? NaN) >= 0,
  '~': contains,
  '!~': (a, b) => a !== undefined && a !== null && !contains(a, b),
  has,
  in: (a, b) => (Array.isArray(b) ? b.some((x) => equal(a, x)) : has(b, a)),
};
