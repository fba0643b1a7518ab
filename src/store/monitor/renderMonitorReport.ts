/** The monitoring report's HTML with its charts rendered to SVG by vega in Node (as renderDiffReport does). */
import type { MonitorReport } from '../../core/monitor/contract';
import { collectMonitorCharts } from '../../core/monitor/report/charts';
import { renderMonitorHtml } from '../../core/monitor/report/renderHtml';

const REPORT_CONFIG = { background: 'white', font: 'system-ui, sans-serif', view: { stroke: 'transparent' } };

/**
 * The self-contained HTML page (`modelbook monitor --format html`).
 *
 * @example
 * fs.writeFileSync('monitor.html', await renderMonitorReport(report));
 */
export async function renderMonitorReport(report: MonitorReport): Promise<string> {
  const [vl, vega] = await Promise.all([import('vega-lite'), import('vega')]);
  const svgs: Record<string, string> = {};
  for (const chart of collectMonitorCharts(report)) {
    const view = new vega.View(vega.parse(vl.compile({ ...chart.spec, config: REPORT_CONFIG } as never).spec), { renderer: 'none' });
    try {
      svgs[chart.id] = (await view.toSVG()).replace(/\s+xmlns(:xlink)?="http:\/\/www\.w3\.org\/[^"]*"/g, '');
    } finally {
      view.finalize();
    }
  }
  return renderMonitorHtml(report, svgs);
}
