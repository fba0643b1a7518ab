/**
 * Completion from the kernel's live state: the members of the value a cell's `model.` names, or
 * the names cells declared. Reads property descriptors only — a getter is never called, so asking
 * for completions cannot run user code (beyond a Proxy's traps).
 */
import type { KernelCompletion } from '../../protocol/kernel';
import { declaredGlobals, findDescriptor, hiddenMembers } from './inspect';

const MAX_ITEMS = 500;

/**
 * @example
 * // after a cell ran `const model = new LogisticRegression()`
 * completeAt(['model']) // [{ name: 'fit', kind: 'method', detail: '(x, y, options)' }, …]
 */
export function completeAt(path: readonly string[]): KernelCompletion[] {
  if (path.length === 0) return declaredNames();
  let value: unknown = globalThis;
  for (const key of path) {
    const d = findDescriptor(value, key);
    if (!d || !('value' in d)) return [];
    value = d.value;
  }
  if (value === null || value === undefined) return [];
  return members(value);
}

function declaredNames(): KernelCompletion[] {
  const out: KernelCompletion[] = [];
  for (const [name, d] of declaredGlobals()) {
    if ('value' in d) out.push(describe(name, d.value, false));
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
