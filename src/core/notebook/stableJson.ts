/**
 * JSON text with sorted keys and one-space indentation, byte-for-byte what Jupyter writes
 * (`json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False)`), so a notebook saved by
 * Modelbook and by Jupyter diffs cleanly.
 *
 * @example
 * stringifyStable({ b: 1, a: [1, 2] }) // '{\n "a": [\n  1,\n  2\n ],\n "b": 1\n}'
 */
export function stringifyStable(value: unknown, indent = 1): string {
  return write(value, '', ' '.repeat(indent));
}

function write(value: unknown, pad: string, step: string): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  const inner = pad + step;
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    const items = value.map((v) => inner + write(v === undefined ? null : v, inner, step));
    return '[\n' + items.join(',\n') + '\n' + pad + ']';
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj)
    .filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function')
    .sort();
  if (keys.length === 0) return '{}';
  const items = keys.map((k) => inner + JSON.stringify(k) + ': ' + write(obj[k], inner, step));
  return '{\n' + items.join(',\n') + '\n' + pad + '}';
}

function scalar(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  const text = JSON.stringify(value);
  return text === undefined ? 'null' : text;
}
