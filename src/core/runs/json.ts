import type { JsonValue } from './contract';

/**
 * A JSON-safe copy of a value for a run record: non-finite numbers become null, dates ISO text,
 * bigints text, typed arrays plain arrays, Maps objects; functions, symbols and undefined are
 * dropped; cycles and nesting deeper than 20 become the text "[…]".
 *
 * @example
 * toJsonValue({ lr: 0.01, layers: new Int32Array([64, 32]), fn: () => 1 }) // { lr: 0.01, layers: [64, 32] }
 */
export function toJsonValue(value: unknown): JsonValue {
  return convert(value, 0, new Set()) ?? null;
}

function convert(v: unknown, depth: number, seen: Set<object>): JsonValue | undefined {
  if (v === null) return null;
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : null;
    case 'bigint':
      return v.toString();
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
    case 'object':
      break; // arrays and objects: below
  }
  const obj = v as object;
  if (depth >= 20 || seen.has(obj)) return '[…]';
  if (obj instanceof Date) return Number.isNaN(obj.getTime()) ? null : obj.toISOString();
  if (ArrayBuffer.isView(obj) && !(obj instanceof DataView))
    return Array.from(obj as unknown as ArrayLike<number | bigint>, (x) => (typeof x === 'bigint' ? x.toString() : Number.isFinite(x) ? x : null));
  seen.add(obj);
  try {
    if (Array.isArray(obj)) return obj.map((x) => convert(x, depth + 1, seen) ?? null);
    const entries: [string, unknown][] = obj instanceof Map ? [...obj.entries()].map(([k, x]) => [String(k), x]) : Object.entries(obj);
    const out: { [key: string]: JsonValue } = {};
    for (const [k, x] of entries) {
      const c = convert(x, depth + 1, seen);
      if (c !== undefined) out[k] = c;
    }
    return out;
  } finally {
    seen.delete(obj);
  }
}
