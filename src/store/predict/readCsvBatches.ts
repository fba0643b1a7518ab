/**
 * CSV rows in batches, with bounded memory: the file is read a chunk at a time, cut after the
 * last line break outside quotes, and each piece (with the header in front) goes through core's
 * CSV parser as text; values are then typed per the model's input schema, so a value that does
 * not fit reaches validation and is reported with its row and column.
 */
import fs from 'node:fs';
import { parseCSV } from '../../core/data/parseCSV';
import { readOnlyColumn } from '../../core/data/columns';
import type { InputColumns, InputSchema } from '../../core/package/contract';
import type { ColumnBatch } from './readBatches';
import { predictMessage } from './messages';

const CHUNK_BYTES = 1 << 20;
const LF = 10;
const QUOTE = 34;

/** Position just past the last line break outside quotes in `bytes` (0: none), and the line breaks before it (quoted ones too), in one pass. */
function lastRowEnd(bytes: Uint8Array): { end: number; lines: number } {
  let inQuote = false;
  let end = 0;
  let breaks = 0;
  let lines = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) inQuote = !inQuote;
    else if (b === LF) {
      breaks++;
      if (!inQuote) {
        end = i + 1;
        lines = breaks;
      }
    }
  }
  return { end, lines };
}

/** Position just past the first line break outside quotes (0: none yet). */
function firstRowEnd(bytes: Uint8Array): number {
  let inQuote = false;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === QUOTE) inQuote = !inQuote;
    else if (bytes[i] === LF && !inQuote) return i + 1;
  }
  return 0;
}

/** Whether every value is finite: what `Number(text)` gives for the same field (see `parseFast`). */
function allFinite(values: ArrayLike<unknown>): boolean {
  if (!(values instanceof Float64Array)) return false;
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i])) return false;
  return true;
}

/** A typed value for a schema column from CSV text (null: missing). Text that does not fit stays text. */
function typed(text: unknown, type: InputSchema['columns'][number]['type'] | undefined): unknown {
  if (typeof text !== 'string') return text ?? null;
  if (type === 'number') {
    const n = Number(text);
    return text.trim() !== '' && !Number.isNaN(n) ? n : text;
  }
  if (type === 'boolean') {
    const t = text.toLowerCase();
    return t === 'true' ? true : t === 'false' ? false : text;
  }
  return text;
}

/**
 * Reads a CSV file as batches of columns keyed by header name.
 *
 * @example
 * for await (const { start, rows, columns } of readCsvBatches('in.csv', schema)) …
 */
export async function* readCsvBatches(file: string, schema: InputSchema, label = file): AsyncGenerator<ColumnBatch> {
  const types = new Map(schema.columns.map((c) => [c.name, c.type]));
  let header: Uint8Array | undefined;
  let pending = new Uint8Array(0);
  let start = 0;
  let line = 2;
  let numberTypes: Record<string, 'number'> | undefined;
  const withHeader = (body: Uint8Array) => {
    const bytes = new Uint8Array(header!.length + body.length);
    bytes.set(header!, 0);
    bytes.set(body, header!.length);
    return bytes;
  };
  /**
   * The schema's number columns parsed from bytes straight into Float64Arrays, the others as
   * text. Used only when it reads the same values as `parseExact` would: no bad row and every
   * number finite (the byte parser and `Number()` both round correctly; a missing value, `inf`
   * or text in a number column goes the exact way, which keeps each value as the file has it).
   */
  const parseFast = (bytes: Uint8Array): InputColumns | undefined => {
    numberTypes ??= Object.fromEntries(
      parseCSV(header!, { inferTypes: false })
        .columnNames()
        .filter((n) => types.get(n) === 'number')
        .map((n) => [n, 'number'] as const),
    );
    const { table, badRows } = parseCSV(bytes, { inferTypes: false, types: numberTypes, onBadRows: 'collect', source: label });
    if (badRows.length > 0) return undefined;
    const columns: Record<string, ArrayLike<unknown>> = {};
    for (const name of table.columnNames()) {
      const values = readOnlyColumn(table, name);
      const type = types.get(name);
      if (type === 'number' && !allFinite(values)) return undefined;
      // Text is null where missing, as `typed` gives it: the parser's array is used as it is.
      columns[name] = type === 'boolean' ? Array.from(values, (text) => typed(text, type)) : values;
    }
    return columns;
  };
  const parseExact = (bytes: Uint8Array): InputColumns => {
    const { table, badRows } = parseCSV(bytes, { inferTypes: false, onBadRows: 'collect', source: label });
    if (badRows.length > 0) {
      const bad = badRows[0];
      const match = /^(\d+) fields?, expected (\d+)/.exec(bad.reason);
      const where = line + bad.line - 2;
      throw new Error(match ? predictMessage.csvFieldCount(label, where, Number(match[1]), Number(match[2])) : `${label} line ${where}: ${bad.reason}`);
    }
    const columns: Record<string, ArrayLike<unknown>> = {};
    for (const name of table.columnNames()) {
      const type = types.get(name);
      columns[name] = Array.from(readOnlyColumn(table, name), (text) => typed(text, type));
    }
    return columns;
  };
  const size = (await fs.promises.stat(file)).size || 1;
  let read = 0;
  const parse = (body: Uint8Array, lines: number): ColumnBatch => {
    const bytes = withHeader(body);
    const columns = parseFast(bytes) ?? parseExact(bytes);
    const rows = columns[Object.keys(columns)[0]]?.length ?? 0;
    const batch = { start, rows, columns, done: Math.min(1, read / size) };
    start += rows;
    line += lines;
    return batch;
  };
  for await (const chunk of fs.createReadStream(file, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    read += chunk.length;
    const joined = new Uint8Array(pending.length + chunk.length);
    joined.set(pending, 0);
    joined.set(chunk, pending.length);
    let from = 0;
    if (header === undefined) {
      const end = firstRowEnd(joined);
      if (end === 0) {
        pending = joined;
        continue;
      }
      header = joined.slice(0, end);
      from = end;
    }
    const { end, lines } = lastRowEnd(joined.subarray(from));
    const cut = from + end;
    pending = joined.slice(cut);
    if (cut > from) yield parse(joined.subarray(from, cut), lines);
  }
  if (header === undefined) {
    if (pending.length === 0) return;
    // A header without a line break and no rows: nothing to score.
    return;
  }
  if (pending.length > 0) {
    if (lastRowEnd(Uint8Array.of(...pending, LF)).end === 0) throw new Error(predictMessage.csvUnclosedQuote(label, line));
    yield parse(pending, 0);
  }
}
