/**
 * Completion from the kernel's live state: the members of the value a cell's `model.` names, or
 * the names cells declared. Reads property descriptors only — a getter is never called, so asking
 * for completions cannot run user code (beyond a Proxy's traps).
 */
import type { KernelCompletion } from '../../protocol/kernel';

/** Globals that exist before any cell runs (Node's own), so `complete([])` lists only what cells made. */
let baseline: Set<string> | undefined;

export function recordBaselineGlobals(): void {
  baseline = new Set(Object.getOwnPropertyNames(globalThis));
}

const MAX_ITEMS = 500;

/**
 * Per class of the `modelbook` module, the members it declares `private` or `protected`: TypeScript
 * erases those modifiers, so the build reads them from the source (scripts/privateMembers.mjs).
 * Matched by class name, so a cell's own class of the same name loses the same names from its list.
 */
declare const MODELBOOK_PRIVATE_MEMBERS: Record<string, readonly string[]>;

/**
 * @example
 * // after a cell ran `const model = new LogisticRegression()`
 * completeAt(['model']) // [{ name: 'fit', kind: 'method', detail: '(x, y, options)' }, …]
 */
export function completeAt(path: readonly string[]): KernelCompletion[] {
  if (path.length === 0) return declaredGlobals();
  let value: unknown = globalThis;
  for (const key of path) {
    const d = findDescriptor(value, key);
    if (!d || !('value' in d)) return [];
    value = d.value;
  }
  if (value === null || value === undefined) return [];
  return members(value);
}

function declaredGlobals(): KernelCompletion[] {
  const out: KernelCompletion[] = [];
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (baseline?.has(name) || name.startsWith('__')) continue;
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    if (d && 'value' in d) out.push(describe(name, d.value, false));
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
}

function members(value: unknown): KernelCompletion[] {
  const seen = hiddenMembers(value);
  const out: KernelCompletion[] = [];
  // Primitives complete as their wrapper objects do ('abc'.toUpperCase).
  let obj: object | null = Object(value) as object;
  while (obj && obj !== Object.prototype && obj !== Function.prototype && out.length < MAX_ITEMS) {
    for (const name of Object.getOwnPropertyNames(obj)) {
      // `_name` is JavaScript's (and TypeScript-compiled code's) mark of an internal member.
      if (seen.has(name) || name === 'constructor' || /^\d+$/.test(name) || name.startsWith('_')) continue;
      seen.add(name);
      const d = Object.getOwnPropertyDescriptor(obj, name)!;
      out.push('value' in d ? describe(name, d.value, true) : { name, kind: 'property', detail: d.get ? 'getter' : 'setter' });
    }
    obj = Object.getPrototypeOf(obj) as object | null;
  }
  return out;
}

/** The private and protected names of every modelbook class in the value's prototype chain (a subclass inherits its base's). */
function hiddenMembers(value: unknown): Set<string> {
  const hidden = new Set<string>();
  for (let o = Object.getPrototypeOf(Object(value)) as object | null; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    const ctor = Object.getOwnPropertyDescriptor(o, 'constructor')?.value as unknown;
    const name = typeof ctor === 'function' ? Object.getOwnPropertyDescriptor(ctor, 'name')?.value : undefined;
    if (typeof name === 'string' && Object.hasOwn(MODELBOOK_PRIVATE_MEMBERS, name)) for (const m of MODELBOOK_PRIVATE_MEMBERS[name]) hidden.add(m);
  }
  return hidden;
}

function describe(name: string, v: unknown, member: boolean): KernelCompletion {
  if (typeof v === 'function') {
    const src = safeSource(v);
    if (/^class\b/.test(src)) return { name, kind: 'class', detail: `class ${v.name || name}` };
    return { name, kind: member ? 'method' : 'function', detail: params(src, v.length) };
  }
  return { name, kind: member ? 'property' : 'variable', detail: typeName(v) };
}

function safeSource(f: object): string {
  try {
    return Function.prototype.toString.call(f);
  } catch {
    return '';
  }
}

/** The parameter list as written, e.g. '(x, y, options = {})', else one placeholder per declared parameter. */
function params(src: string, arity: number): string {
  const m = /^[^(]*\(([^)]*)\)/.exec(src);
  // Minified sources drop the spaces: put back the ones a reader expects after commas and around defaults.
  if (m && m[1].length <= 80)
    return `(${m[1]
      .replace(/\s+/g, ' ')
      .replace(/\s*,\s*/g, ', ')
      .replace(/\s*=(?![=>])\s*/g, ' = ')
      .trim()})`;
  return `(${Array.from({ length: arity }, (_, i) => `arg${i}`).join(', ')})`;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return `${typeof v} = ${String(v)}`;
  if (typeof v === 'string') return `string = ${JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v)}`;
  if (typeof v !== 'object') return typeof v;
  if (Array.isArray(v)) return `Array(${v.length})`;
  if (ArrayBuffer.isView(v) && 'length' in v) return `${v.constructor.name}(${(v as { length: number }).length})`;
  const ctor = (Object.getPrototypeOf(v) as { constructor?: { name?: string } } | null)?.constructor?.name;
  return ctor || 'Object';
}

function findDescriptor(obj: unknown, key: string): PropertyDescriptor | undefined {
  if (obj === null || obj === undefined) return undefined;
  for (let o: object | null = Object(obj) as object; o; o = Object.getPrototypeOf(o) as object | null) {
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return d;
  }
  return undefined;
}
