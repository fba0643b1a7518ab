import type { ExperimentsFromWebview, ExperimentsToWebview, PanelFocus } from '../../src/protocol/experiments';
import type { Messenger } from '../shared/messaging';
import { createChartDrawer } from './chartBox';
import { createChartsSection } from './chartsSection';
import { createColumnPicker } from './columnPicker';
import { createCompareSection } from './compareSection';
import { mountLayout, type PanelContext } from './layout';
import { applyFocus, chooseColumns, createState, runQuery, type UiState } from './state';
import { createTable } from './table';
import { createToolbar } from './toolbar';

/** What the panel does with each host message. */
export type PanelHandlers = { [K in keyof ExperimentsToWebview]: (payload: ExperimentsToWebview[K]) => void };

/**
 * Builds the Experiments panel in `root` and wires its sections: a change in one (a filter, a
 * sort, a selection) runs the pipeline again and redraws the others that depend on it.
 */
export function createPanel(root: HTMLElement, messenger: Messenger<ExperimentsFromWebview, ExperimentsToWebview, UiState>): PanelHandlers {
  const state = createState(messenger.state());
  const el = mountLayout(root);
  const ctx: PanelContext = { state, el, post: (type, payload) => messenger.post(type, payload), save: () => messenger.saveState(state.ui) };
  const draw = createChartDrawer();
  const table = createTable(ctx, { sorted: () => requery(), selected: () => selectionChanged() });
  const toolbar = createToolbar(ctx, (fromTop) => {
    if (fromTop) el.viewport.scrollTop = 0;
    requery();
  });
  const picker = createColumnPicker(ctx, () => {
    setColumns();
    table.renderWindow(true);
  });
  const compare = createCompareSection(ctx, draw, () => {
    state.ui.selected = [];
    selectionChanged();
  });
  const charts = createChartsSection(ctx, draw);

  function setColumns(): void {
    chooseColumns(state);
    table.columnsChanged();
    picker.render();
  }

  /** Filtering and sorting run here, on the rows the host sent once. */
  function requery(): void {
    const t0 = performance.now();
    toolbar.showFilterError(runQuery(state));
    state.lastMs = Math.round(performance.now() - t0);
    toolbar.renderSummary();
    table.rowsChanged();
    charts.refresh();
  }

  function selectionChanged(): void {
    ctx.save();
    table.renderWindow(true);
    toolbar.renderSummary();
    compare.request();
  }

  function focus(f: PanelFocus | undefined): void {
    if (!f) return;
    applyFocus(state.ui, f);
    if (f.filter !== undefined) el.filter.value = f.filter;
    ctx.save();
  }

  return {
    setRuns(p) {
      state.loaded = true;
      state.runs.clear();
      for (const r of p.runs) state.runs.set(r.id, r);
      state.problems = p.problems;
      focus(p.focus);
      toolbar.showChoices();
      setColumns();
      toolbar.renderTags();
      toolbar.renderProblems();
      requery();
      compare.request();
    },
    updateRuns(p) {
      const before = state.runs.size;
      for (const id of p.remove) state.runs.delete(id);
      for (const r of p.upsert) state.runs.set(r.id, r);
      state.problems = p.problems;
      // New metrics or parameters bring new columns; the default set follows the runs.
      if (state.runs.size !== before || state.ui.columns === null) setColumns();
      toolbar.renderTags();
      toolbar.renderProblems();
      requery();
      const touched = new Set([...p.remove, ...p.upsert.map((r) => r.id)]);
      if (state.ui.selected.some((id) => touched.has(id))) compare.request();
    },
    focus(p) {
      focus(p);
      requery();
      compare.request();
    },
    comparison: (p) => compare.receive(p),
    notice: (p) => toolbar.showNotice(p),
  };
}
