/** What every evaluation chart shares: the Vega-Lite v5 schema, sizes and colours. */

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v5.json';

/** A Vega-Lite spec as a plain JSON object. */
export type VegaLiteSpec = Record<string, unknown> & { $schema: string };

export interface ChartOptions {
  title?: string;
  width?: number;
  height?: number;
}

export function frame(options: ChartOptions, defaults: { title: string; width?: number; height?: number }): { $schema: string; title: string; width: number; height: number } {
  return { $schema: VEGA_LITE_SCHEMA, title: options.title ?? defaults.title, width: options.width ?? defaults.width ?? 320, height: options.height ?? defaults.height ?? 280 };
}

/** Model first, baseline second: the same two colours in every chart. */
export const MODEL_COLORS = { range: ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2'] };

/** A quantitative axis on [0, 1]. */
export function unitAxis(field: string, title: string): Record<string, unknown> {
  return { field, type: 'quantitative', title, scale: { domain: [0, 1] } };
}

/** Rounds for tooltips and smaller JSON. */
export function round(v: number | null, digits = 4): number | null {
  return v === null ? null : Number(v.toFixed(digits));
}
