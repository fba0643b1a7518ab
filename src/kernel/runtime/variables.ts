/**
 * The kernel's answer to `variables`: the names cells declared, or the members of one value (the
 * Variables view expands lazily). Descriptors only: a getter shows as "getter" and is never called.
 */
import { types } from 'node:util';
import type { KernelVariable } from '../../core/kernel/variables';
import { variablesMessage } from '../../core/kernel/messages';
import { describeValue, isArqueroTable, tensorInfo } from './describe';
import { collectionEntries, collectionSize, declaredGlobals, hiddenMembers, valueAt } from './inspect';

/** The most names or members one answer lists (the rest are counted in a last row). */
const MAX_ITEMS = 500;
/** Longer names are left out: they could not be asked for again as a path. */
const MAX_NAME = 1024;

export type VariablesAnswer = { items: KernelVariable[]; error?: string };

/**
 * @example
 * // after a cell ran `const t = aq.table({ x: [1, 2, 3] })`
 * variablesAt([]) // { items: [{ name: 't', type: 'ColumnTable', summary: '3 × 1', shape: [3, 1], viewable: true, … }] }
 * variablesAt(['point']) // { items: [{ name: 'x', type: 'number', summary: '1', … }] }
 */
export function variablesAt(path: readonly string[]): VariablesAnswer {
  if (path.length === 0) return { items: declared() };
  const at = valueAt(path);
  if (!at.ok) return { items: [], error: at.reason === 'getter' ? variablesMessage.getterNotRead(path) : variablesMessage.noValueAt(path) };
  return { items: membersOf(at.value) };
}

/** The variables cells declared: not the functions, classes and modules they declared or imported. */
function declared(): KernelVariable[] {
  const out: KernelVariable[] = [];
  for (const [name, d] of declaredGlobals()) {
    if (!('value' in d)) {
      out.push(getter(name));
      continue;
    }
    const v = d.value as unknown;
    if (typeof v === 'function' || types.isModuleNamespaceObject(v)) continue;
    out.push(describeValue(name, v));
  }
  return out.length > MAX_ITEMS ? [...out.slice(0, MAX_ITEMS), more(out.length - MAX_ITEMS)] : out;
}

function membersOf(v: unknown): KernelVariable[] {
  if (typeof v !== 'object' || v === null || types.isProxy(v) || isArqueroTable(v) || tensorInfo(v) || types.isTypedArray(v)) return [];
  if (types.isMap(v) || types.isSet(v)) {
    const c = v as Map<unknown, unknown>;
    const items = collectionEntries(c, MAX_ITEMS).map((e) => describeValue(e.name, e.value));
    const size = collectionSize(c);
    return size > items.length ? [...items, more(size - items.length)] : items;
  }
  const hidden = hiddenMembers(v);
  const names = Object.getOwnPropertyNames(v).filter((k) => !hidden.has(k) && k.length <= MAX_NAME && !(Array.isArray(v) && k === 'length'));
  const items: KernelVariable[] = [];
  for (const name of names.slice(0, MAX_ITEMS)) {
    const d = Object.getOwnPropertyDescriptor(v, name)!;
    items.push('value' in d ? describeValue(name, d.value) : getter(name));
  }
  return names.length > MAX_ITEMS ? [...items, more(names.length - MAX_ITEMS)] : items;
}

const getter = (name: string): KernelVariable => ({ name, type: 'getter', summary: 'getter', expandable: false, viewable: false });
const more = (count: number): KernelVariable => ({ name: '…', type: '', summary: variablesMessage.more(count), expandable: false, viewable: false });
