import { buildHistorySpec, runLabels } from '../../src/core/runs/charts';
import type { JsonValue } from '../../src/core/runs/contract';
import { formatNumber, MISSING_NUMBER } from '../../src/core/text/number';
import type { ExperimentsToWebview } from '../../src/protocol/experiments';
import type { DrawChart } from './chartBox';
import { esc } from './html';
import type { PanelContext } from './layout';

export interface CompareSection {
  /** Asks the host to compare the selected runs (debounced), or hides the section when none is. */
  request(): void;
  /** The host's answer: drawn unless a newer request is pending. */
  receive(answer: ExperimentsToWebview['comparison']): void;
}

/** The side-by-side comparison of the selected runs, with their metric histories overlaid. */
export function createCompareSection(ctx: PanelContext, draw: DrawChart, clearSelection: () => void): CompareSection {
  const { state, el } = ctx;
  let compareTimer: ReturnType<typeof setTimeout> | undefined;

  function render(): void {
    const c = state.comparison;
    if (!c) {
      el.compare.hidden = true;
      return;
    }
    el.compare.hidden = false;
    el.compareCount.textContent = `${c.runs.length} run${c.runs.length === 1 ? '' : 's'}`;
    // A model diff pairs two evaluations: offered only then.
    el.modelDiff.hidden = !(c.runs.length === 2 && c.runs.every((r) => r.kind === 'evaluation'));
    const only = el.onlyDiff.checked;
    const labels = runLabels(c);
    const head = `<tr><th></th>${labels.map((l, i) => `<th title="${esc(c.runs[i].id)}">${esc(l)}</th>`).join('')}</tr>`;
    const value = (v: JsonValue) => esc(v === null ? MISSING_NUMBER : typeof v === 'number' ? formatNumber(v) : typeof v === 'string' ? v : JSON.stringify(v));
    const section = (title: string, rows: { key: string; differs: boolean; cells: string[] }[]) => {
      const kept = only ? rows.filter((r) => r.differs) : rows;
      if (!kept.length) return '';
      return (
        `<tr><th class="section" colspan="${labels.length + 1}">${esc(title)}</th></tr>` +
        kept.map((r) => `<tr class="${r.differs ? 'differs' : ''}" data-key="${esc(r.key)}"><td>${esc(r.key)}</td>${r.cells.join('')}</tr>`).join('')
      );
    };
    const metricRows = c.metrics.map((m) => ({
      key: `${m.key}${m.better === 'higher' ? ' ↑' : m.better === 'lower' ? ' ↓' : ''}`,
      differs: m.differs,
      cells: m.values.map(
        (v, i) =>
          `<td class="num${m.best === i && m.differs ? ' best' : ''}">${value(v)}${i > 0 && m.deltas[i] !== null && m.deltas[i] !== 0 ? `<span class="delta">${m.deltas[i]! > 0 ? '+' : ''}${formatNumber(m.deltas[i])}</span>` : ''}</td>`,
      ),
    }));
    const plain = (rows: { key: string; values: JsonValue[]; differs: boolean }[]) => rows.map((r) => ({ key: r.key, differs: r.differs, cells: r.values.map((v) => `<td>${value(v)}</td>`) }));
    el.compareTable.innerHTML =
      head + section('metrics', metricRows) + section('params', plain(c.params)) + section('data', plain(c.data)) + section('model', plain(c.model)) + section('context', plain(c.context));
    const metrics = c.history.series.map((s) => s.metric);
    const historyMetric = state.ui.historyMetric;
    const pick = historyMetric && metrics.includes(historyMetric) ? historyMetric : metrics.includes('loss') ? 'loss' : metrics[0];
    el.historyMetric.innerHTML = metrics.map((m) => `<vscode-option value="${esc(m)}"${m === pick ? ' selected' : ''}>${esc(m)}</vscode-option>`).join('');
    // An empty select offers nothing: say why there is no history chart instead.
    el.historyBar.hidden = metrics.length === 0;
    el.historyNone.hidden = metrics.length > 0;
    void renderHistory(pick);
  }

  async function renderHistory(metric = state.ui.historyMetric): Promise<void> {
    const c = state.comparison;
    if (!c || !metric || !c.history.series.some((s) => s.metric === metric)) return draw(el.historyChart, undefined);
    return draw(el.historyChart, buildHistorySpec(c, metric));
  }

  el.clear.addEventListener('click', clearSelection);
  el.modelDiff.addEventListener('click', () => {
    const c = state.comparison;
    if (c && c.runs.length === 2) ctx.post('modelDiff', { ids: c.runs.map((r) => r.id) });
  });
  el.onlyDiff.addEventListener('change', () => render());
  el.historyMetric.addEventListener('change', () => {
    state.ui.historyMetric = el.historyMetric.value;
    ctx.save();
    void renderHistory();
  });

  return {
    request() {
      if (compareTimer) clearTimeout(compareTimer);
      const ids = state.ui.selected.filter((id) => state.runs.has(id));
      if (ids.length === 0) {
        state.comparison = undefined;
        el.compare.hidden = true;
        return;
      }
      compareTimer = setTimeout(() => ctx.post('compare', { requestId: ++state.compareRequest, ids }), 60);
    },
    receive(answer) {
      if (answer.requestId !== state.compareRequest) return;
      el.compareError.textContent = answer.error ?? '';
      state.comparison = answer.comparison;
      if (answer.error) el.compare.hidden = false;
      render();
    },
  };
}
