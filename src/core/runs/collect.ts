/**
 * Pure transforms of index rows for the runs tree and the Experiments panel (no `vscode` here,
 * so they are unit-tested in plain Node).
 */
import { metricDirection } from './compare';
import { formatNumber } from './format';
import type { PanelRun, RunSummary } from './summary';

/** The row as the panel receives it (see `PanelRun`). */
export function toPanelRun(row: RunSummary): PanelRun {
  const { libraries: _l, host: _h, heartbeatAt: _b, ...rest } = row;
  return rest;
}

/**
 * The metric to show next to a run's name: the first one whose direction is known
 * (accuracy, auc, loss …), else the first by name.
 *
 * @example
 * keyMetric({ metrics: { logLoss: 0.3, auc: 0.91 } }) // { name: 'auc', value: 0.91, text: 'auc 0.91' }
 */
export function keyMetric(row: Pick<RunSummary, 'metrics'>): { name: string; value: number | null; text: string } | undefined {
  const names = Object.keys(row.metrics).sort();
  const preferred = ['auc', 'rocAuc', 'accuracy', 'r2', 'f1', 'valLoss', 'loss'];
  const name = preferred.find((p) => p in row.metrics) ?? names.find((n) => metricDirection(n) !== null) ?? names[0];
  if (name === undefined) return undefined;
  const value = row.metrics[name];
  return { name, value, text: `${name} ${formatNumber(value)}` };
}

export interface NotebookRuns {
  /** Workspace-relative notebook path ('' for runs made outside a notebook). */
  notebook: string;
  /** Top-level runs, newest first. */
  runs: RunSummary[];
}

/**
 * Runs grouped by notebook (notebooks by name), top-level runs newest first, and the nested runs
 * (CV folds, trials) of each parent in start order.
 */
export function collectRunTree(rows: readonly RunSummary[]): { notebooks: NotebookRuns[]; children: Map<string, RunSummary[]> } {
  const byNotebook = new Map<string, RunSummary[]>();
  const children = new Map<string, RunSummary[]>();
  const ids = new Set(rows.map((r) => r.id));
  for (const r of rows) {
    if (r.parentId !== undefined && ids.has(r.parentId)) {
      let list = children.get(r.parentId);
      if (!list) children.set(r.parentId, (list = []));
      list.push(r);
      continue;
    }
    const key = r.notebook ?? '';
    let list = byNotebook.get(key);
    if (!list) byNotebook.set(key, (list = []));
    list.push(r);
  }
  const newestFirst = (a: RunSummary, b: RunSummary) => (a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : a.id < b.id ? 1 : -1);
  for (const list of children.values()) list.sort((a, b) => -newestFirst(a, b));
  const notebooks = [...byNotebook].map(([notebook, runs]) => ({ notebook, runs: runs.sort(newestFirst) }));
  notebooks.sort((a, b) => (a.notebook === '' ? 1 : b.notebook === '' ? -1 : a.notebook < b.notebook ? -1 : 1));
  return { notebooks, children };
}

/** The filter expression that selects one notebook's runs in the panel. */
export function notebookFilter(notebook: string): string {
  return `notebook == ${JSON.stringify(notebook)}`;
}
