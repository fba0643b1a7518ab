import { table as aqTable, type ColumnTable } from 'arquero';
import { readOnlyColumn } from '../data/columns';
import { dataFingerprint, type DataFingerprint } from '../data/fingerprint';
import { profile } from '../data/profile';
import type { DataProfileData } from '../data/profiling/contract';
import { createRng } from '../training/random';
import type { InputSchema } from './contract';
import { inferInputSchema } from './inferInputSchema';

/**
 * The training profile is computed on at most this many rows, drawn without replacement with a
 * fixed seed (`PROFILE_SAMPLE_SEED`): profiling sorts every numeric column, and on 1M rows it cost
 * 1.4 s of CPU, a sixth of fitting a logistic pipeline. Quantiles of a 20,000-row sample are within
 * about ±0.01 in rank of the table's, ample for PSI and KS drift checks. The input schema (types,
 * categories, ranges) is always exact: a sampled schema would refuse a rare category at predict time.
 */
export const PROFILE_SAMPLE_ROWS = 20_000;
const PROFILE_SAMPLE_SEED = 0;

/** What a package needs of the training table, computed once (a fit run keeps it as an artifact). */
export interface ReferenceParts {
  inputs: InputSchema;
  /** The profile of the training table, or of `profileSample.rows` of its rows when it is larger. */
  trainingProfile: DataProfileData;
  fingerprint: DataFingerprint;
  /** Present when the profile is of a sample: its size, the table's size and the sampling seed. */
  profileSample?: { rows: number; of: number; seed: number };
}

/**
 * The input schema, training profile and fingerprint of a training table on the model's columns.
 * The schema is exact; the profile is of a fixed-seed sample above `PROFILE_SAMPLE_ROWS` rows
 * (said in `profileSample`). Pass the table's `fingerprint` when it is already known.
 *
 * @example
 * referenceParts(train, pipe.inputColumns).inputs.columns.length // pipe.inputColumns.length
 */
export function referenceParts(table: ColumnTable, columns: string[], fingerprint?: DataFingerprint): ReferenceParts {
  const rows = table.numRows();
  const sampled = rows > PROFILE_SAMPLE_ROWS;
  const profiled = sampled ? sampleRows(table, columns, PROFILE_SAMPLE_ROWS, PROFILE_SAMPLE_SEED) : table;
  return {
    inputs: inferInputSchema(table, columns),
    trainingProfile: profile(profiled, { columns }).toJSON(),
    fingerprint: fingerprint ?? dataFingerprint(table),
    ...(sampled ? { profileSample: { rows: PROFILE_SAMPLE_ROWS, of: rows, seed: PROFILE_SAMPLE_SEED } } : {}),
  };
}

/** `k` rows of `table` (k < its rows) on `columns`, drawn in one pass in table order (Knuth's selection sampling). */
function sampleRows(table: ColumnTable, columns: string[], k: number, seed: number): ColumnTable {
  const n = table.numRows();
  const rng = createRng(seed, 'profile-sample');
  const picked = new Int32Array(k);
  for (let i = 0, m = 0; i < n && m < k; i++) if ((n - i) * rng.nextFloat() < k - m) picked[m++] = i;
  const data: Record<string, unknown[]> = {};
  for (const name of columns) {
    const col = readOnlyColumn(table, name);
    data[name] = Array.from(picked, (i) => col[i]);
  }
  return aqTable(data);
}
