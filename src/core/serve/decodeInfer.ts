/**
 * Decodes a v2 infer request into records keyed by input column: one tensor per column
 * (BYTES for strings and dates, FP64/FP32/INT* for numbers, BOOL for booleans), or a single BYTES
 * tensor of JSON records (objects, or strings holding one). Every refusal names the field.
 */
import type { InputColumn, InputSchema, InvalidRowPolicy } from '../package/contract';
import { ProtocolError, V2_DATATYPES, type ScoringRequest, type V2Datatype } from './contract';
import { serveMessage } from './messages';

const NUMERIC = new Set<V2Datatype>(['INT8', 'INT16', 'INT32', 'INT64', 'UINT8', 'UINT16', 'UINT32', 'UINT64', 'FP16', 'FP32', 'FP64']);
const POLICIES: readonly InvalidRowPolicy[] = ['fail', 'skip', 'null'];

const bad = (message: string) => new ProtocolError(400, message);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Decodes the body of `POST /v2/models/{name}/infer` (already JSON-parsed).
 *
 * @example
 * decodeInferRequest({ inputs: [{ name: 'x', shape: [2], datatype: 'FP64', data: [1, 2] }] }, schema)
 * // { records: [{ x: 1 }, { x: 2 }], proba: false, onInvalid: 'fail' }
 */
export function decodeInferRequest(body: unknown, schema: InputSchema): ScoringRequest {
  if (!isObject(body)) throw bad(serveMessage.notObject('a v2 infer request {"inputs": [...]}'));
  const { inputs } = body;
  if (!Array.isArray(inputs) || inputs.length === 0) throw bad(serveMessage.noInputs());
  const options = decodeOptions(body);
  const columns = new Map(schema.columns.map((c) => [c.name, c]));
  const first = inputs[0] as unknown;
  if (inputs.length === 1 && isObject(first) && typeof first.name === 'string' && !columns.has(first.name) && first.datatype === 'BYTES') {
    return { ...options, records: decodeRecordTensor(first, 'inputs[0]') };
  }
  const records: Record<string, unknown>[] = [];
  const seen = new Map<string, string>();
  let rows = -1;
  let firstField = '';
  inputs.forEach((raw: unknown, i) => {
    const field = `inputs[${i}]`;
    const { name, shape, datatype, data } = checkTensor(raw, i);
    const column = columns.get(name);
    if (column === undefined) throw bad(serveMessage.unknownInput(field, name, [...columns.keys()]));
    if (seen.has(name)) throw bad(serveMessage.duplicateInput(field, name));
    seen.set(name, field);
    if (shape.length === 0 || shape.length > 2 || (shape.length === 2 && shape[1] !== 1)) throw bad(serveMessage.columnShape(field, shape));
    if (rows < 0) {
      rows = shape[0];
      firstField = `${inputs.length > 1 ? 'inputs[0]' : field} ("${(inputs[0] as { name: string }).name}")`;
      for (let r = 0; r < rows; r++) records.push({});
    } else if (shape[0] !== rows) {
      throw bad(serveMessage.rowCountMismatch(`${field} ("${name}")`, shape[0], firstField, rows));
    }
    const convert = converter(field, column, datatype);
    for (let r = 0; r < rows; r++) records[r][name] = convert(data[r], r);
  });
  return { ...options, records };
}

/** Request-level parameters: `proba` (or an output named "proba") and `on_invalid`. */
function decodeOptions(body: Record<string, unknown>): Omit<ScoringRequest, 'records'> {
  const params = body.parameters ?? {};
  if (!isObject(params)) throw bad(serveMessage.badParameter('parameters', 'an object', params));
  const proba = params.proba ?? false;
  if (typeof proba !== 'boolean') throw bad(serveMessage.badParameter('parameters.proba', 'true or false', proba));
  const onInvalid = params.on_invalid ?? 'fail';
  if (!POLICIES.includes(onInvalid as InvalidRowPolicy)) throw bad(serveMessage.badParameter('parameters.on_invalid', '"fail", "skip" or "null"', onInvalid));
  const outputs = body.outputs ?? [];
  if (!Array.isArray(outputs) || !outputs.every((o) => isObject(o) && typeof o.name === 'string')) throw bad(serveMessage.badParameter('outputs', 'an array of {name}', outputs));
  const wantsProba = proba || outputs.some((o: { name: string }) => o.name === 'proba');
  return { proba: wantsProba, onInvalid: onInvalid as InvalidRowPolicy, ...(typeof body.id === 'string' ? { id: body.id } : {}) };
}

function checkTensor(raw: unknown, i: number): { name: string; shape: number[]; datatype: V2Datatype; data: unknown[] } {
  const field = `inputs[${i}]`;
  if (!isObject(raw)) throw bad(serveMessage.badTensor(i));
  if (typeof raw.name !== 'string' || raw.name === '') throw bad(serveMessage.badTensorName(i));
  if (!V2_DATATYPES.includes(raw.datatype as V2Datatype)) throw bad(serveMessage.badDatatype(field, raw.datatype, V2_DATATYPES));
  const shape = raw.shape;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isInteger(d) && (d as number) >= 0)) throw bad(serveMessage.badShape(field, shape));
  if (!Array.isArray(raw.data)) throw bad(serveMessage.badParameter(`${field}.data`, 'an array', raw.data));
  const data = (raw.data as unknown[]).flat(Infinity);
  const size = (shape as number[]).reduce((a, b) => a * b, 1);
  if (data.length !== size) throw bad(serveMessage.shapeMismatch(field, shape as number[], data.length));
  return { name: raw.name, shape: shape as number[], datatype: raw.datatype as V2Datatype, data };
}

/** How one tensor's values become column values; null passes through as a missing value. */
function converter(field: string, column: InputColumn, datatype: V2Datatype): (v: unknown, r: number) => unknown {
  const wrong = () => bad(serveMessage.wrongDatatype(field, column.name, datatype, column.type, wantedDatatype(column)));
  const value = (v: unknown, r: number, ok: boolean) => {
    if (v === null || ok) return v;
    throw bad(serveMessage.wrongValue(field, r, datatype, v));
  };
  if (NUMERIC.has(datatype)) {
    if (column.type !== 'number' && column.type !== 'date') throw wrong();
    return (v, r) => value(v, r, typeof v === 'number' && (datatype.startsWith('FP') || Number.isInteger(v)));
  }
  if (datatype === 'BOOL') {
    if (column.type !== 'boolean') throw wrong();
    return (v, r) => value(v, r, typeof v === 'boolean');
  }
  if (column.type === 'number') throw wrong();
  return (v, r) => value(v, r, typeof v === 'string' || (column.type === 'boolean' && typeof v === 'boolean'));
}

/** The datatype a column should be sent as. */
export function wantedDatatype(column: InputColumn): V2Datatype {
  return column.type === 'number' ? 'FP64' : column.type === 'boolean' ? 'BOOL' : 'BYTES';
}

function decodeRecordTensor(tensor: Record<string, unknown>, field: string): Record<string, unknown>[] {
  const { data } = checkTensor(tensor, 0);
  return data.map((v, i) => {
    let record: unknown = v;
    if (typeof v === 'string') {
      try {
        record = JSON.parse(v);
      } catch {
        throw bad(serveMessage.badRecordsInput(field, i));
      }
    }
    if (!isObject(record)) throw bad(serveMessage.badRecordsInput(field, i));
    return record;
  });
}

/**
 * Decodes the body of `POST /predict`: `{records: [...]}` or a bare array of records, with
 * optional `proba` and `on_invalid`.
 *
 * @example
 * decodeRecordsRequest([{ x: 1 }]) // { records: [{ x: 1 }], proba: false, onInvalid: 'fail' }
 */
export function decodeRecordsRequest(body: unknown): ScoringRequest {
  const records = Array.isArray(body) ? body : isObject(body) ? body.records : undefined;
  if (!Array.isArray(records)) throw bad(serveMessage.badRecords());
  records.forEach((r: unknown, i) => {
    if (!isObject(r)) throw bad(serveMessage.badRecord(i, r));
  });
  const options = isObject(body) ? decodeOptions({ parameters: { proba: body.proba, on_invalid: body.on_invalid } }) : decodeOptions({});
  return { ...options, records: records as Record<string, unknown>[] };
}
