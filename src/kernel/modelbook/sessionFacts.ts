/**
 * What checkpoints can read beyond the run records: the table each fit, cross-validation, search
 * and evaluation used, which only this kernel remembers (held weakly: a table the notebook dropped is
 * forgotten), and the predictions an evaluation kept beside its record, read from the workspace (so a
 * restarted kernel reads the same).
 */
import type { ColumnTable } from 'arquero';
import { rowHashes } from '../../core/data/fingerprint';
import type { CheckpointKernelFacts } from '../../core/checkpoints/kernelFacts';
import { kernelService } from '../../core/kernel/service';
import type { PredictionSet } from '../../core/review/contract';
import type { RunRecord } from '../../core/runs/contract';
import { readKeptPredictions } from '../../store/review/readPredictions';

const tables = new Map<string, WeakRef<ColumnTable>>();

/**
 * Remembers the table a run used.
 *
 * @example
 * rememberTable(run.id, train)
 */
export function rememberTable(runId: string, table: ColumnTable): void {
  tables.set(runId, new WeakRef(table));
}

/** The predictions an evaluation kept in this workspace (undefined when it kept none or they cannot be read). */
function predictions(evaluation: RunRecord): PredictionSet | undefined {
  const workspace = kernelService()?.workspaceDir;
  return workspace ? readKeptPredictions(workspace, evaluation) : undefined;
}

/** Rows of `testRun`'s table found in `fitRun`'s, compared on the columns both have. */
function sharedRows(fitRun: string, testRun: string): { rows: number; testRows: number } | undefined {
  const fit = tables.get(fitRun)?.deref();
  const test = tables.get(testRun)?.deref();
  if (!fit || !test) return undefined;
  const columns = test.columnNames().filter((c) => fit.columnNames().includes(c));
  if (columns.length === 0) return { rows: 0, testRows: test.numRows() };
  const known = new Set(rowHashes(fit, columns));
  let rows = 0;
  for (const h of rowHashes(test, columns)) if (known.has(h)) rows++;
  return { rows, testRows: test.numRows() };
}

/**
 * The facts a checkpoint's context carries in this kernel.
 *
 * @example
 * const ctx = { runs, options, kernel: sessionFacts() };
 */
export function sessionFacts(): CheckpointKernelFacts {
  return { sharedRows, predictions };
}
