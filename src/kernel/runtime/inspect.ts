/**
 * Reading the kernel's live values without running their code: property descriptors only, so a
 * getter is never called (completion and the Variables view both read values this way). A Proxy is
 * left alone: even reading its descriptors runs its traps.
 */
import { types } from 'node:util';

/** Globals that exist before any cell runs (Node's own), so only what cells made is listed. */
let baseline: Set<string> | undefined;

export function recordBaselineGlobals(): void {
  baseline = new Set(Object.getOwnPropertyNames(globalThis));
}

/** The global names cells declared, in declaration order, each with its descriptor. */
export function declaredGlobals(): [string, PropertyDescriptor][] {
  const out: [string, PropertyDescriptor][] = [];
  for (const name of Object.getOwnPropertyNames(globalThis)) {
    if (baseline?.has(name) || name.startsWith('__')) continue;
    const d = Object.getOwnPropertyDescriptor(globalThis, name);
    if (d) out.push([name, d]);
  }
  return out;
}

/**
 * Per class of the `modelbook` module, the members it declares `private` or `protected`: TypeScript
 * erases those modifiers, so the build reads them from the source (scripts/privateMembers.mjs).
 * Matched by class name, so a cell's own class of the same name loses the same names from its list.
 */
declare const MODELBOOK_PRIVATE_MEMBERS: Record<string, readonly string[]>;

/** The private and protected names of every modelbook class in the value's prototype chain (a subclass inherits its base's). */
export function hiddenMembers(value: unknown): Set<string> {
  const hidden = new Set<string>();
  for (let o = Object.getPrototypeOf(Object(value)) as object | null; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    const name = ctorName(o);
    if (name !== undefined && Object.hasOwn(MODELBOOK_PRIVATE_MEMBERS, name)) for (const m of MODELBOOK_PRIVATE_MEMBERS[name]) hidden.add(m);
  }
  return hidden;
}

/** The name of the class whose prototype `proto` is, read from descriptors (undefined when it has none). */
function ctorName(proto: object): string | undefined {
  const ctor = Object.getOwnPropertyDescriptor(proto, 'constructor')?.value as unknown;
  const name = typeof ctor === 'function' ? (Object.getOwnPropertyDescriptor(ctor, 'name')?.value as unknown) : undefined;
  return typeof name === 'string' && name ? name : undefined;
}

/** The class name of an object ('Object' for a plain one, 'Object' too for a null-prototype one); a Proxy is 'Proxy'. */
export function classNameOf(v: object): string {
  if (types.isProxy(v)) return 'Proxy';
  const proto = Object.getPrototypeOf(v) as object | null;
  return (proto && ctorName(proto)) ?? 'Object';
}

/** Whether `v`'s prototype chain holds a method `name` (a function-valued data property, not a getter). */
export function hasMethod(v: object, name: string): boolean {
  return typeof findDescriptor(v, name)?.value === 'function';
}

/** The value of `obj`'s own data property `key`, or undefined when it has none (or only a getter). */
export function ownData(obj: object, key: string): unknown {
  if (types.isProxy(obj)) return undefined;
  const d = Object.getOwnPropertyDescriptor(obj, key);
  return d && 'value' in d ? (d.value as unknown) : undefined;
}

export function findDescriptor(obj: unknown, key: string): PropertyDescriptor | undefined {
  if (obj === null || obj === undefined) return undefined;
  for (let o: object | null = Object(obj) as object; o; o = Object.getPrototypeOf(o) as object | null) {
    if (types.isProxy(o)) return undefined;
    const d = Object.getOwnPropertyDescriptor(o, key);
    if (d) return d;
  }
  return undefined;
}

export type Resolved = { ok: true; value: unknown } | { ok: false; reason: 'missing' | 'getter' };

/**
 * The value at `path` from the global scope: each step an own or inherited data property, an entry
 * of a Map (by its key as the Variables view shows it) or of a Set (by position).
 *
 * @example
 * valueAt(['model', 'coef']) // { ok: true, value: Matrix }
 */
export function valueAt(path: readonly string[]): Resolved {
  let value: unknown = globalThis;
  for (const key of path) {
    if (types.isMap(value) || types.isSet(value)) {
      const c = value as Map<unknown, unknown> | Set<unknown>;
      const entry = collectionEntry(c, key);
      if (!entry) return { ok: false, reason: 'missing' };
      value = entry.value;
      continue;
    }
    const d = findDescriptor(value, key);
    if (!d) return { ok: false, reason: 'missing' };
    if (!('value' in d)) return { ok: false, reason: 'getter' };
    value = d.value;
  }
  return { ok: true, value };
}

/** Entries of a Map or Set as the Variables view names them: a Map's keys shown as text, a Set's positions. */
export function collectionEntries(c: Map<unknown, unknown> | Set<unknown>, max: number): { name: string; value: unknown }[] {
  const out: { name: string; value: unknown }[] = [];
  if (types.isMap(c)) {
    for (const [k, v] of mapEntries.call(c as Map<unknown, unknown>)) {
      if (out.length >= max) break;
      out.push({ name: keyText(k), value: v });
    }
  } else {
    for (const v of setValues.call(c as Set<unknown>)) {
      if (out.length >= max) break;
      out.push({ name: String(out.length), value: v });
    }
  }
  return out;
}

/** The number of entries of a Map or Set, through the built-in getter taken when the kernel loaded (a cell's subclass cannot change it). */
export function collectionSize(c: Map<unknown, unknown> | Set<unknown>): number {
  return types.isMap(c) ? mapSize.call(c as Map<unknown, unknown>) : setSize.call(c as Set<unknown>);
}

const MAX_ENTRY_SCAN = 100_000;
/** Built-ins taken when the kernel loads, called with `.call` on each value: a cell's Map subclass or patched prototype cannot run code here. */
export const intrinsic = <F>(proto: object, key: string, kind: 'value' | 'get' = 'value'): F => (Object.getOwnPropertyDescriptor(proto, key) as Record<string, unknown>)[kind] as F;
const mapEntries = intrinsic<(this: Map<unknown, unknown>) => IterableIterator<[unknown, unknown]>>(Map.prototype, 'entries');
const setValues = intrinsic<(this: Set<unknown>) => IterableIterator<unknown>>(Set.prototype, 'values');
const mapSize = intrinsic<(this: Map<unknown, unknown>) => number>(Map.prototype, 'size', 'get');
const setSize = intrinsic<(this: Set<unknown>) => number>(Set.prototype, 'size', 'get');

function collectionEntry(c: Map<unknown, unknown> | Set<unknown>, key: string): { value: unknown } | undefined {
  return collectionEntries(c, MAX_ENTRY_SCAN).find((e) => e.name === key);
}

function keyText(k: unknown): string {
  if (typeof k === 'string') return JSON.stringify(k.length > 60 ? `${k.slice(0, 59)}…` : k);
  if (typeof k === 'number' || typeof k === 'boolean' || typeof k === 'bigint' || k === null || k === undefined) return String(k);
  if (typeof k === 'symbol') return k.toString();
  return typeof k === 'function' ? 'function' : classNameOf(k);
}
