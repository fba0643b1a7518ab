import { collectColumns, defaultColumns, type RunColumn } from '../../src/core/runs/columns';
import type { RunComparison } from '../../src/core/runs/compare';
import type { RunProblem } from '../../src/core/runs/contract';
import { parsePath, type PathSegment } from '../../src/core/runs/filter/parse';
import { groupRuns } from '../../src/core/runs/group';
import { nestChildRuns } from '../../src/core/runs/nest';
import { queryRuns } from '../../src/core/runs/query';
import type { PanelFocus, PanelRun } from '../../src/protocol/experiments';

/** The most runs compared side by side; selecting another drops the oldest. */
export const MAX_COMPARE = 8;

/** What the user chose, kept with setState across reloads. */
export interface UiState {
  filter: string;
  tag: string;
  group: 'none' | 'notebook' | 'name';
  sort: string[];
  columns: string[] | null;
  selected: string[];
  historyMetric?: string;
  chartX?: string;
  chartY?: string;
}

/** One row of the table: a group header, or a run. */
export type Item = { group: string; count: number } | { run: PanelRun };

/** A shown column: its path, parsed once, and how its values read. */
export interface ColumnPath {
  key: string;
  segments: PathSegment[];
  kind: string;
  label: string;
}

/** The Experiments panel's whole state: the user's choices, the host's runs, and what they make. */
export interface PanelState {
  ui: UiState;
  /** Every run the host sent, by id. */
  runs: Map<string, PanelRun>;
  /** Files in the runs folder that are not readable run records. */
  problems: RunProblem[];
  /** Every column the runs offer (the column picker and the charts' axes). */
  allColumns: RunColumn[];
  /** The columns shown, in order. */
  paths: ColumnPath[];
  /** The runs that match the filter and tag, in table order. */
  shown: PanelRun[];
  /** The table's rows: the shown runs, with group headers when grouped. */
  items: Item[];
  /** Whether the host's runs arrived (nothing is drawn or reported before). */
  loaded: boolean;
  /** How long the last filter, sort and group took, in ms (shown in the summary). */
  lastMs: number;
  /** The host's side-by-side view of the selected runs. */
  comparison?: RunComparison;
  /** The id of the latest `compare` request: an older answer is stale. */
  compareRequest: number;
}

export function createState(saved: UiState | undefined): PanelState {
  return {
    ui: { filter: '', tag: '', group: 'none', sort: ['-startedAt'], columns: null, selected: [], ...saved },
    runs: new Map(),
    problems: [],
    allColumns: [],
    paths: [],
    shown: [],
    items: [],
    loaded: false,
    lastMs: 0,
    compareRequest: 0,
  };
}

/** Every column the runs offer, and the shown ones: the user's choice, else a default set from the runs. */
export function chooseColumns(state: PanelState): void {
  const list = [...state.runs.values()];
  state.allColumns = collectColumns(list);
  const keys = state.ui.columns ?? defaultColumns(list);
  const known = new Map(state.allColumns.map((c) => [c.key, c]));
  state.paths = keys.flatMap((key) => {
    try {
      const c = known.get(key);
      return [{ key, segments: parsePath(key).segments, kind: c?.kind ?? 'string', label: c?.label ?? key }];
    } catch {
      return [];
    }
  });
}

/**
 * The pipeline: filter → tag → sort → nest → group, into `shown` and `items`. Returns the filter's
 * error, if it is malformed (the runs are then sorted unfiltered).
 */
export function runQuery(state: PanelState): string | undefined {
  const list = [...state.runs.values()];
  const sort = [...state.ui.sort, '-id'];
  let rows: PanelRun[];
  let error: string | undefined;
  try {
    rows = queryRuns(list, { filter: state.ui.filter, sort }).rows;
  } catch (e) {
    error = (e as Error).message;
    rows = queryRuns(list, { sort }).rows;
  }
  const tag = state.ui.tag;
  if (tag) rows = rows.filter((r) => r.tags.includes(tag));
  // Folds and trials under their cross-validation or search, not under whatever started before them.
  state.shown = nestChildRuns(rows);
  const group = state.ui.group;
  if (group === 'none') state.items = state.shown.map((run) => ({ run }));
  else {
    const byId = new Map(state.shown.map((r) => [r.id, r]));
    state.items = groupRuns(state.shown, group).flatMap((g) => [{ group: g.key || '(none)', count: g.count }, ...g.runIds.map((id) => ({ run: byId.get(id)! }))]);
  }
  return error;
}

/** The sort after a click on column `key`: numbers and dates largest first, text A→Z; a second click reverses. */
export function nextSort(current: string | undefined, key: string, kind: string | undefined): string {
  return current === key ? `-${key}` : current === `-${key}` ? key : kind === 'number' || kind === 'date' ? `-${key}` : key;
}

/** Adds or removes a run from the comparison (at most MAX_COMPARE, the oldest dropped). */
export function toggleSelected(ui: UiState, id: string): void {
  ui.selected = ui.selected.includes(id) ? ui.selected.filter((s) => s !== id) : [...ui.selected, id].slice(-MAX_COMPARE);
}

/** A focus from the host: its filter and selection replace the user's. */
export function applyFocus(ui: UiState, focus: PanelFocus): void {
  if (focus.filter !== undefined) ui.filter = focus.filter;
  if (focus.select) ui.selected = focus.select;
}
