import type { ExperimentsFromWebview } from '../../src/protocol/experiments';
import type { PanelState } from './state';
import { STYLE } from './style';

/** A `vscode-elements` control with a string value. */
export type ValueElement = HTMLElement & { value: string };

/** The panel's fixed elements, by role. */
export interface Elements {
  filter: ValueElement & { invalid: boolean };
  filterError: HTMLElement;
  tag: ValueElement;
  group: ValueElement;
  exportCsv: HTMLElement;
  summary: HTMLElement;
  notice: HTMLElement;
  columnsList: HTMLElement;
  problems: HTMLElement;
  viewport: HTMLElement;
  header: HTMLElement;
  spacer: HTMLElement;
  compare: HTMLElement;
  compareCount: HTMLElement;
  clear: HTMLElement;
  modelDiff: HTMLElement & { hidden: boolean };
  onlyDiff: HTMLElement & { checked: boolean };
  compareError: HTMLElement;
  historyBar: HTMLElement;
  historyMetric: ValueElement;
  historyNone: HTMLElement;
  historyChart: HTMLElement;
  compareTable: HTMLElement;
  charts: HTMLDetailsElement;
  chartX: ValueElement;
  chartY: ValueElement;
  chartsNote: HTMLElement;
  scatterChart: HTMLElement;
  parallelChart: HTMLElement;
}

/** What every section of the panel shares: the state, the elements, and the way to the host. */
export interface PanelContext {
  state: PanelState;
  el: Elements;
  post<K extends keyof ExperimentsFromWebview>(type: K, payload: ExperimentsFromWebview[K]): void;
  /** Keeps `state.ui` across reloads. */
  save(): void;
}

const SKELETON = `
<div class="toolbar">
  <vscode-textfield id="filter" placeholder='Filter, e.g. metrics.auc > 0.8 && params.lr <= 0.01' title="A filter expression over the run's fields (name, kind, status, notebook, params.*, metrics.*, tags, …)"></vscode-textfield>
  <vscode-single-select id="tag" title="Only runs with this tag"><vscode-option value="">all tags</vscode-option></vscode-single-select>
  <vscode-single-select id="group" title="Group rows"><vscode-option value="none">no grouping</vscode-option><vscode-option value="notebook">group by notebook</vscode-option><vscode-option value="name">group by name</vscode-option></vscode-single-select>
  <vscode-button id="export" secondary title="Save the matching runs with the shown columns as CSV">Export CSV</vscode-button>
</div>
<div id="filter-error" role="alert"></div>
<div class="toolbar"><span class="summary" id="summary"></span><span class="notice" id="notice" role="status"></span></div>
<details id="columns-box"><summary>Columns</summary><div class="columns-list" id="columns-list"></div></details>
<div id="problems" class="warn"></div>
<div class="viewport" id="viewport" role="grid" aria-label="Runs"><div class="hrow" id="header" role="row"></div><div class="spacer" id="spacer"></div></div>
<section id="compare" hidden>
  <h2>Compare <span class="muted" id="compare-count"></span> <vscode-button id="model-diff" hidden title="The model diff of the two selected evaluations (older is the base)">Model diff</vscode-button> <vscode-button id="clear" secondary>Clear selection</vscode-button> <vscode-checkbox id="only-diff">only differences</vscode-checkbox></h2>
  <div id="compare-error" class="fail"></div>
  <div class="toolbar" id="history-bar"><label for="history-metric">history</label><vscode-single-select id="history-metric"></vscode-single-select></div>
  <div class="muted" id="history-none" hidden>These runs recorded no metric history (per-epoch values) to plot.</div>
  <div class="chart-box" id="history-chart"></div>
  <table class="grid" id="compare-table"></table>
</section>
<details id="charts"><summary>Charts: metric vs parameter, parallel coordinates</summary>
  <div class="toolbar"><label>x</label><vscode-single-select id="chart-x"></vscode-single-select><label>y</label><vscode-single-select id="chart-y"></vscode-single-select><span class="muted" id="charts-note"></span></div>
  <div class="charts"><div class="chart chart-box" id="scatter-chart"></div><div class="chart chart-box" id="parallel-chart"></div></div>
</details>`;

/** Adds the panel's style and skeleton to `root` and returns its elements. */
export function mountLayout(root: HTMLElement): Elements {
  const doc = root.ownerDocument;
  const styleEl = doc.createElement('style');
  styleEl.textContent = STYLE;
  doc.head.appendChild(styleEl);
  root.innerHTML = SKELETON;
  const $ = <T extends HTMLElement = HTMLElement>(id: string) => doc.getElementById(id) as T;
  return {
    filter: $('filter'),
    filterError: $('filter-error'),
    tag: $('tag'),
    group: $('group'),
    exportCsv: $('export'),
    summary: $('summary'),
    notice: $('notice'),
    columnsList: $('columns-list'),
    problems: $('problems'),
    viewport: $('viewport'),
    header: $('header'),
    spacer: $('spacer'),
    compare: $('compare'),
    compareCount: $('compare-count'),
    clear: $('clear'),
    modelDiff: $('model-diff'),
    onlyDiff: $('only-diff'),
    compareError: $('compare-error'),
    historyBar: $('history-bar'),
    historyMetric: $('history-metric'),
    historyNone: $('history-none'),
    historyChart: $('history-chart'),
    compareTable: $('compare-table'),
    charts: $('charts'),
    chartX: $('chart-x'),
    chartY: $('chart-y'),
    chartsNote: $('charts-note'),
    scatterChart: $('scatter-chart'),
    parallelChart: $('parallel-chart'),
  };
}
