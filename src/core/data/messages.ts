/**
 * Every sentence the data layer says to a cell author, in one place (as src/core/messages.ts does
 * for the rest of Modelbook). Each names the problem and, where there is one, the fix.
 */
const cut = (s: string, n = 40) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

export const dataMessage = {
  where: (source: string, line: number) => `${source} line ${line}`,
  fieldCount: (got: number, expected: number) => `${got} field${got === 1 ? '' : 's'}, expected ${expected}`,
  notA: (column: string, text: string, type: string) => `column ${column}: '${cut(text)}' is not ${type === 'number' ? 'a number' : type === 'date' ? 'a date' : `a ${type}`}`,
  unclosedQuote: 'a quoted field starting on this line is never closed',
  badRowError: (where: string, reason: string) =>
    `${where}: ${reason}. Fix the file, or pass { onBadRows: 'skip' } to drop such rows or { onBadRows: 'collect' } to drop them and get them back as badRows.`,
  badOption: (fn: string, name: string, expected: string, got: unknown) => `${fn}: option ${name} must be ${expected}; got ${cut(JSON.stringify(got) ?? String(got), 60)}.`,
  unknownColumns: (fn: string, option: string, missing: string[], known: string[]) =>
    `${fn}: ${option} names column${missing.length === 1 ? '' : 's'} ${missing.map((m) => `"${m}"`).join(', ')} that the data does not have (columns: ${cut(known.join(', '), 200)}).`,
  badInput: (fn: string, expected: string) => `${fn}: expected ${expected}.`,
  emptyInput: (source: string) => `${source} is empty: there is no header row. Pass { header: false, names: [...] } for a file without a header, or check the path.`,
  jsonShape: (source: string) =>
    `${source}: JSON must be an array of records ([{"a": 1}, …]), an object of columns ({"a": [1, 2]}), or JSON Lines (one record per line); pass { format: 'records' | 'columns' | 'lines' } to say which.`,
  jsonSyntax: (source: string, detail: string) => `${source} is not valid JSON (${detail}).`,
  jsonLineSyntax: (source: string, line: number, detail: string) => `${source} line ${line}: not valid JSON (${detail}).`,
  columnsUneven: (source: string, name: string, length: number, expected: number) =>
    `${source}: column "${name}" has ${length} values but the first column has ${expected}; every column of a column-oriented JSON needs the same length.`,
  parquetCodec: (codec: string) =>
    `This Parquet file uses ${codec} compression, which Modelbook cannot read (readParquet reads UNCOMPRESSED, SNAPPY, ZSTD, GZIP and BROTLI). Re-save the file with one of those (e.g. pandas df.to_parquet(path, compression='zstd')).`,
  parquetNotParquet: (source: string) => `${source} is not a Parquet file: it does not start and end with the Parquet magic bytes "PAR1". If it is CSV or JSON, load it with readCSV or readJSON.`,
  parquetTruncated: (source: string, detail: string) => `${source} is truncated: ${detail}. The file was cut short (an interrupted download or copy); copy or download it again.`,
  parquetNoFooter: 'it starts as Parquet but does not end with the Parquet footer ("PAR1")',
  parquetFooterTooLong: (footer: number, size: number) => `its footer length (${footer} bytes) exceeds the file size (${size} bytes)`,
  parquetChunkOutside: (column: string, end: number, size: number) => `column ${column}'s data ends at byte ${end}, past the end of the file (${size} bytes)`,
  parquetDamaged: (source: string, part: string, detail: string) =>
    `${source} is damaged: its Parquet ${part} could not be decoded (${cut(detail, 120)}). Write the file again, or check it with another reader (e.g. pandas.read_parquet).`,
  jsonTooDeep: (source: string, max: number, line: number, column: number) =>
    `${source} nests arrays or objects deeper than ${max} levels (at line ${line}, column ${column}); Modelbook reads tables, so flatten the data first.`,
  jsonSyntaxAt: (source: string, line: number, column: number, detail: string) => `${source} is not valid JSON at line ${line}, column ${column} (${detail}).`,
  notTable: (fn: string) => `${fn}: expected an arquero table (e.g. from readCSV or aq.table({...})).`,
  noColumn: (name: string, columns: string, fn?: string) => `${fn === undefined ? '' : `${fn}: `}no column "${name}" (columns: ${columns})`,
  parquetMissingChunk: (name: string) => `Parquet: row group without column ${name}`,
  notArrow: (source: string, eMessage: string) => `${source} is not an Arrow IPC file or stream (${eMessage}).`,
  arrowNoSchema: (source: string) => `${source} is not an Arrow IPC file or stream (no schema found).`,
  jsonLineTooDeep: (MAX_JSON_DEPTH: number) => `nested deeper than ${MAX_JSON_DEPTH} levels`,
  notARecord: (source: string, i: number, record: string | undefined) => `${source}: record ${i} is not an object (${record}); ${dataMessage.jsonShape(source)}`,
  atRow: (source: string, row: number, problem: string) => `${source} row ${row}: ${problem}`,
  inSource: (source: string, problem: string) => `${source}: ${problem}`,
  zstdCorrupt: (eMessage: string) => `Corrupt or unsupported Zstandard data: ${eMessage}`,
};
