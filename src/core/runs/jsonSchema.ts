/**
 * A small JSON Schema (draft 2020-12) validator for the keywords Modelbook's own schemas use,
 * compiled once into closures (no `eval`, no `new Function`). A schema that uses a keyword this
 * validator does not enforce is rejected at compile time, so the schema can never promise more
 * than is checked.
 */

/** One way a value breaks its schema: a JSON-pointer-like path ('/metrics/auc') and what is wrong. */
export interface SchemaError {
  path: string;
  message: string;
}

/**
 * Returns whether the value is valid. With `errors`, collects every error with its path; without,
 * stops at the first failure and builds no path strings (the fast path for valid records).
 */
type Check = (value: unknown, path: string, errors: SchemaError[] | undefined) => boolean;

/** Compiled $defs; `pending` holds the ones being compiled, which only a recursive ref meets. */
interface Refs {
  done: Map<string, Check>;
  pending: Map<string, { check?: Check }>;
}
type Schema = boolean | { readonly [keyword: string]: unknown };

const ANNOTATIONS = new Set(['$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', '$defs']);
const KEYWORDS = new Set([
  'type', 'enum', 'const', 'properties', 'required', 'additionalProperties', 'items', 'minItems', 'maxItems', 'uniqueItems',
  'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', '$ref', 'anyOf', 'oneOf',
]);

/** How many errors one validation reports at most (a foreign file could produce thousands). */
const MAX_ERRORS = 20;

/**
 * Compiles a schema into a validator that returns every error (up to 20; empty when valid).
 *
 * @example
 * const check = compileSchema({ type: 'object', required: ['a'], properties: { a: { type: 'number' } } });
 * check({ a: 'x' }) // [{ path: '/a', message: 'expected number, got string' }]
 */
export function compileSchema(schema: Schema): (value: unknown) => SchemaError[] {
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null)) throw new TypeError('compileSchema: the schema must be an object or a boolean.');
  const refs: Refs = { done: new Map(), pending: new Map() };
  const root = compile(schema, schema, refs, '#');
  return (value) => {
    if (root(value, '', undefined)) return [];
    const errors: SchemaError[] = [];
    root(value, '', errors);
    return errors.slice(0, MAX_ERRORS);
  };
}

function compile(node: Schema, root: Schema, refs: Refs, where: string): Check {
  if (node === true) return () => true;
  if (node === false) return (_v, path, errors) => fail(errors, path, 'no value is allowed here');
  const checks: Check[] = [];
  for (const key of Object.keys(node)) {
    if (!KEYWORDS.has(key) && !ANNOTATIONS.has(key)) throw new Error(`compileSchema: keyword "${key}" at ${where} is not supported; supported: ${[...KEYWORDS].join(', ')}`);
  }
  const s = node as Record<string, unknown>;
  if (s.$ref !== undefined) checks.push(compileRef(String(s.$ref), root, refs, where));
  if (s.type !== undefined) checks.push(checkType(Array.isArray(s.type) ? (s.type as string[]) : [s.type as string]));
  if (s.enum !== undefined) checks.push(checkEnum(s.enum as unknown[]));
  if ('const' in s) checks.push(checkEnum([s.const]));
  pushNumberChecks(s, checks);
  pushStringChecks(s, checks);
  if (s.properties !== undefined || s.required !== undefined || s.additionalProperties !== undefined) checks.push(compileObject(s, root, refs, where));
  if (s.items !== undefined || s.minItems !== undefined || s.maxItems !== undefined || s.uniqueItems) checks.push(compileArray(s, root, refs, where));
  if (s.anyOf !== undefined) checks.push(compileAlternatives(s.anyOf as Schema[], 'anyOf', root, refs, where));
  if (s.oneOf !== undefined) checks.push(compileAlternatives(s.oneOf as Schema[], 'oneOf', root, refs, where));
  if (checks.length === 1) return checks[0];
  return (value, path, errors) => {
    let ok = true;
    for (const c of checks) {
      if (!c(value, path, errors)) {
        ok = false;
        if (!errors || errors.length >= MAX_ERRORS) return false;
      }
    }
    return ok;
  };
}

/** Records an error when collecting; always reports failure. */
function fail(errors: SchemaError[] | undefined, path: string, message: string): false {
  if (errors) errors.push({ path, message });
  return false;
}

function compileRef(ref: string, root: Schema, refs: Refs, where: string): Check {
  const m = /^#\/\$defs\/([^/]+)$/.exec(ref);
  if (!m) throw new Error(`compileSchema: $ref "${ref}" at ${where}: only local refs of the form "#/$defs/name" are supported`);
  const defs = typeof root === 'object' ? (root.$defs as Record<string, Schema> | undefined) : undefined;
  if (!defs || !(m[1] in defs)) throw new Error(`compileSchema: $ref "${ref}" at ${where} names no entry of $defs`);
  const done = refs.done.get(ref);
  if (done) return done;
  // A definition that refers to itself meets its own ref while compiling: defer that one call.
  const pending = refs.pending.get(ref);
  if (pending) return (v, p, e) => pending.check!(v, p, e);
  const slot: { check?: Check } = {};
  refs.pending.set(ref, slot);
  slot.check = compile(defs[m[1]], root, refs, ref);
  refs.pending.delete(ref);
  refs.done.set(ref, slot.check);
  return slot.check;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const TYPE_TESTS: Record<string, (v: unknown) => boolean> = {
  null: (v) => v === null,
  boolean: (v) => typeof v === 'boolean',
  string: (v) => typeof v === 'string',
  number: (v) => typeof v === 'number',
  integer: (v) => Number.isInteger(v),
  array: (v) => Array.isArray(v),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
};

function checkType(types: string[]): Check {
  const unknown = types.find((t) => !(t in TYPE_TESTS));
  if (unknown) throw new Error(`compileSchema: unknown type "${unknown}"`);
  const label = types.join(' or ');
  const report = (v: unknown, path: string, errors: SchemaError[] | undefined) => {
    const t = jsonType(v);
    return fail(errors, path, `expected ${label}, got ${t === 'integer' ? 'number' : t}`);
  };
  // Specialised for the common shapes: these run once per value of every record read.
  const [a, b] = types.map((t) => TYPE_TESTS[t]);
  if (types.length === 1) return (v, path, errors) => a(v) || report(v, path, errors);
  if (types.length === 2) return (v, path, errors) => a(v) || b(v) || report(v, path, errors);
  const tests = types.map((t) => TYPE_TESTS[t]);
  return (v, path, errors) => tests.some((t) => t(v)) || report(v, path, errors);
}

function checkEnum(values: unknown[]): Check {
  const keys = new Set(values.map((v) => JSON.stringify(v)));
  const scalars = new Set(values.filter((v) => v === null || typeof v !== 'object'));
  const label = values.map((v) => JSON.stringify(v)).join(', ');
  return (v, path, errors) => {
    // Scalars compare directly; only objects and arrays need their JSON text.
    if (v === null || typeof v !== 'object' ? scalars.has(v) : keys.has(JSON.stringify(v))) return true;
    return fail(errors, path, values.length === 1 ? `expected ${label}, got ${preview(v)}` : `expected one of ${label}, got ${preview(v)}`);
  };
}

function pushNumberChecks(s: Record<string, unknown>, checks: Check[]): void {
  const bound = (key: string, fails: (v: number, b: number) => boolean, words: string) => {
    if (typeof s[key] !== 'number') return;
    const b = s[key] as number;
    checks.push((v, path, errors) => (typeof v === 'number' && fails(v, b) ? fail(errors, path, `must be ${words} ${b}, got ${v}`) : true));
  };
  bound('minimum', (v, b) => v < b, 'at least');
  bound('maximum', (v, b) => v > b, 'at most');
  bound('exclusiveMinimum', (v, b) => v <= b, 'greater than');
  bound('exclusiveMaximum', (v, b) => v >= b, 'less than');
}

function pushStringChecks(s: Record<string, unknown>, checks: Check[]): void {
  if (typeof s.minLength === 'number') {
    const n = s.minLength;
    checks.push((v, path, errors) => (typeof v === 'string' && v.length < n ? fail(errors, path, n === 1 ? 'must not be empty' : `must have at least ${n} characters`) : true));
  }
  if (typeof s.maxLength === 'number') {
    const n = s.maxLength;
    checks.push((v, path, errors) => (typeof v === 'string' && v.length > n ? fail(errors, path, `must have at most ${n} characters, has ${v.length}`) : true));
  }
  if (typeof s.pattern === 'string') {
    const re = new RegExp(s.pattern, 'u');
    checks.push((v, path, errors) => (typeof v === 'string' && !re.test(v) ? fail(errors, path, `${preview(v)} does not match ${s.pattern}`) : true));
  }
}

function compileObject(s: Record<string, unknown>, root: Schema, refs: Refs, where: string): Check {
  const props = new Map<string, Check>();
  for (const [k, sub] of Object.entries((s.properties ?? {}) as Record<string, Schema>)) props.set(k, compile(sub, root, refs, `${where}/properties/${k}`));
  const required = (s.required ?? []) as string[];
  const extra = s.additionalProperties === undefined ? undefined : compile(s.additionalProperties as Schema, root, refs, `${where}/additionalProperties`);
  const closed = s.additionalProperties === false;
  return (v, path, errors) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return true;
    const obj = v as Record<string, unknown>;
    let ok = true;
    for (const r of required) if (!(r in obj)) ok = fail(errors, path, `missing required "${r}"`);
    if (!ok && !errors) return false;
    for (const k in obj) {
      const check = props.get(k) ?? (closed ? undefined : extra);
      const at = errors ? `${path}/${k}` : path;
      const good = check ? check(obj[k], at, errors) : closed ? fail(errors, at, `unknown property "${k}"`) : true;
      if (!good) {
        ok = false;
        if (!errors || errors.length >= MAX_ERRORS) return false;
      }
    }
    return ok;
  };
}

function compileArray(s: Record<string, unknown>, root: Schema, refs: Refs, where: string): Check {
  const items = s.items === undefined ? undefined : compile(s.items as Schema, root, refs, `${where}/items`);
  const min = s.minItems as number | undefined;
  const max = s.maxItems as number | undefined;
  const unique = s.uniqueItems === true;
  return (v, path, errors) => {
    if (!Array.isArray(v)) return true;
    let ok = true;
    if (min !== undefined && v.length < min) ok = fail(errors, path, `must have at least ${min} items, has ${v.length}`);
    if (max !== undefined && v.length > max) ok = fail(errors, path, `must have at most ${max} items, has ${v.length}`);
    if (unique && new Set(v.map((x) => JSON.stringify(x))).size !== v.length) ok = fail(errors, path, 'items must be unique');
    if (!ok && !errors) return false;
    if (items) {
      for (let i = 0; i < v.length; i++) {
        if (items(v[i], errors ? `${path}/${i}` : path, errors)) continue;
        ok = false;
        if (!errors || errors.length >= MAX_ERRORS) return false;
      }
    }
    return ok;
  };
}

function compileAlternatives(options: Schema[], keyword: 'anyOf' | 'oneOf', root: Schema, refs: Refs, where: string): Check {
  const checks = options.map((o, i) => compile(o, root, refs, `${where}/${keyword}/${i}`));
  return (v, path, errors) => {
    let matched = 0;
    for (const c of checks) if (c(v, path, undefined)) matched++;
    if (matched === 0) return fail(errors, path, `matches none of the ${checks.length} allowed shapes`);
    if (keyword === 'oneOf' && matched > 1) return fail(errors, path, `matches ${matched} of the allowed shapes; exactly one is allowed`);
    return true;
  };
}

function preview(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
