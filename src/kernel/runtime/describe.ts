/**
 * One-line summaries of live values for the Variables view: type, shape, size in memory, whether it
 * has members and whether the data viewer can open it. Reads descriptors only (see inspect.ts), so
 * describing a value never runs its code.
 */
import { types } from 'node:util';
import type { KernelVariable } from '../../core/kernel/variables';
import { formatNumber } from '../../core/text/number';
import { classNameOf, collectionSize, hasMethod, intrinsic, ownData } from './inspect';

const MAX_SUMMARY = 200;
const PREVIEW_ITEMS = 8;

/**
 * @example
 * describeValue('x', new Float64Array(3)) // { name: 'x', type: 'Float64Array', summary: 'length 3', shape: [3], bytes: 24, … }
 */
export function describeValue(name: string, v: unknown): KernelVariable {
  const base = { name, expandable: false, viewable: false };
  if (v === null || v === undefined) return { ...base, type: String(v), summary: '' };
  if (typeof v === 'string') return { ...base, type: 'string', summary: clip(JSON.stringify(v)), shape: [v.length] };
  if (typeof v === 'function') return { ...base, type: isClass(v) ? 'class' : 'function', summary: '' };
  if (typeof v !== 'object') return { ...base, type: typeof v, summary: clip(primitiveText(v)) };
  if (types.isProxy(v)) return { ...base, type: 'Proxy', summary: '' };
  const d = describeObject(v);
  return { ...base, ...d, type: d.type.slice(0, 256) };
}

type Described = Omit<KernelVariable, 'name'>;

function describeObject(v: object): Described {
  const type = classNameOf(v);
  const plain = { type, expandable: false, viewable: false };
  const table = tableShape(v);
  if (table) return { ...plain, summary: `${n(table.rows)} × ${n(table.cols)}`, shape: [table.rows, table.cols], ...bytesOf(table.bytes), viewable: true };
  const tensor = tensorInfo(v);
  if (tensor)
    return {
      ...plain,
      summary: `${tensor.dtype} [${tensor.shape.join(', ')}]${tensor.disposed ? ' disposed' : ''}`,
      shape: tensor.shape,
      ...bytesOf(tensor.bytes),
      viewable: !tensor.disposed && tensor.shape.length >= 1 && tensor.shape.length <= 2,
    };
  if (types.isTypedArray(v)) {
    const a = v as unknown as ArrayLike<number | bigint> & ArrayBufferView;
    return { ...plain, summary: `length ${n(a.length)}`, shape: [a.length], bytes: a.byteLength };
  }
  if (types.isArrayBuffer(v) || types.isSharedArrayBuffer(v)) return { ...plain, summary: '', bytes: (v as ArrayBuffer).byteLength };
  if (Array.isArray(v)) return { ...plain, summary: `length ${n(v.length)}${v.length ? `: ${preview(v)}` : ''}`, shape: [v.length], expandable: v.length > 0, viewable: isRowsLike(v) };
  if (types.isMap(v) || types.isSet(v)) {
    const size = collectionSize(v as Map<unknown, unknown>);
    return { ...plain, summary: `size ${n(size)}`, shape: [size], expandable: size > 0 };
  }
  if (types.isDate(v)) return { ...plain, summary: dateText(v as Date) };
  if (types.isPromise(v)) return { ...plain, summary: '' };
  if (types.isNativeError(v)) return { ...plain, summary: clip(String(ownData(v, 'message') ?? '')), expandable: true };
  if (types.isModuleNamespaceObject(v)) return { ...plain, type: 'module', summary: '' };
  const keys = Object.keys(v);
  const fitted = fittedState(v);
  if (fitted !== undefined) return { ...plain, summary: fitted ? 'fitted' : 'not fitted', expandable: keys.length > 0 };
  return { ...plain, summary: clip(`{${keys.slice(0, PREVIEW_ITEMS).join(', ')}${keys.length > PREVIEW_ITEMS ? ', …' : ''}}`), expandable: keys.length > 0 };
}

/** Rows and columns of an arquero table, read from its fields (`numRows()` would run its code). */
export function tableShape(v: object): { rows: number; cols: number; bytes?: number } | undefined {
  if (!isArqueroTable(v)) return undefined;
  const names = ownData(v, '_names') as unknown[];
  const data = ownData(v, '_data') as Record<string, unknown>;
  let bytes: number | undefined = 0;
  for (const name of names) {
    const col = typeof name === 'string' ? ownData(data, name) : undefined;
    bytes = bytes !== undefined && types.isTypedArray(col) ? bytes + (col as unknown as ArrayBufferView).byteLength : undefined;
  }
  return { rows: ownData(v, '_nrows') as number, cols: names.length, ...(bytes !== undefined ? { bytes } : {}) };
}

/** An arquero table (of any arquero copy): its fields and the methods paging uses. */
export function isArqueroTable(v: unknown): v is object {
  if (typeof v !== 'object' || v === null || types.isProxy(v)) return false;
  const names = ownData(v, '_names');
  const data = ownData(v, '_data');
  return Array.isArray(names) && typeof data === 'object' && data !== null && Number.isSafeInteger(ownData(v, '_nrows')) && ['orderby', 'indices', 'column', 'filter'].every((m) => hasMethod(v, m));
}

const DTYPE_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8 };

/** A TF.js tensor's shape and dtype, read from its fields. */
export function tensorInfo(v: object): { shape: number[]; dtype: string; bytes?: number; disposed: boolean } | undefined {
  const shape = ownData(v, 'shape');
  const dtype = ownData(v, 'dtype');
  const size = ownData(v, 'size');
  if (
    !Array.isArray(shape) ||
    !shape.every((d) => Number.isSafeInteger(d) && d >= 0) ||
    typeof dtype !== 'string' ||
    typeof size !== 'number' ||
    ownData(v, 'dataId') === undefined ||
    !hasMethod(v, 'dataSync')
  )
    return undefined;
  const per = DTYPE_BYTES[dtype];
  return { shape: shape as number[], dtype, ...(per ? { bytes: per * size } : {}), disposed: ownData(v, 'isDisposedInternal') === true };
}

/** An array the data viewer can show as a table: records (objects) or rows (arrays). */
export function isRowsLike(v: unknown[]): boolean {
  const first = v.length ? (Object.getOwnPropertyDescriptor(v, '0')?.value as unknown) : undefined;
  return typeof first === 'object' && first !== null && !types.isProxy(first) && !types.isDate(first);
}

/** Fitted or not, for a model or pipeline (anything with a `fit` method), from its fields; undefined when it does not say. */
function fittedState(v: object): boolean | undefined {
  if (!hasMethod(v, 'fit')) return undefined;
  const own = (k: string) => (Object.getOwnPropertyDescriptor(v, k)?.value as unknown) ?? undefined;
  const has = (k: string) => Object.prototype.hasOwnProperty.call(v, k) && 'value' in Object.getOwnPropertyDescriptor(v, k)!;
  if (has('fitted')) return own('fitted') !== undefined && own('fitted') !== false;
  if (has('state')) return own('state') !== undefined;
  for (const k of ['inputColumns', 'featureNames']) {
    const a = own(k);
    if (Array.isArray(a)) return a.length > 0;
  }
  return undefined;
}

function isClass(f: object): boolean {
  try {
    return /^class\b/.test(Function.prototype.toString.call(f));
  } catch {
    return false;
  }
}

/** A short text of a value inside a preview or a table cell (no getters: objects show their class). */
export function shortText(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 39)}…` : v);
  if (v === null || typeof v !== 'object') return typeof v === 'function' ? 'function' : primitiveText(v);
  if (types.isDate(v)) return dateText(v as Date);
  if (Array.isArray(v)) return `Array(${v.length})`;
  return classNameOf(v);
}

function preview(a: ArrayLike<unknown>): string {
  const items: string[] = [];
  for (let i = 0; i < Math.min(a.length, PREVIEW_ITEMS); i++) items.push(shortText(Object.getOwnPropertyDescriptor(a, i)?.value));
  return clip(`[${items.join(', ')}${a.length > PREVIEW_ITEMS ? ', …' : ''}]`);
}

function primitiveText(v: unknown): string {
  return typeof v === 'bigint' ? `${v}n` : typeof v === 'symbol' ? v.toString() : String(v);
}

const toIso = intrinsic<(this: Date) => string>(Date.prototype, 'toISOString');
const getTime = intrinsic<(this: Date) => number>(Date.prototype, 'getTime');

/** A date's time in ms (the built-in getter: a cell's Date subclass cannot run code here). */
export const timeOf = (d: Date): number => getTime.call(d);

export function dateText(d: Date): string {
  return Number.isNaN(timeOf(d)) ? 'Invalid Date' : toIso.call(d);
}

const clip = (s: string) => (s.length > MAX_SUMMARY ? `${s.slice(0, MAX_SUMMARY - 1)}…` : s);
const n = (x: number) => formatNumber(x);
const bytesOf = (b: number | undefined) => (b !== undefined ? { bytes: b } : {});
