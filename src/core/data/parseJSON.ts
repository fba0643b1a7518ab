import { table, type ColumnTable } from 'arquero';
import { DateColumn } from './dateColumn';
import { parseIsoDateBytes } from './csv/fields';
import { dataMessage } from './messages';
import { MAX_JSON_DEPTH, jsonDepthOffset, jsonErrorOffset, lineColumn } from '../json/scan';
import { isColumnType, type BadRow, type BadRowPolicy, type ColumnType, type ColumnValues, type LoadResult } from './types';

/** Options of `parseJSON` / `readJSON`. */
export interface JSONOptions {
  /**
   * `'records'`: `[{"a": 1, "b": "x"}, …]` (pandas `orient='records'`); `'columns'`:
   * `{"a": [1, 2], "b": ["x", "y"]}` (pandas `orient='list'`); `'lines'`: JSON Lines, one record
   * per line (pandas `lines=True`). Default `'auto'`: decided from the text.
   */
  format?: 'auto' | 'records' | 'columns' | 'lines';
  /** Load only these columns. Default: all (the union of the records' keys, in first-seen order). */
  columns?: string[];
  /** Column types instead of inferring them, e.g. `{ id: 'string', when: 'date' }`. */
  types?: Record<string, ColumnType>;
  /** Read at most this many rows. Default: all. */
  limit?: number;
  /** JSON Lines only: a line that is not valid JSON stops (`'error'`, default), is dropped (`'skip'`), or is dropped and returned (`'collect'`). */
  onBadRows?: BadRowPolicy;
  /** Name of the data in messages, e.g. the file path. Default `'JSON'`. */
  source?: string;
}

/**
 * Parses JSON records, columns or JSON Lines into an arquero table. Columns whose values are all
 * numbers become Float64Array (NaN for null), all ISO-date strings become dates (UTC), the rest
 * keep their JSON values. Defaults: `format: 'auto'`, all columns, `onBadRows: 'error'`.
 *
 * @example
 * parseJSON('[{"a": 1, "b": "x"}, {"a": null, "b": "y"}]').column('a') // Float64Array [1, NaN]
 * parseJSON('{"a": 1}\n{"a": 2}\n', { format: 'lines' }).numRows() // 2
 */
export function parseJSON(input: string | Uint8Array | ArrayBuffer, options: JSONOptions & { onBadRows: 'collect' }): LoadResult<ColumnTable>;
export function parseJSON(input: string | Uint8Array | ArrayBuffer, options?: JSONOptions): ColumnTable;
export function parseJSON(input: string | Uint8Array | ArrayBuffer, options: JSONOptions = {}): ColumnTable | LoadResult<ColumnTable> {
  const fn = 'parseJSON';
  validateJSONOptions(fn, options);
  const text = typeof input === 'string' ? input : input instanceof Uint8Array || input instanceof ArrayBuffer ? new TextDecoder().decode(input) : undefined;
  if (text === undefined) throw new TypeError(dataMessage.badInput(fn, 'JSON text (a string) or its bytes (Uint8Array / ArrayBuffer)'));
  return _parseJSON(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, options);
}

/** Checks the options of parseJSON / readJSON; each mistake gets a sentence naming the fix. */
export function validateJSONOptions(fn: string, options: JSONOptions): void {
  if (typeof options !== 'object' || options === null) throw new TypeError(dataMessage.badInput(fn, 'an options object, e.g. { format: "lines" }'));
  const o = options;
  if (o.format !== undefined && !['auto', 'records', 'columns', 'lines'].includes(o.format))
    throw new TypeError(dataMessage.badOption(fn, 'format', "'auto', 'records', 'columns' or 'lines'", o.format));
  if (o.limit !== undefined && !(Number.isInteger(o.limit) && o.limit >= 0)) throw new TypeError(dataMessage.badOption(fn, 'limit', 'a whole number ≥ 0', o.limit));
  if (o.onBadRows !== undefined && !['error', 'skip', 'collect'].includes(o.onBadRows)) throw new TypeError(dataMessage.badOption(fn, 'onBadRows', "'error', 'skip' or 'collect'", o.onBadRows));
  for (const [name, t] of Object.entries(o.types ?? {})) if (!isColumnType(t)) throw new TypeError(dataMessage.badOption(fn, `types.${name}`, "'number', 'string', 'boolean' or 'date'", t));
}

export function _parseJSON(text: string, o: JSONOptions): ColumnTable | LoadResult<ColumnTable> {
  const source = o.source ?? 'JSON';
  const badRows: BadRow[] = [];
  const columns = toColumns(text, o, source, badRows);
  const names = o.columns ?? Object.keys(columns);
  const all = Object.keys(columns);
  const missing = [...names, ...Object.keys(o.types ?? {})].filter((n) => !all.includes(n));
  if (missing.length) throw new Error(dataMessage.unknownColumns(source, o.columns?.some((c) => !all.includes(c)) ? 'columns' : 'types', missing, all));
  const data: Record<string, ColumnValues> = {};
  for (const n of names) {
    const values = o.limit !== undefined ? columns[n].slice(0, o.limit) : columns[n];
    data[n] = typeColumn(values, o.types?.[n], n, source);
  }
  const t = table(data, names);
  return o.onBadRows === 'collect' ? { table: t, badRows } : t;
}

function toColumns(text: string, o: JSONOptions, source: string, badRows: BadRow[]): Record<string, unknown[]> {
  const format = o.format ?? 'auto';
  const first = text.trimStart()[0];
  if (format === 'lines') return recordsToColumns(parseLines(text, o, source, badRows), source);
  // Parsed values are walked recursively below (and by arquero): refuse absurd nesting up front.
  const deep = jsonDepthOffset(text);
  let value: unknown;
  try {
    if (deep !== undefined) throw new RangeError('internal: too deep (caught below)');
    value = JSON.parse(text);
  } catch (e) {
    if (format === 'auto' && first === '{') return recordsToColumns(parseLines(text, o, source, badRows), source);
    if (deep !== undefined) {
      const at = lineColumn(text, deep);
      throw new Error(dataMessage.jsonTooDeep(source, MAX_JSON_DEPTH, at.line, at.column), { cause: e });
    }
    throw new Error(syntaxMessage(source, text, (e as Error).message), { cause: e });
  }
  if (Array.isArray(value) && format !== 'columns') return recordsToColumns(o.limit !== undefined ? value.slice(0, o.limit) : value, source);
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && format !== 'records') {
    const cols = value as Record<string, unknown>;
    const entries = Object.entries(cols);
    if (entries.every(([, v]) => Array.isArray(v))) {
      const n = entries.length ? (entries[0][1] as unknown[]).length : 0;
      for (const [k, v] of entries) if ((v as unknown[]).length !== n) throw new Error(dataMessage.columnsUneven(source, k, (v as unknown[]).length, n));
      return cols as Record<string, unknown[]>;
    }
    if (format === 'auto') return recordsToColumns([value], source);
  }
  throw new Error(dataMessage.jsonShape(source));
}

/** Node's JSON.parse message, with the line and column it often leaves out. */
function syntaxMessage(source: string, text: string, detail: string): string {
  const offset = jsonErrorOffset(text);
  if (offset === undefined) return dataMessage.jsonSyntax(source, detail);
  const at = lineColumn(text, offset);
  return dataMessage.jsonSyntaxAt(source, at.line, at.column, detail);
}

function parseLines(text: string, o: JSONOptions, source: string, badRows: BadRow[]): unknown[] {
  const records: unknown[] = [];
  const lines = text.split(/\r?\n/);
  const limit = o.limit ?? Infinity;
  for (let i = 0; i < lines.length && records.length < limit; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    try {
      if (jsonDepthOffset(line) !== undefined) throw new RangeError(dataMessage.jsonLineTooDeep(MAX_JSON_DEPTH));
      records.push(JSON.parse(line));
    } catch (e) {
      const reason = e instanceof RangeError ? e.message : `not valid JSON (${(e as Error).message})`;
      const policy = o.onBadRows ?? 'error';
      if (policy === 'error') throw new Error(dataMessage.badRowError(dataMessage.where(source, i + 1), reason), { cause: e });
      if (policy === 'collect') badRows.push({ line: i + 1, reason, text: line.slice(0, 200) });
    }
  }
  return records;
}

function recordsToColumns(records: unknown[], source: string): Record<string, unknown[]> {
  const columns: Record<string, unknown[]> = {};
  records.forEach((r, i) => {
    if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new Error(dataMessage.notARecord(source, i + 1, JSON.stringify(r)?.slice(0, 40)));
    for (const [k, v] of Object.entries(r)) {
      // A key first seen in a later record: earlier records did not have it (missing).
      const col = (columns[k] ??= new Array(i).fill(null));
      col.length = i;
      col.push(v);
    }
  });
  for (const col of Object.values(columns)) while (col.length < records.length) col.push(null);
  for (const col of Object.values(columns)) for (let i = 0; i < col.length; i++) if (col[i] === undefined) col[i] = null;
  return columns;
}

/** Float64Array for all-number columns, dates for all-ISO-date strings, else the JSON values. */
function typeColumn(values: unknown[], type: ColumnType | undefined, name: string, source: string): ColumnValues {
  const present = values.filter((v) => v !== null);
  const want = type ?? (present.every((v) => typeof v === 'number') ? 'number' : present.length > 0 && present.every(isIsoDate) ? 'date' : undefined);
  const fail = (v: unknown, i: number) => new Error(dataMessage.atRow(source, i + 1, dataMessage.notA(name, String(JSON.stringify(v)), want!)));
  switch (want) {
    case 'number':
      return Float64Array.from(values, (v, i) => {
        if (v === null) return NaN;
        const x = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (Number.isNaN(x)) throw fail(v, i);
        return x;
      });
    case 'date':
      return new DateColumn(
        Float64Array.from(values, (v, i) => {
          if (v === null) return NaN;
          const ms = typeof v === 'number' ? v : typeof v === 'string' ? isoMs(v) : NaN;
          const x = Number.isNaN(ms) && typeof v === 'string' ? Date.parse(v) : ms;
          if (Number.isNaN(x)) throw fail(v, i);
          return x;
        }),
      );
    case 'string':
      return values.map((v) => (v === null ? null : typeof v === 'string' ? v : JSON.stringify(v)));
    case 'boolean':
      return values.map((v, i) => {
        if (v === null || typeof v === 'boolean') return v;
        if (v === 'true' || v === 'false') return v === 'true';
        throw fail(v, i);
      });
    default:
      return values;
  }
}

function isIsoDate(v: unknown): boolean {
  return typeof v === 'string' && !Number.isNaN(isoMs(v));
}

function isoMs(v: string): number {
  if (v.length < 10 || v.length > 40) return NaN;
  const bytes = new TextEncoder().encode(v);
  return parseIsoDateBytes(bytes, 0, bytes.length);
}
