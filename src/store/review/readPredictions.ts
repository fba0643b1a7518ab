import path from 'node:path';
import type { PredictionSet } from '../../core/review/contract';
import type { RunRecord } from '../../core/runs/contract';
import { decodePredictions } from '../../core/review/decodePredictions';
import { readRegularFile } from '../readRegularFile';
import { MAX_BLOB_BYTES } from '../git/revisions';

/**
 * The predictions an evaluation kept, from `.modelbook/runs/<id>.predictions` in the work tree
 * (a regular file of at most 64 MB; a FIFO or link is refused). Bytes read from git decode with
 * core's `decodePredictions`.
 *
 * @example
 * readPredictions('/work/churn/.modelbook/runs/01JD….predictions').rowIds.length // 200000
 */
export function readPredictions(file: string): PredictionSet {
  return decodePredictions(readRegularFile(file, { maxBytes: MAX_BLOB_BYTES }).bytes, file);
}

/**
 * The predictions an evaluation run kept in `workspace`, or undefined when it kept none or the file
 * cannot be read (missing, too large, not a regular file).
 *
 * @example
 * readKeptPredictions('/work/churn', evaluationRecord)?.slices?.sex
 */
export function readKeptPredictions(workspace: string, evaluation: RunRecord): PredictionSet | undefined {
  if (!evaluation.predictions) return undefined;
  try {
    return readPredictions(path.join(workspace, ...evaluation.predictions.path.split('/')));
  } catch {
    return undefined;
  }
}
