import type { MetricHistory, RunRecord } from './contract';
import { schemaErrors, type CompiledValidator, type SchemaError } from './jsonSchema';
import { runMessage } from './messages';
import { migrateRunRecord, RunVersionError } from './migrate';
import { validate as validateRunRecordSchema } from './runRecordValidator';

/**
 * Every way a value breaks the run-record schema (empty when it is a valid record of the
 * current version), plus the one rule JSON Schema cannot state: every history array has one
 * value per epoch. Does not migrate: see `parseRunRecord` for reading files.
 *
 * @example
 * validateRunRecord({ version: 1 }) // [{ path: '', message: 'missing required "id"' }, …]
 */
export function validateRunRecord(value: unknown): SchemaError[] {
  const errors = schemaErrors(validateRunRecordSchema as CompiledValidator, value);
  return errors.length ? errors : historyLengthErrors((value as RunRecord).history);
}

function historyLengthErrors(history: MetricHistory): SchemaError[] {
  const n = history.epoch.length;
  const errors: SchemaError[] = [];
  if (history.elapsedMs && history.elapsedMs.length !== n) errors.push({ path: '/history/elapsedMs', message: `has ${history.elapsedMs.length} values for ${n} epochs` });
  for (const [name, values] of Object.entries(history.metrics)) {
    if (values.length !== n) errors.push({ path: `/history/metrics/${name}`, message: `has ${values.length} values for ${n} epochs` });
  }
  return errors;
}

/**
 * Whether a value is a valid run record of the current version.
 *
 * @example
 * if (isRunRecord(json)) console.log(json.metrics);
 */
export function isRunRecord(value: unknown): value is RunRecord {
  return validateRunRecord(value).length === 0;
}

/** The outcome of reading one record file: the record, or why it is not one. */
export type ParsedRun = { ok: true; record: RunRecord } | { ok: false; reason: string };

/**
 * Parses, migrates and validates the text of a record file. Never throws: a file that is not a
 * valid record gives `{ ok: false, reason }` with a reason a person can act on.
 * With `fileName`, also checks that the file is named after the run id (`<id>.json`).
 *
 * @example
 * parseRunRecord(fs.readFileSync(file, 'utf8'), path.basename(file))
 * // { ok: true, record } or { ok: false, reason: 'not valid JSON (…)' }
 */
export function parseRunRecord(text: string, fileName?: string): ParsedRun {
  if (typeof text !== 'string') return { ok: false, reason: runMessage.recordNotObject };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: runMessage.recordNotJson((e as Error).message) };
  }
  return _checkRecord(raw, fileName);
}

function _checkRecord(raw: unknown, fileName: string | undefined): ParsedRun {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: runMessage.recordNotObject };
  let migrated: Record<string, unknown>;
  try {
    migrated = migrateRunRecord(raw as Record<string, unknown>);
  } catch (e) {
    if (e instanceof RunVersionError) return { ok: false, reason: e.message };
    throw e;
  }
  const errors = validateRunRecord(migrated);
  if (errors.length) return { ok: false, reason: runMessage.recordInvalid(errors) };
  const record = migrated as unknown as RunRecord;
  if (fileName !== undefined && fileName !== `${record.id}.json`) return { ok: false, reason: runMessage.recordNameMismatch(record.id) };
  return { ok: true, record };
}
