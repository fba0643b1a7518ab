import { buildParallelSpec, buildScatterSpec } from '../../src/core/runs/charts';
import type { RunColumn } from '../../src/core/runs/columns';
import { parsePath } from '../../src/core/runs/filter/parse';
import { readPath } from '../../src/core/runs/filter/readPath';
import type { DrawChart } from './chartBox';
import { esc } from './html';
import type { PanelContext } from './layout';

const SCATTER_MAX = 2000;
const PARALLEL_MAX = 300;

/** The charts over the matching runs (a metric against a parameter, parallel coordinates), drawn while open. */
export function createChartsSection(ctx: PanelContext, draw: DrawChart): { refresh(): void } {
  const { state, el } = ctx;
  let chartTimer: ReturnType<typeof setTimeout> | undefined;

  function schedule(): void {
    if (chartTimer) clearTimeout(chartTimer);
    chartTimer = setTimeout(() => void render(), 150);
  }

  async function render(): Promise<void> {
    const { allColumns, shown } = state;
    const params = allColumns.filter((c) => c.key.startsWith('params'));
    const metrics = allColumns.filter((c) => c.key.startsWith('metrics'));
    const x = params.find((c) => c.key === state.ui.chartX) ?? params[0];
    const y = metrics.find((c) => c.key === state.ui.chartY) ?? metrics[0];
    const options = (cols: RunColumn[], pick: RunColumn | undefined) =>
      cols.map((c) => `<vscode-option value="${esc(c.key)}"${c === pick ? ' selected' : ''}>${esc(c.label)}</vscode-option>`).join('');
    el.chartX.innerHTML = options(params, x);
    el.chartY.innerHTML = options(metrics, y);
    if (!x || !y) {
      el.chartsNote.textContent = 'The matching runs have no parameters or no metrics to chart.';
      await draw(el.scatterChart, undefined);
      await draw(el.parallelChart, undefined);
      return;
    }
    const xs = parsePath(x.key).segments;
    const ys = parsePath(y.key).segments;
    const points = shown.slice(0, SCATTER_MAX).map((r) => ({ id: r.id, name: r.name, x: readPath(r, xs), y: readPath(r, ys) }));
    const numericParams = params.filter((c) => c.kind === 'number').slice(0, 7);
    const dimPaths = numericParams.map((c) => ({ label: c.label, segments: parsePath(c.key).segments }));
    const lines = shown.slice(0, PARALLEL_MAX).map((r) => {
      const row: Record<string, unknown> = { _name: r.name, [y.label]: readPath(r, ys) };
      for (const d of dimPaths) row[d.label] = readPath(r, d.segments);
      return row;
    });
    el.chartsNote.textContent = `${Math.min(shown.length, SCATTER_MAX)} runs in the scatter, ${Math.min(shown.length, PARALLEL_MAX)} in the parallel coordinates (the first of the current order)`;
    await draw(el.scatterChart, buildScatterSpec(points, x.label, y.label));
    await draw(el.parallelChart, numericParams.length ? buildParallelSpec(lines, [...dimPaths.map((d) => d.label), y.label], y.label) : undefined);
  }

  el.charts.addEventListener('toggle', () => {
    if (el.charts.open) schedule();
  });
  for (const select of [el.chartX, el.chartY]) {
    select.addEventListener('change', () => {
      state.ui.chartX = el.chartX.value;
      state.ui.chartY = el.chartY.value;
      ctx.save();
      schedule();
    });
  }

  return {
    /** The matching runs changed: draw again if the charts are open. */
    refresh() {
      if (el.charts.open) schedule();
    },
  };
}
