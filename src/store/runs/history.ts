import { buildRunHistory, type RunHistory, type RunHistoryOptions } from '../../core/runs/inlineHistory';
import type { RunRecord } from '../../core/runs/contract';
import { RunIndex } from './runIndex';
import { runMessage } from '../../core/runs/messages';

export interface LoadHistoryOptions extends RunHistoryOptions {
  /** Workspace-relative notebook path whose runs to show; default all notebooks. */
  notebook?: string;
  /** Include folds and trials (runs with a parent). Default false. */
  nested?: boolean;
  /** A filter expression further narrowing the runs (see `compileFilter`). */
  filter?: string;
}

/**
 * The inline history for a cell's `runs()`: the newest runs of a notebook from the index, their
 * full records read from disk (only those shown), as a displayable table.
 *
 * @example
 * const index = RunIndex.openSync(workspaceDir);
 * display(loadRunHistory(index, { notebook: 'churn.mlnb', current: run.id }));
 */
export function loadRunHistory(index: RunIndex, options: LoadHistoryOptions = {}): RunHistory {
  if (!(index instanceof RunIndex)) throw new TypeError(runMessage.needs('loadRunHistory', 'a RunIndex (RunIndex.openSync(workspaceDir))'));
  const limit = options.limit ?? 10;
  const result = index.query({
    ...(options.notebook !== undefined ? { notebook: options.notebook } : {}),
    ...(options.nested ? {} : { parentId: null }),
    ...(options.filter ? { filter: options.filter } : {}),
    limit,
  });
  const records: RunRecord[] = [];
  for (const row of result.rows) {
    try {
      records.push({ ...index.readRecord(row.id), status: row.status });
    } catch {
      // Changed or deleted since the index read it; the next refresh reports it.
    }
  }
  const view = buildRunHistory(records, { ...options, limit, title: options.title ?? (options.notebook ? `Runs of ${options.notebook}` : 'Runs') });
  view.total = result.matched;
  if (options.notebook !== undefined) view.notebook = options.notebook;
  return view;
}
