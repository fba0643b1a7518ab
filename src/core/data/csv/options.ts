import { DEFAULT_NA_VALUES, isColumnType, type BadRowPolicy, type ColumnType } from '../types';
import { dataMessage } from '../messages';

/** Options of `parseCSV` / `readCSV` (pandas' `read_csv` names in brackets). */
export interface CSVOptions {
  /** Field separator, one character. Default `','` (`'\t'` for TSV). [`sep`] */
  delimiter?: string;
  /** Whether the first row holds the column names. Default true. [`header`] */
  header?: boolean;
  /** Column names to use instead of the header's (or for a file without one). [`names`] */
  names?: string[];
  /** Quote character; a quote inside a quoted field is doubled (`""`). Default `'"'`. [`quotechar`] */
  quote?: string;
  /** Lines starting with this character are skipped, and so is the rest of a line after it. No default. [`comment`] */
  comment?: string;
  /** Tokens read as missing values. Default `DEFAULT_NA_VALUES` (pandas' list, includes `''`). [`na_values`] */
  naValues?: readonly string[];
  /** Read at most this many data rows. Default: all. [`nrows`] */
  limit?: number;
  /** Load only these columns (file order is kept); the others are never converted. [`usecols`] */
  columns?: string[];
  /** Column types to use instead of inferring them, e.g. `{ id: 'string', when: 'date' }`. [`dtype`] */
  types?: Record<string, ColumnType>;
  /** Infer number/boolean/date columns; false reads every column not in `types` as text. Default true. */
  inferTypes?: boolean;
  /**
   * A row with the wrong number of fields, or a value that does not fit an explicit type:
   * `'error'` (default) stops with the line number and reason; `'skip'` drops the row;
   * `'collect'` drops it and returns it in `badRows`. [`on_bad_lines`]
   */
  onBadRows?: BadRowPolicy;
  /** Name of the data in messages, e.g. the file path. Default `'CSV'`. */
  source?: string;
}

export interface ResolvedCSVOptions {
  delimiter: number;
  quote: number;
  comment: number;
  header: boolean;
  names: string[] | undefined;
  naValues: readonly string[];
  limit: number;
  columns: string[] | undefined;
  types: Record<string, ColumnType>;
  inferTypes: boolean;
  onBadRows: BadRowPolicy;
  source: string;
}

/** Checks every option and fills in the defaults; each mistake gets a sentence naming the fix. */
export function resolveCSVOptions(fn: string, options: CSVOptions, defaultDelimiter = ','): ResolvedCSVOptions {
  if (typeof options !== 'object' || options === null) throw new TypeError(dataMessage.badInput(fn, 'an options object, e.g. { delimiter: ";" }'));
  const bad = (name: string, expected: string, got: unknown) => new TypeError(dataMessage.badOption(fn, name, expected, got));
  const char = (name: string, v: unknown, fallback: string | undefined): number => {
    if (v === undefined) return fallback === undefined ? -1 : fallback.charCodeAt(0);
    if (typeof v !== 'string' || v.length !== 1 || v.charCodeAt(0) > 127) throw bad(name, 'a single ASCII character', v);
    if (v === '\n' || v === '\r') throw bad(name, 'a character other than a line break', v);
    return v.charCodeAt(0);
  };
  const strings = (name: string, v: unknown): string[] | undefined => {
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) throw bad(name, 'a list of strings', v);
    return v as string[];
  };
  const o = options;
  if (o.header !== undefined && typeof o.header !== 'boolean') throw bad('header', 'true or false', o.header);
  if (o.inferTypes !== undefined && typeof o.inferTypes !== 'boolean') throw bad('inferTypes', 'true or false', o.inferTypes);
  if (o.limit !== undefined && !(Number.isInteger(o.limit) && o.limit >= 0)) throw bad('limit', 'a whole number ≥ 0', o.limit);
  if (o.onBadRows !== undefined && !['error', 'skip', 'collect'].includes(o.onBadRows)) throw bad('onBadRows', "'error', 'skip' or 'collect'", o.onBadRows);
  if (o.source !== undefined && typeof o.source !== 'string') throw bad('source', 'a string', o.source);
  const types = o.types ?? {};
  if (typeof types !== 'object' || types === null || Array.isArray(types)) throw bad('types', "an object like { id: 'string', when: 'date' }", types);
  for (const [name, t] of Object.entries(types)) if (!isColumnType(t)) throw bad(`types.${name}`, "'number', 'string', 'boolean' or 'date'", t);
  const delimiter = char('delimiter', o.delimiter, defaultDelimiter);
  const quote = char('quote', o.quote, '"');
  const comment = char('comment', o.comment, undefined);
  if (delimiter === quote) throw bad('quote', 'different from the delimiter', o.quote);
  return {
    delimiter,
    quote,
    comment,
    header: o.header ?? true,
    names: strings('names', o.names),
    naValues: strings('naValues', o.naValues) ?? DEFAULT_NA_VALUES,
    limit: o.limit ?? Infinity,
    columns: strings('columns', o.columns),
    types,
    inferTypes: o.inferTypes ?? true,
    onBadRows: o.onBadRows ?? 'error',
    source: o.source ?? 'CSV',
  };
}

/**
 * Column names as pandas makes them: an empty name becomes `Unnamed: i`, a repeated name gets
 * `.1`, `.2`, … so every column can be addressed.
 */
export function uniqueNames(raw: string[]): string[] {
  const seen = new Set<string>();
  return raw.map((name, i) => {
    let n = name === '' ? `Unnamed: ${i}` : name;
    if (seen.has(n)) {
      let k = 1;
      while (seen.has(`${n}.${k}`)) k++;
      n = `${n}.${k}`;
    }
    seen.add(n);
    return n;
  });
}
