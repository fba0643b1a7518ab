/**
 * Typed column builders: each converts one column of a chunk of rows from bytes into its final
 * storage (Float64Array for numbers, interned strings (strings.ts), dates as epoch ms, booleans).
 */
import type { ColumnType } from '../types';
import { DateColumn } from '../dateColumn';
import { decodeBytes, parseBooleanBytes, parseIsoDateBytes, parseNumberBytes } from './fields';
import { FIELD_ESCAPED } from './tokenize';
import { ensure, escapedText, type ColumnBuilder, type ColumnSlice } from './slice';
import { StringBuilder } from './strings';

export type { ColumnBuilder, ColumnSlice };
export { StringBuilder };

export class NumberBuilder implements ColumnBuilder {
  readonly type = 'number';
  private values: Float64Array;
  private length = 0;

  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }

  add(s: ColumnSlice): void {
    const { bytes, chunk, rows, count, column, na } = s;
    const values = (this.values = ensure(this.values, this.length, this.length + count));
    const { rowStart, start, end, flags } = chunk;
    const parseFirst = !na.hasValueLikeToken;
    let n = this.length;
    for (let k = 0; k < count; k++) {
      const f = rowStart[rows[k]] + column;
      const a = start[f];
      const b = end[f];
      let v: number;
      if (flags[f] & FIELD_ESCAPED) {
        const text = escapedText(s, f);
        v = text === null ? NaN : parseNumberText(text);
        if (text !== null && Number.isNaN(v)) s.fail(k, text);
      } else if (parseFirst) {
        // Most fields are numbers: parse first, and test for a missing-value token only on failure.
        v = parseNumberBytes(bytes, a, b);
        if (v !== v && !na.test(bytes, a, b)) s.fail(k, decodeBytes(bytes, a, b));
      } else if (na.test(bytes, a, b)) {
        v = NaN;
      } else {
        v = parseNumberBytes(bytes, a, b);
        if (v !== v) s.fail(k, decodeBytes(bytes, a, b));
      }
      values[n++] = v;
    }
    this.length = n;
  }

  finish(): Float64Array {
    return this.length === this.values.length ? this.values : this.values.slice(0, this.length);
  }
}

function parseNumberText(text: string): number {
  const bytes = new TextEncoder().encode(text);
  return parseNumberBytes(bytes, 0, bytes.length);
}

export class DateBuilder implements ColumnBuilder {
  readonly type = 'date';
  /** Milliseconds since the epoch (NaN: missing); Dates are made at the end, in one tight loop. */
  private ms: Float64Array;
  private length = 0;

  /** `lenient`: also accept what `Date.parse` reads (only when the type was asked for explicitly). */
  constructor(
    capacity: number,
    private readonly lenient: boolean,
  ) {
    this.ms = new Float64Array(capacity);
  }

  add(s: ColumnSlice): void {
    const { bytes, chunk, rows, count, column, na } = s;
    const { rowStart, start, end, flags } = chunk;
    const out = (this.ms = ensure(this.ms, this.length, this.length + count));
    let n = this.length;
    for (let k = 0; k < count; k++) {
      const f = rowStart[rows[k]] + column;
      const a = start[f];
      const b = end[f];
      const escaped = flags[f] & FIELD_ESCAPED;
      let ms = escaped ? NaN : parseIsoDateBytes(bytes, a, b);
      if ((ms !== ms || na.hasValueLikeToken) && !escaped && na.test(bytes, a, b)) {
        out[n++] = NaN;
        continue;
      }
      if (ms !== ms) {
        const text = escaped ? escapedText(s, f) : decodeBytes(bytes, a, b);
        if (text !== null) {
          ms = this.lenient ? Date.parse(text) : NaN;
          if (ms !== ms) s.fail(k, text);
        }
      }
      out[n++] = ms;
    }
    this.length = n;
  }

  finish(): DateColumn {
    return new DateColumn(this.length === this.ms.length ? this.ms : this.ms.slice(0, this.length));
  }
}

export class BooleanBuilder implements ColumnBuilder {
  readonly type = 'boolean';
  /** 0 false, 1 true, 2 missing. */
  private codes: Uint8Array;
  private length = 0;

  constructor(capacity: number) {
    this.codes = new Uint8Array(capacity);
  }

  add(s: ColumnSlice): void {
    const { bytes, chunk, rows, count, column, na } = s;
    const { rowStart, start, end, flags } = chunk;
    const codes = (this.codes = ensure(this.codes, this.length, this.length + count));
    let n = this.length;
    for (let k = 0; k < count; k++) {
      const f = rowStart[rows[k]] + column;
      const a = start[f];
      const b = end[f];
      let v: boolean | null | undefined;
      let text: string | null = null;
      if (flags[f] & FIELD_ESCAPED) {
        text = escapedText(s, f);
        v = text === 'true' || text === 'True' || text === 'TRUE' ? true : text === 'false' || text === 'False' || text === 'FALSE' ? false : text === null ? null : undefined;
      } else if (na.test(bytes, a, b)) {
        v = null;
      } else {
        v = parseBooleanBytes(bytes, a, b);
      }
      if (v === undefined) s.fail(k, text ?? decodeBytes(bytes, a, b));
      codes[n++] = v === true ? 1 : v === false ? 0 : 2;
    }
    this.length = n;
  }

  finish(): (boolean | null)[] {
    const values: (boolean | null)[] = new Array(this.length);
    const codes = this.codes;
    for (let i = 0; i < this.length; i++) values[i] = codes[i] === 2 ? null : codes[i] === 1;
    return values;
  }
}

/** A builder for a column of the given type (`lenientDates`: the type was asked for explicitly). */
export function createBuilder(type: ColumnType, lenientDates: boolean, capacity: number): ColumnBuilder {
  switch (type) {
    case 'number':
      return new NumberBuilder(capacity);
    case 'date':
      return new DateBuilder(capacity, lenientDates);
    case 'boolean':
      return new BooleanBuilder(capacity);
    case 'string':
      return new StringBuilder(capacity);
  }
}
