/**
 * Every sentence `modelbook predict` and `modelbook serve` say to a caller: HTTP error bodies, CLI
 * refusals. Each names the field, row or column at fault and, where there is one, the fix.
 */
import type { RowProblem } from '../package/contract';

const json = (v: unknown) => {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
};

export const serveMessage = {
  // v2 / predict request bodies
  notJson: (detail: string) => `The request body is not valid JSON (${detail}).`,
  notObject: (what: string) => `The request body must be ${what}.`,
  noInputs: () => `"inputs" must be a non-empty array of tensors {name, shape, datatype, data}.`,
  badTensor: (i: number) => `inputs[${i}] must be an object {name, shape, datatype, data}.`,
  badTensorName: (i: number) => `inputs[${i}].name must be a non-empty string.`,
  badDatatype: (field: string, got: unknown, allowed: readonly string[]) => `${field}.datatype must be one of ${allowed.join(', ')} (got ${json(got)}).`,
  badShape: (field: string, got: unknown) => `${field}.shape must be an array of whole numbers ≥ 0, e.g. [3] or [3, 1] (got ${json(got)}).`,
  shapeMismatch: (field: string, shape: readonly number[], length: number) => `${field}: shape [${shape.join(', ')}] holds ${shape.reduce((a, b) => a * b, 1)} values but data has ${length}.`,
  columnShape: (field: string, shape: readonly number[]) => `${field}: a column tensor has shape [rows] or [rows, 1] (got [${shape.join(', ')}]).`,
  rowCountMismatch: (field: string, rows: number, first: string, firstRows: number) => `${field} has ${rows} rows but ${first} has ${firstRows}; every input column needs the same number of rows.`,
  duplicateInput: (field: string, name: string) => `${field}: input "${name}" is given twice.`,
  unknownInput: (field: string, name: string, columns: readonly string[]) => `${field}: "${name}" is not an input column of this model (columns: ${columns.join(', ')}).`,
  wrongDatatype: (field: string, name: string, datatype: string, type: string, want: string) => `${field} ("${name}"): datatype ${datatype} does not fit the ${type} column; send ${want}.`,
  wrongValue: (field: string, index: number, datatype: string, got: unknown) => `${field}.data[${index}]: ${json(got)} is not a ${datatype} value.`,
  badRecordsInput: (field: string, index: number) => `${field}.data[${index}] must be a JSON object (or a string holding one) of column values.`,
  badRecords: () => `The body must be {"records": [{...}, ...]} or a JSON array of records.`,
  badRecord: (index: number, got: unknown) => `records[${index}] must be an object of column values (got ${json(got)}).`,
  badParameter: (field: string, want: string, got: unknown) => `${field} must be ${want} (got ${json(got)}).`,
  invalidRow: (problem: RowProblem) => problem.message,
  tooLarge: (limit: number) => `The request body is larger than ${limit} bytes (--max-body); send fewer rows per request.`,
  unsupportedMediaType: (got: string) => `Content-Type must be application/json (got "${got}").`,
  methodNotAllowed: (method: string, path: string, allowed: readonly string[]) => `${method} is not allowed on ${path}; use ${allowed.join(' or ')}.`,
  notFound: (path: string) => `No route ${path}; see GET /v2 and the README's "Predict and serve".`,
  unknownModel: (name: string, known: string) => `No model named "${name}" (this server serves "${known}").`,
  internal: (detail: string) => `The model could not score the request: ${detail}`,
};

/** The sentences of the `predict` and `serve` verbs' arguments and console lines. */
export const serveCliMessage = {
  needsArgs: (verb: string, args: string, got: number) => `modelbook ${verb} needs ${args} (got ${got} argument${got === 1 ? '' : 's'}).`,
  badChoice: (flag: string, choices: readonly string[], got: unknown) => `${flag} must be ${choices.join('|')} (got ${JSON.stringify(got)}).`,
  badNumber: (flag: string, want: string, got: unknown) => `${flag} must be ${want} (got ${JSON.stringify(got)}).`,
  notFound: (file: string) => `No file ${file}.`,
  progress: (rows: number, perSecond: number) => `scored ${rows.toLocaleString('en-US')} rows (${Math.round(perSecond).toLocaleString('en-US')} rows/s)`,
  listening: (url: string, name: string, hash: string) => `modelbook serve: ${name} (${hash.slice(0, 12)}) listening on ${url}`,
  stopping: (signal: string) => `modelbook serve: ${signal}, finishing requests in flight and stopping.`,
};
