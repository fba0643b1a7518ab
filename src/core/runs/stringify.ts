import type { RunRecord } from './contract';
import { RUN_RECORD_SCHEMA } from './schema';
import { runMessage } from './messages';

type SchemaNode = { readonly [keyword: string]: unknown };

/** Lines longer than this are split; shorter containers stay on one line. */
const WIDTH = 100;

/** Arrays whose items are always one line each, however long: one layer or gate per diff line. */
const ONE_LINE_ITEMS = new Set(['layers', 'weights', 'columns', 'gates', 'artifacts']);

/**
 * The text of a record file: keys in the schema's order (free-form maps such as params and
 * metrics sorted by name), two-space indentation, every container that fits in 100 columns on
 * one line, each list of plain values (a metric's history) on one line, each layer and gate on
 * its own line — so a re-written run gives a small, readable git diff. The same record always
 * gives the same bytes.
 *
 * @example
 * stringifyRunRecord(record) // '{\n  "version": 1,\n  "id": "01JD…",\n  …\n  "history": {\n    "epoch": [1, 2, 3],\n …'
 */
export function stringifyRunRecord(record: RunRecord): string {
  if (typeof record !== 'object' || record === null) throw new TypeError(runMessage.needs('stringifyRunRecord', 'a run record object'));
  return `${write(record, RUN_RECORD_SCHEMA, '', 'top')}\n`;
}

/** `layout`: 'top' always splits, 'line' never does, 'fit' splits what exceeds WIDTH. */
function write(value: unknown, schema: SchemaNode | undefined, pad: string, layout: 'top' | 'fit' | 'line' = 'fit', key = ''): string {
  if (value === null || typeof value !== 'object') return scalar(value);
  const node = resolve(schema);
  const inner = `${pad}  `;
  let parts: string[];
  let open: string;
  let close: string;
  if (Array.isArray(value)) {
    const items = node?.items as SchemaNode | undefined;
    const itemLayout = layout === 'line' || ONE_LINE_ITEMS.has(key) ? 'line' : 'fit';
    parts = value.map((v) => write(v === undefined ? null : v, items, inner, itemLayout));
    [open, close] = ['[', ']'];
  } else {
    const obj = value as Record<string, unknown>;
    const childLayout = layout === 'line' ? 'line' : 'fit';
    parts = orderedKeys(obj, node).map((k) => `${JSON.stringify(k)}: ${write(obj[k], childSchema(node, k), inner, childLayout, k)}`);
    [open, close] = ['{', '}'];
  }
  if (parts.length === 0) return open + close;
  const line = open + parts.join(', ') + close;
  // A list of plain values (a metric's history, tags, a shape) is one line, however long.
  if (layout === 'line' || (Array.isArray(value) && value.every((v) => v === null || typeof v !== 'object'))) return line;
  if (layout === 'fit' && !line.includes('\n') && pad.length + line.length <= WIDTH) return line;
  return `${open}\n${parts.map((p) => inner + p).join(',\n')}\n${pad}${close}`;
}

function orderedKeys(obj: Record<string, unknown>, node: SchemaNode | undefined): string[] {
  const present = Object.keys(obj).filter((k) => obj[k] !== undefined && typeof obj[k] !== 'function');
  const props = node?.properties as Record<string, unknown> | undefined;
  if (!props) return present.sort();
  const known = Object.keys(props).filter((k) => present.includes(k));
  const rest = present.filter((k) => !(k in props)).sort();
  return [...known, ...rest];
}

function childSchema(node: SchemaNode | undefined, key: string): SchemaNode | undefined {
  const props = node?.properties as Record<string, SchemaNode> | undefined;
  if (props && key in props) return props[key];
  const extra = node?.additionalProperties;
  return typeof extra === 'object' && extra !== null ? (extra as SchemaNode) : undefined;
}

function resolve(node: SchemaNode | undefined): SchemaNode | undefined {
  if (!node || typeof node.$ref !== 'string') return node;
  const name = node.$ref.replace('#/$defs/', '');
  return (RUN_RECORD_SCHEMA.$defs as Record<string, SchemaNode>)[name];
}

function scalar(value: unknown): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  if (typeof value === 'bigint') return JSON.stringify(value.toString());
  return JSON.stringify(value) ?? 'null';
}
