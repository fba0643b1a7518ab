/**
 * The notebook renderer for Modelbook's rich outputs: Vega-Lite charts, paged tables,
 * the compact evaluation report, the compact monitoring report and the compact model card. Vega is loaded on the first
 * chart only, so tables render without it.
 */
import type { ActivationFunction, OutputItem } from 'vscode-notebook-renderer';
import type { TableView } from '../../src/core/display/table';
import type { EvaluationView } from '../../src/core/evaluation/contract';
import { MIME } from '../../src/core/notebook/mime';
import { renderTable } from './table';
import { MONITOR_MIME, type MonitorReport } from '../../src/core/monitor/contract';
import type { RunHistoryView } from '../../src/core/runs/inlineHistory';
import { MODEL_CARD_MIME, type ModelCard } from '../../src/core/card/contract';

type Finalize = () => void;

export const activate: ActivationFunction = (ctx) => {
  const disposers = new Map<string, Finalize>();
  return {
    async renderOutputItem(item: OutputItem, element: HTMLElement) {
      disposers.get(item.id)?.();
      disposers.delete(item.id);
      try {
        if (item.mime === MIME.table) {
          renderTable(item.json() as TableView, element);
        } else if (item.mime === MIME.evaluation) {
          const { renderEvaluation } = await import('./evaluation');
          const drawn = await renderEvaluation(item.json() as EvaluationView, element, ctx);
          disposers.set(item.id, () => drawn.dispose());
        } else if (item.mime === MONITOR_MIME) {
          (await import('./monitor')).renderMonitor(item.json() as MonitorReport, element, ctx);
        } else if (item.mime === MODEL_CARD_MIME) {
          (await import('./card')).renderCard(item.json() as ModelCard, element, ctx);
        } else if (item.mime === MIME.runs) {
          (await import('./runHistory')).renderRunHistory(item.json() as RunHistoryView, element, ctx);
        } else {
          const { renderVegaLite } = await import('./vegaLite');
          const result = await renderVegaLite(item.json() as Record<string, unknown>, element);
          disposers.set(item.id, () => result.finalize());
        }
      } catch (e) {
        const message = element.ownerDocument.createElement('pre');
        // Long messages wrap inside the output instead of running off its right edge.
        message.style.cssText = 'white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; color: var(--vscode-errorForeground)';
        message.textContent = `Modelbook could not render this ${item.mime} output: ${(e as Error).message}`;
        element.replaceChildren(message);
      }
    },
    disposeOutputItem(id?: string) {
      if (id === undefined) {
        for (const f of disposers.values()) f();
        disposers.clear();
      } else {
        disposers.get(id)?.();
        disposers.delete(id);
      }
    },
  };
};
