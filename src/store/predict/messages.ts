/** Every sentence `modelbook predict` says: input it cannot read, rows that fail the schema. */
import type { RowProblem } from '../../core/package/contract';

export const predictMessage = {
  unknownFormat: (file: string) => `Cannot tell the format of ${file}: name it .csv, .jsonl (or .ndjson), .parquet or .arrow (.feather), or pass --format-in.`,
  csvFieldCount: (file: string, line: number, got: number, expected: number) =>
    `${file} line ${line}: ${got} field${got === 1 ? '' : 's'}, expected ${expected} (the header has ${expected}). Check the quoting of that row.`,
  csvUnclosedQuote: (file: string, line: number) => `${file} line ${line}: a quoted field never closes. Close the quote or remove it.`,
  jsonlNotJson: (file: string, line: number, detail: string) => `${file} line ${line}: not valid JSON (${detail}). Each line must hold one JSON object.`,
  jsonlNotObject: (file: string, line: number) => `${file} line ${line}: not a JSON object. Each line must hold one object of column values, e.g. {"age": 41}.`,
  /** A row problem with its row counted in the whole input (1-based, the header not counted). */
  invalidRow: (file: string, problem: RowProblem, row: number) => `${file}: ${problem.message.replace(/^Row \d+:/, `Row ${row + 1}:`)}`,
  invalidRowsSummary: (count: number, policy: string) =>
    `${count} row${count === 1 ? '' : 's'} failed the input schema and ${policy === 'skip' ? 'were left out' : 'were written with an empty prediction'} (--on-invalid ${policy}).`,
  missingIdColumn: (file: string, column: string) => `${file}: no column "${column}" for --id.`,
  done: (rows: number, out: string, seconds: string) => `Wrote ${rows} prediction${rows === 1 ? '' : 's'} to ${out} in ${seconds}.`,
};
