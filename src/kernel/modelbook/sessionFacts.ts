/**
 * What this kernel remembers about the runs it recorded beyond their records, for checkpoints: the
 * table each fit, cross-validation, search and evaluation used (held weakly: a table the notebook
 * dropped is forgotten) and each evaluation's whole view (its slices; the latest few only).
 */
import type { ColumnTable } from 'arquero';
import { rowHashes } from '../../core/data/fingerprint';
import type { EvaluationView } from '../../core/evaluation/contract';
import type { CheckpointKernelFacts } from '../../core/checkpoints/kernelFacts';

const tables = new Map<string, WeakRef<ColumnTable>>();
const views = new Map<string, EvaluationView>();
/** Views kept: a checkpoint reads the latest evaluation; a few more cover notebooks that evaluate several models. */
const MAX_VIEWS = 8;

/**
 * Remembers the table a run used.
 *
 * @example
 * rememberTable(run.id, train)
 */
export function rememberTable(runId: string, table: ColumnTable): void {
  tables.set(runId, new WeakRef(table));
}

/**
 * Remembers an evaluation run's view (the oldest is forgotten past a few).
 *
 * @example
 * rememberView(run.id, evaluation.view)
 */
export function rememberView(runId: string, view: EvaluationView): void {
  views.set(runId, view);
  if (views.size > MAX_VIEWS) views.delete(views.keys().next().value as string);
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
  return { sharedRows, evaluationView: (runId) => views.get(runId) };
}
