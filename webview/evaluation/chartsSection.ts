import type { ExportFormat } from '../../src/protocol/evaluation';
import { h, type ChartEntry } from '../shared/evaluationParts';
import { renderVegaLite, type DrawnChart } from '../renderer/vegaLite';
import { chartsMessage } from './messages';

export interface DrawnCharts {
  /** Redraws one chart with a new spec (the confusion matrix follows the threshold slider). */
  redraw(id: string, spec: ChartEntry['spec']): Promise<void>;
  /** A chart as SVG text or a PNG data: URL. */
  exportChart(id: string, format: 'svg' | 'png'): Promise<string>;
  finalize(): void;
}

/** One card per chart, each with SVG and PNG export buttons. */
export function chartsSection(doc: Document, charts: ChartEntry[], onExport: (format: ExportFormat, id: string) => void): { element: HTMLElement; draw(): Promise<DrawnCharts> } {
  const boxes = new Map<string, HTMLElement>();
  const cards = charts.map((c) => {
    const box = h(doc, 'div', { class: 'chart-body' });
    boxes.set(c.id, box);
    const button = (format: 'svg' | 'png') => {
      const b = doc.createElement('vscode-button');
      b.setAttribute('secondary', '');
      b.dataset.export = format;
      b.textContent = format.toUpperCase();
      b.title = `Export ${c.title} as ${format.toUpperCase()}`;
      b.addEventListener('click', () => onExport(format, c.id));
      return b;
    };
    return h(
      doc,
      'div',
      { class: 'chart', 'data-chart': c.id },
      h(doc, 'div', { class: 'chart-title' }, h(doc, 'strong', {}, c.title), h(doc, 'span', { class: 'toolbar' }, button('svg'), button('png'))),
      box,
    );
  });
  const element = h(doc, 'section', { id: 'charts' }, h(doc, 'h2', {}, 'Charts'), h(doc, 'div', { class: 'charts' }, ...cards));
  const results = new Map<string, DrawnChart>();
  const drawOne = async (id: string, spec: ChartEntry['spec']) => {
    results.get(id)?.finalize();
    results.set(id, await renderVegaLite(spec, boxes.get(id)!, { actions: false }));
  };
  return {
    element,
    async draw() {
      await Promise.all(charts.map((c) => drawOne(c.id, c.spec)));
      return {
        redraw: drawOne,
        async exportChart(id, format) {
          const r = results.get(id);
          if (!r) throw new Error(chartsMessage.noChart(id));
          return format === 'svg' ? r.view.toSVG() : r.view.toImageURL('png', 2);
        },
        finalize: () => results.forEach((r) => r.finalize()),
      };
    },
  };
}
