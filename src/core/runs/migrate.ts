import { RUN_RECORD_VERSION } from './contract';
import { runMessage } from './messages';

/** Turns a record of version `n` into one of version `n + 1` (keyed by `n`). */
export type RunRecordMigration = (record: Record<string, unknown>) => Record<string, unknown>;

/**
 * The migration hook: when the format changes, bump RUN_RECORD_VERSION and add the step from the
 * previous version here. Files are migrated in memory on read; they are rewritten only when the
 * run is written again, so old files never churn in git just because Modelbook was upgraded.
 */
export const RUN_RECORD_MIGRATIONS: Readonly<Record<number, RunRecordMigration>> = {};

/** Thrown when a record's version cannot be read by this Modelbook. */
export class RunVersionError extends Error {
  override name = 'RunVersionError';
}

/**
 * Brings a parsed record to the current version by applying each migration step in turn.
 * Throws a RunVersionError for a version from a newer Modelbook or one with no migration path.
 *
 * @example
 * migrateRunRecord({ version: 1, … }) // the same object: version 1 is current
 */
export function migrateRunRecord(
  record: Record<string, unknown>,
  migrations: Readonly<Record<number, RunRecordMigration>> = RUN_RECORD_MIGRATIONS,
  current: number = RUN_RECORD_VERSION,
): Record<string, unknown> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) throw new RunVersionError(runMessage.recordNotObject);
  return _migrate(record, migrations, current);
}

function _migrate(record: Record<string, unknown>, migrations: Readonly<Record<number, RunRecordMigration>>, current: number): Record<string, unknown> {
  const version = record.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new RunVersionError(runMessage.recordNoVersion(version));
  if (version > current) throw new RunVersionError(runMessage.recordTooNew(version, current));
  let out = record;
  for (let v = version; v < current; v++) {
    const step = migrations[v];
    if (!step) throw new RunVersionError(runMessage.recordNoMigration(v, current));
    out = step(out);
    if (out.version !== v + 1) throw new RunVersionError(runMessage.recordBadMigration(v));
  }
  return out;
}
