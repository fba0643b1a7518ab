import embed, { type Result } from 'vega-embed';
import { expressionInterpreter } from 'vega-interpreter';
import { themeConfig } from '../shared/theme';

/**
 * Renders a Vega-Lite spec as SVG with vega-embed. Expressions run through vega-interpreter
 * (`ast: true`), so no `eval`/`new Function` is needed and a strict CSP holds.
 */
export async function renderVegaLite(spec: Record<string, unknown>, element: HTMLElement, options: { actions?: boolean } = {}): Promise<Result> {
  element.classList.add('modelbook-chart');
  const withTheme = { ...spec, config: { ...themeConfig(element.ownerDocument), ...((spec.config as object) ?? {}) } };
  return embed(element, withTheme as never, {
    renderer: 'svg',
    ast: true,
    expr: expressionInterpreter,
    actions: options.actions === false ? false : { export: true, source: false, compiled: false, editor: false },
    tooltip: true,
  });
}
