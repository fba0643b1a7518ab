import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { themeConfig } from '../shared/theme';
import { watchTheme } from '../shared/themeWatch';

export interface RenderOptions {
  actions?: boolean;
}

/** A drawn chart; `view` is the current one (a theme change draws the chart again). */
export interface DrawnChart {
  readonly view: Result['view'];
  finalize(): void;
}

interface LiveChart {
  spec: Record<string, unknown>;
  element: HTMLElement;
  options: RenderOptions;
  result: Result;
  generation: number;
}

/** The charts on screen per document, drawn again with the new theme's colours when VS Code switches themes. */
const live = new WeakMap<Document, Set<LiveChart>>();

function embedThemed(spec: Record<string, unknown>, element: HTMLElement, options: RenderOptions): Promise<Result> {
  const withTheme = { ...spec, config: { ...themeConfig(element.ownerDocument), ...((spec.config as object) ?? {}) } };
  return embed(element, withTheme as never, {
    renderer: 'svg',
    ast: true,
    expr: expressionInterpreter,
    actions: options.actions === false ? false : { export: true, source: false, compiled: false, editor: false },
    tooltip: true,
  });
}

function chartsOf(doc: Document): Set<LiveChart> {
  let charts = live.get(doc);
  if (!charts) {
    const set = new Set<LiveChart>();
    charts = set;
    live.set(doc, set);
    watchTheme(doc, () => set.forEach((c) => void redraw(c, set)));
  }
  return charts;
}

/**
 * Embeds into a new child of `element` (attached, so 'container' widths measure) and removes the
 * previous drawing once this one is done: the old chart stays on screen meanwhile, and of two
 * overlapping draws only the later one stays.
 */
async function embedFresh(element: HTMLElement, spec: Record<string, unknown>, options: RenderOptions): Promise<{ target: HTMLElement; result: Result }> {
  const target = element.appendChild(element.ownerDocument.createElement('div'));
  return { target, result: await embedThemed(spec, target, options) };
}

async function redraw(chart: LiveChart, charts: Set<LiveChart>): Promise<void> {
  const generation = ++chart.generation;
  const { target, result } = await embedFresh(chart.element, chart.spec, chart.options);
  // Finalized, or redrawn again, while this draw ran: this one is not the chart on screen.
  if (!charts.has(chart) || generation !== chart.generation) {
    result.finalize();
    target.remove();
    return;
  }
  chart.result.finalize();
  chart.result = result;
  removeAllBut(chart.element, target);
}

function removeAllBut(element: HTMLElement, keep: Element): void {
  for (const old of [...element.children]) if (old !== keep) old.remove();
}

/**
 * Renders a Vega-Lite spec as SVG with vega-embed, coloured by the VS Code theme and redrawn when
 * the theme changes. Expressions run through vega-interpreter (`ast: true`), so no
 * `eval`/`new Function` is needed and a strict CSP holds.
 */
export async function renderVegaLite(spec: Record<string, unknown>, element: HTMLElement, options: RenderOptions = {}): Promise<DrawnChart> {
  element.classList.add('modelbook-chart');
  const charts = chartsOf(element.ownerDocument);
  const { target, result } = await embedFresh(element, spec, options);
  // Like vega-embed into `element`: the new chart replaces what was there (an earlier chart, a message).
  removeAllBut(element, target);
  const chart: LiveChart = { spec, element, options, result, generation: 0 };
  charts.add(chart);
  return {
    get view() {
      return chart.result.view;
    },
    finalize() {
      charts.delete(chart);
      chart.result.finalize();
    },
  };
}
