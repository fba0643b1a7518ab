/**
 * The model diff's self-contained HTML report with its charts: core assembles the page
 * (renderDiffHtml); this renders each chart's Vega-Lite spec to SVG text with vega's headless
 * renderer, in Node (vega loads on first use, so commands that never render do not pay for it).
 */
import type { ModelDiff } from '../../core/review/contract';
import { renderDiffHtml, type DiffChartSvgs } from '../../core/review/reportHtml';
import { collectDiffCharts } from '../../core/review/view';

/** Light colours for a report read on paper or outside VS Code. */
const REPORT_CONFIG = { background: 'white', font: 'system-ui, sans-serif', view: { stroke: 'transparent' } };

/**
 * Every chart of the diff as SVG text (no scripts, no external references), by chart id.
 *
 * @example
 * const svgs = await renderDiffChartSvgs(diff); // { 'forest-0': '<svg …', … }
 */
export async function renderDiffChartSvgs(diff: ModelDiff): Promise<DiffChartSvgs> {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const out: DiffChartSvgs = {};
  for (const chart of collectDiffCharts(diff)) {
    const spec = { ...chart.spec, config: { ...REPORT_CONFIG, ...((chart.spec.config as object) ?? {}) } };
    const view = new vega.View(vega.parse(vl.compile(spec as never).spec), { renderer: 'none' });
    try {
      // Inline SVG in HTML needs no namespace declarations: the file then names no URL at all.
      out[chart.id] = (await view.toSVG()).replace(/\s+xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
    } finally {
      view.finalize();
    }
  }
  return out;
}

/**
 * The diff as one self-contained HTML file with its charts as inline SVG (what `modelbook diff
 * --format html` writes).
 *
 * @example
 * fs.writeFileSync('diff.html', await renderDiffReport(diff));
 */
export async function renderDiffReport(diff: ModelDiff): Promise<string> {
  return renderDiffHtml(diff, await renderDiffChartSvgs(diff));
}
