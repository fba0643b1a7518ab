import { kernelService } from '../../core/kernel/service';
import type { RunHistory } from '../../core/runs/inlineHistory';
import { RunIndex } from '../../store/runs/runIndex';
import { loadRunHistory } from '../../store/runs/history';
import { runMessage } from '../../core/runs/messages';

let index: RunIndex | undefined;

export interface RunsOptions {
  /** Only this notebook's runs (the default), another notebook's (workspace-relative path), or `'all'`. */
  // eslint-disable-next-line @typescript-eslint/no-redundant-type-constituents -- 'all' is for cell authors: hover and completion show it.
  notebook?: string | 'all';
  /** How many recent runs. Default 10. */
  limit?: number;
  /** A filter expression, e.g. `'metrics.accuracy > 0.9 && kind == "fit"'`. */
  filter?: string;
  /** Include nested runs (CV folds, search trials). Default false. */
  nested?: boolean;
}

/**
 * The recent runs of this notebook as a compact table — key metrics with sparklines of their
 * history, the latest run highlighted. Make it a cell's last expression to show it.
 *
 * @example
 * runs()                                    // this notebook's last 10 runs
 * runs({ notebook: 'all', filter: 'metrics.auc > 0.8' })
 */
export function runs(options: RunsOptions = {}): RunHistory {
  const kernel = kernelService();
  const workspace = kernel?.workspaceDir;
  if (!workspace) throw new Error(runMessage.runsNoWorkspace);
  if (!index) index = RunIndex.openSync(workspace);
  else index.refresh();
  const here = kernel.runContext?.().notebook;
  const notebook = options.notebook === 'all' ? undefined : (options.notebook ?? here);
  const newest = index.query({ ...(notebook ? { notebook } : {}), parentId: null, limit: 1 }).rows[0];
  return loadRunHistory(index, {
    ...(notebook ? { notebook } : {}),
    limit: options.limit ?? 10,
    ...(options.filter ? { filter: options.filter } : {}),
    ...(options.nested ? { nested: true } : {}),
    ...(newest ? { current: newest.id } : {}),
  });
}
