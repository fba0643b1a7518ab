/**
 * The model card's self-contained HTML with its charts: core assembles the page (renderCardHtml);
 * this renders each chart's Vega-Lite spec to SVG text with vega's headless renderer, in Node.
 */
import type { ModelCard } from '../../core/card/contract';
import { collectCardCharts } from '../../core/card/charts';
import { renderCardHtml } from '../../core/card/renderHtml';

/** Light colours for a card read on paper or outside VS Code. */
const REPORT_CONFIG = { background: 'white', font: 'system-ui, sans-serif', view: { stroke: 'transparent' } };

/**
 * The card as one self-contained HTML file (what `modelbook card --format html` writes): same card,
 * same bytes (vega's SVG output is deterministic for a spec).
 *
 * @example
 * fs.writeFileSync('card.html', await renderCardReport(card));
 */
export async function renderCardReport(card: ModelCard): Promise<string> {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const svgs: Record<string, string> = {};
  for (const chart of collectCardCharts(card)) {
    const spec = { ...chart.spec, config: { ...REPORT_CONFIG, ...((chart.spec.config as object) ?? {}) } };
    const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
    try {
      // Inline SVG in HTML needs no namespace declarations: the file then names no URL at all.
      svgs[chart.id] = (await view.toSVG()).replace(/\s+xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
    } finally {
      view.finalize();
    }
  }
  return renderCardHtml(card, svgs);
}
