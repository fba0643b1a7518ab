/**
 * Type inference for CSV columns, as pandas does it: a column is numeric when every non-missing
 * value is a number, boolean when every one is true/false, a date when every one is an ISO date
 * (pandas needs `parse_dates` for that; here it is automatic), and text otherwise.
 */
import type { ColumnType, ColumnValues } from '../types';
import { DateColumn } from '../dateColumn';
import { parseBooleanBytes, parseIsoDateBytes, parseNumberBytes } from './fields';
import { FIELD_ESCAPED } from './tokenize';
import type { ColumnSlice } from './builders';

const NUMBER = 1;
const BOOLEAN = 2;
const DATE = 4;

/** The type of one column in a chunk, or undefined when all its values are missing (decide later). */
export function inferColumnType(s: Omit<ColumnSlice, 'fail'>): ColumnType | undefined {
  const { bytes, chunk, rows, count, column, na } = s;
  let mask = NUMBER | BOOLEAN | DATE;
  let seen = false;
  for (let k = 0; k < count && mask !== 0; k++) {
    const f = chunk.rowStart[rows[k]] + column;
    const a = chunk.start[f];
    const b = chunk.end[f];
    if (chunk.flags[f] & FIELD_ESCAPED) return 'string';
    if (na.test(bytes, a, b)) continue;
    seen = true;
    mask = narrow(mask, bytes, a, b);
  }
  if (!seen) return undefined;
  return typeOf(mask);
}

function narrow(mask: number, bytes: Uint8Array, a: number, b: number): number {
  if (mask & NUMBER && Number.isNaN(parseNumberBytes(bytes, a, b))) mask &= ~NUMBER;
  if (mask & BOOLEAN && parseBooleanBytes(bytes, a, b) === undefined) mask &= ~BOOLEAN;
  if (mask & DATE && Number.isNaN(parseIsoDateBytes(bytes, a, b))) mask &= ~DATE;
  return mask;
}

function typeOf(mask: number): ColumnType {
  if (mask & NUMBER) return 'number';
  if (mask & BOOLEAN) return 'boolean';
  if (mask & DATE) return 'date';
  return 'string';
}

/**
 * Converts a column read as text (because its first rows were all missing) to the type its
 * values support, or returns it unchanged.
 */
export function retypeStrings(values: (string | null)[]): ColumnValues {
  const enc = new TextEncoder();
  let mask = NUMBER | BOOLEAN | DATE;
  let seen = false;
  for (const v of values) {
    if (v === null) continue;
    seen = true;
    const bytes = enc.encode(v);
    mask = narrow(mask, bytes, 0, bytes.length);
    if (mask === 0) return values;
  }
  if (!seen) return Float64Array.from(values, () => NaN);
  const parse = (v: string, f: (b: Uint8Array, a: number, e: number) => unknown) => {
    const bytes = enc.encode(v);
    return f(bytes, 0, bytes.length);
  };
  switch (typeOf(mask)) {
    case 'number':
      return Float64Array.from(values, (v) => (v === null ? NaN : (parse(v, parseNumberBytes) as number)));
    case 'boolean':
      return values.map((v) => (v === null ? null : (parse(v, parseBooleanBytes) as boolean)));
    case 'date':
      return new DateColumn(Float64Array.from(values, (v) => (v === null ? NaN : (parse(v, parseIsoDateBytes) as number))));
    default:
      return values;
  }
}
