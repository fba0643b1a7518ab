import type { ColumnTable } from 'arquero';
import { rowHashes } from '../data/fingerprint';
import { checkPipelineLeak } from '../features/checkPipelineLeak';

/** What an export keeps of a leak check: whether the pipeline saw test rows, and the check's sentence. */
export interface ExportLeak {
  leaked: boolean;
  detail: string;
}

type LeakCheckable = Parameters<typeof checkPipelineLeak>[0];

/**
 * The leak check `exportModel` runs on a fitted pipeline: `checkPipelineLeak` against the test
 * table, where test rows equal to a training row are duplicates in the data, not a leak; only rows
 * the pipeline saw beyond the training table count.
 *
 * @example
 * exportLeak(pipe, test, train) // { leaked: false, detail: 'No leak: none of the 84 test rows …' }
 */
export function exportLeak(pipe: LeakCheckable, test: ColumnTable, train: ColumnTable): ExportLeak {
  const report = checkPipelineLeak(pipe, test);
  return { leaked: report.leaked && report.overlappingRows > rowsAlsoIn(test, train, pipe.inputColumns), detail: report.message };
}

/** How many rows of `a` equal a row of `b` on `columns`. */
function rowsAlsoIn(a: ColumnTable, b: ColumnTable, columns: string[]): number {
  const known = new Set(rowHashes(b, columns));
  let n = 0;
  for (const h of rowHashes(a, columns)) if (known.has(h)) n++;
  return n;
}
