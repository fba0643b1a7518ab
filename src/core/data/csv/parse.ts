/**
 * The CSV reading loop: header, then chunks of rows, each checked for its field count and
 * converted column by column; bad rows handled as `onBadRows` says.
 */
import type { BadRow, ColumnType, ColumnValues } from '../types';
import { dataMessage } from '../messages';
import { DateColumn } from '../dateColumn';
import { createBuilder, StringBuilder, type ColumnBuilder, type ColumnSlice } from './builders';
import { decodeBytes, NaMatcher } from './fields';
import { inferColumnType, retypeStrings } from './infer';
import { uniqueNames, type ResolvedCSVOptions } from './options';
import { FIELD_ESCAPED, RowChunk, Tokenizer, unquote } from './tokenize';

/** Rows per chunk: the field arrays of a chunk stay in the CPU cache while its columns convert. */
const CHUNK_ROWS = 8192;

export interface ParsedColumns {
  names: string[];
  columns: ColumnValues[];
  badRows: BadRow[];
}

interface Plan {
  bytes: Uint8Array;
  opts: ResolvedCSVOptions;
  width: number;
  /** Indexes (in the file) of the columns to load, and their names. */
  selected: number[];
  names: string[];
  na: NaMatcher;
  naSet: Set<string>;
}

/** Reads CSV bytes into columns (no table yet); see parseCSV for the public face. */
export function _parseCSVColumns(bytes: Uint8Array, opts: ResolvedCSVOptions): ParsedColumns {
  const plan = planColumns(bytes, opts);
  if (!plan) return { names: [], columns: [], badRows: [] };
  const { selected, names } = plan;
  const badRows: BadRow[] = [];
  const dropped = new Set<number>();
  const builders: (ColumnBuilder | undefined)[] = selected.map(() => undefined);
  const pending = new Set<number>();
  const promoted = new Set<number>();
  let produced = 0;
  walkRows(plan, badRows, (chunk, rows, count, tokenizer) => {
    const slice = { bytes, chunk, rows, count, na: plan.na, naSet: plan.naSet, quote: opts.quote };
    // Sized from the first chunk's bytes per row, so the columns rarely grow.
    const capacity = produced === 0 ? Math.ceil(Math.min(opts.limit, (bytes.length / Math.max(1, tokenizer.pos)) * chunk.rows * 1.05 + 16)) : 0;
    selected.forEach((column, i) => {
      if (builders[i] === undefined) {
        const explicitType = opts.types[names[i]];
        const type: ColumnType | undefined = explicitType ?? (opts.inferTypes ? inferColumnType({ ...slice, column }) : 'string');
        if (type === undefined) pending.add(i);
        builders[i] = createBuilder(type ?? 'string', explicitType !== undefined, capacity);
      }
      if (promoted.has(i)) return;
      const explicit = opts.types[names[i]] !== undefined;
      const fail = (k: number, text: string) => {
        if (!explicit) {
          promoted.add(i);
          return;
        }
        const row = produced + k;
        if (dropped.has(row)) return;
        const reason = dataMessage.notA(names[i], text, builders[i]!.type);
        reportBadRow(plan, badRows, chunk.rowLine[rows[k]], reason, () => tokenizer.rowText(chunk, rows[k]));
        dropped.add(row);
      };
      builders[i]!.add({ ...slice, column, fail } satisfies ColumnSlice);
    });
    produced += count;
  });
  const columns = builders.map((b, i) => {
    if (promoted.has(i)) return rereadAsStrings(plan, selected[i]);
    const values = b ? b.finish() : Float64Array.from({ length: produced }, () => NaN);
    return pending.has(i) ? retypeStrings(values as (string | null)[]) : values;
  });
  return { names, columns: dropped.size ? columns.map((c) => dropRows(c, dropped)) : columns, badRows };
}

/** Reads the header and decides which columns to load; undefined for an input with no rows. */
function planColumns(bytes: Uint8Array, opts: ResolvedCSVOptions): Plan | undefined {
  const tokenizer = new Tokenizer(bytes, opts);
  const first = new RowChunk(1, 64);
  if (tokenizer.fill(first) === 0) {
    if (opts.names) return { ...basePlan(bytes, opts, opts.names.length), selected: [], names: [] };
    if (opts.header) throw new Error(dataMessage.emptyInput(opts.source));
    return undefined;
  }
  const width = first.fieldCount(0);
  const headerNames: string[] = [];
  for (let f = 0; f < width; f++) {
    const a = first.start[f];
    const b = first.end[f];
    headerNames.push(first.flags[f] & FIELD_ESCAPED ? unquote(bytes, a, b, opts.quote) : decodeBytes(bytes, a, b));
  }
  let all: string[];
  if (opts.names) {
    if (opts.names.length !== width) {
      throw new Error(dataMessage.badOption(opts.source, 'names', `a list of ${width} names (the ${opts.header ? 'header' : 'first row'} has ${width} fields)`, opts.names));
    }
    all = uniqueNames(opts.names);
  } else {
    all = opts.header ? uniqueNames(headerNames) : headerNames.map((_, i) => `col${i + 1}`);
  }
  const wanted = opts.columns ?? all;
  const missing = [...wanted, ...Object.keys(opts.types)].filter((n) => !all.includes(n));
  if (missing.length) throw new Error(dataMessage.unknownColumns(opts.source, opts.columns && opts.columns.some((c) => !all.includes(c)) ? 'columns' : 'types', missing, all));
  const selected = all.map((_, i) => i).filter((i) => wanted.includes(all[i]));
  return { ...basePlan(bytes, opts, width), selected, names: selected.map((i) => all[i]) };
}

function basePlan(bytes: Uint8Array, opts: ResolvedCSVOptions, width: number) {
  return { bytes, opts, width, na: new NaMatcher(opts.naValues), naSet: new Set(opts.naValues) };
}

/**
 * Walks the data rows chunk by chunk, hands the well-formed ones to `visit` (at most `limit` in
 * all) and reports the others as bad rows.
 */
function walkRows(plan: Plan, badRows: BadRow[], visit: (chunk: RowChunk, rows: Int32Array, count: number, tokenizer: Tokenizer) => void): void {
  const { bytes, opts, width } = plan;
  const tokenizer = new Tokenizer(bytes, opts);
  if (opts.header) tokenizer.fill(new RowChunk(1, width));
  const chunk = new RowChunk(CHUNK_ROWS, width);
  const rows = new Int32Array(CHUNK_ROWS);
  let remaining = opts.limit;
  while (remaining > 0 && tokenizer.fill(chunk) > 0) {
    let count = 0;
    for (let r = 0; r < chunk.rows && count < remaining; r++) {
      const fields = chunk.rowStart[r + 1] - chunk.rowStart[r];
      if (fields === width && !chunk.rowUnclosed[r]) {
        rows[count++] = r;
        continue;
      }
      const reason = chunk.rowUnclosed[r] ? dataMessage.unclosedQuote : dataMessage.fieldCount(fields, width);
      reportBadRow(plan, badRows, chunk.rowLine[r], reason, () => tokenizer.rowText(chunk, r));
    }
    if (count > 0) visit(chunk, rows, count, tokenizer);
    remaining -= count;
  }
}

function reportBadRow(plan: Plan, badRows: BadRow[], line: number, reason: string, text: () => string): void {
  if (plan.opts.onBadRows === 'error') throw new Error(dataMessage.badRowError(dataMessage.where(plan.opts.source, line), reason));
  if (plan.opts.onBadRows === 'collect') badRows.push({ line, reason, text: text() });
}

/**
 * A column whose inferred type met a value that does not fit it (e.g. 'n/a ' in a numeric
 * column) is read again as text, as pandas turns such a column into `object`.
 */
function rereadAsStrings(plan: Plan, column: number): (string | null)[] {
  const builder = new StringBuilder(1024);
  walkRows({ ...plan, opts: { ...plan.opts, onBadRows: 'skip' } }, [], (chunk, rows, count) => {
    builder.add({ bytes: plan.bytes, chunk, rows, count, column, na: plan.na, naSet: plan.naSet, quote: plan.opts.quote, fail: () => undefined });
  });
  return builder.finish();
}

function dropRows(values: ColumnValues, dropped: Set<number>): ColumnValues {
  const keep = (_: unknown, i: number) => !dropped.has(i);
  if (values instanceof DateColumn) return new DateColumn(values.ms.filter(keep));
  return values instanceof Float64Array ? values.filter(keep) : Array.prototype.filter.call(values, keep);
}
