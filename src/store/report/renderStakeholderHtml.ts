/** The stakeholder report's HTML with its charts rendered to SVG by vega in Node (as renderCardReport does). */
import type { ModelCard } from '../../core/card/contract';
import type { StakeholderReport } from '../../core/report/contract';
import { collectReportCharts } from '../../core/report/charts';
import { renderReportHtml } from '../../core/report/render';

const REPORT_CONFIG = { background: 'white', font: 'system-ui, sans-serif', view: { stroke: 'transparent' } };

/**
 * The self-contained page (`modelbook report --format html`): same card → same bytes.
 *
 * @example
 * fs.writeFileSync('report.html', await renderStakeholderHtml(card, report));
 */
export async function renderStakeholderHtml(card: ModelCard, report: StakeholderReport): Promise<string> {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const svgs: Record<string, string> = {};
  for (const chart of collectReportCharts(card, report)) {
    const view = new vega.View(vega.parse(vl.compile({ ...chart.spec, config: REPORT_CONFIG } as never).spec), { renderer: 'none' });
    try {
      // Inline SVG in HTML needs no namespace declarations: the page then names no URL at all.
      svgs[chart.id] = (await view.toSVG()).replace(/\s+xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
    } finally {
      view.finalize();
    }
  }
  return renderReportHtml(report, svgs);
}
