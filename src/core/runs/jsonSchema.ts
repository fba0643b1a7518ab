/**
 * Messages for JSON Schema errors. Validators are compiled from the schema at build time by Ajv's
 * standalone mode (scripts/build-schema-validator.mjs), so no code is generated at run time; this
 * turns Ajv's errors into one short sentence each, with a JSON-pointer-like path.
 */

/** One way a value breaks its schema: a JSON-pointer-like path ('/metrics/auc') and what is wrong. */
export interface SchemaError {
  path: string;
  message: string;
}

/** The part of an Ajv error object the messages use. */
export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

/** A validator as Ajv's standalone mode writes it: true or false, errors on `.errors`. */
export type CompiledValidator = ((value: unknown) => boolean) & { errors?: AjvError[] | null };

/** How many errors one validation reports at most (a foreign file could produce thousands). */
const MAX_ERRORS = 20;

/**
 * Every way a value breaks the schema of a compiled validator (up to 20; empty when valid).
 *
 * @example
 * schemaErrors(validateRunRecordSchema, { version: 1 }) // [{ path: '', message: 'missing required "id"' }, …]
 */
export function schemaErrors(validate: CompiledValidator, value: unknown): SchemaError[] {
  if (validate(value)) return [];
  return (validate.errors ?? []).slice(0, MAX_ERRORS).map((e) => describeError(e, value));
}

function describeError(e: AjvError, root: unknown): SchemaError {
  const keys = e.instancePath
    .split('/')
    .slice(1)
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
  // Paths show keys as they are ('/metrics/val/loss'), not escaped as JSON pointers (~1, ~0).
  const path = keys.map((k) => `/${k}`).join('');
  const data = keys.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], root);
  const p = e.params;
  switch (e.keyword) {
    case 'type':
      return { path, message: `expected ${String(p.type).split(',').join(' or ')}, got ${jsonType(data)}` };
    case 'enum':
      return { path, message: `expected one of ${(p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}, got ${preview(data)}` };
    case 'const':
      return { path, message: `expected ${JSON.stringify(p.allowedValue)}, got ${preview(data)}` };
    case 'required':
      return { path, message: `missing required "${String(p.missingProperty)}"` };
    case 'additionalProperties':
      return { path: `${path}/${String(p.additionalProperty)}`, message: `unknown property "${String(p.additionalProperty)}"` };
    case 'pattern':
      return { path, message: `${preview(data)} does not match ${String(p.pattern)}` };
    case 'minLength':
      return { path, message: p.limit === 1 ? 'must not be empty' : `must have at least ${String(p.limit)} characters` };
    case 'maxLength':
      return { path, message: `must have at most ${String(p.limit)} characters, has ${[...(data as string)].length}` };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path, message: `must be ${BOUND_WORDS[e.keyword]} ${String(p.limit)}, got ${String(data)}` };
    case 'minItems':
    case 'maxItems':
      return { path, message: `must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${String(p.limit)} items, has ${String((data as unknown[]).length)}` };
    case 'uniqueItems':
      return { path, message: 'items must be unique' };
    default:
      return { path, message: `fails the schema's "${e.keyword}"` };
  }
}

const BOUND_WORDS: Record<string, string> = { minimum: 'at least', maximum: 'at most', exclusiveMinimum: 'greater than', exclusiveMaximum: 'less than' };

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

function preview(v: unknown): string {
  const text = JSON.stringify(v) ?? String(v);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
