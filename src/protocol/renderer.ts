/**
 * Messages from the notebook renderer (Modelbook's cell outputs) to the extension host, as one
 * name → payload map (see envelope.ts). Every output kind posts on the one channel,
 * 'modelbook.renderer'; the host checks each message (isRendererToHost) and hands it to one handler.
 */
import type { EvaluationView } from '../core/evaluation/contract';
import type { RenderedReport } from './evaluation';
import type { MonitorReport } from '../core/monitor/contract';
import type { RenderedMonitor } from './monitor';
import type { CardSource, ModelCard } from '../core/card/contract';
import type { RenderedCard } from './card';

export type RendererToHost = {
  /** The compact evaluation report's "Open Evaluation panel" button: open the panel with this output's evaluation. */
  openEvaluation: { view: EvaluationView };
  /** The compact evaluation report was drawn in a cell output. */
  rendered: RenderedReport;
  /** The inline run history's button: open the Experiments panel on this notebook's runs, these (at most two) selected. */
  openExperiments: { notebook?: string; runIds: string[] };
  /** The compact monitoring report's "Open Monitoring panel" button: open the panel with this output's report. */
  openMonitoring: { report: MonitorReport };
  /** The compact monitoring report was drawn in a cell output. */
  monitorRendered: RenderedMonitor;
  /** The compact model card's "Open card" button: open the Model Card panel with this output's card. */
  openCard: { card: ModelCard };
  /** A number in the compact card was clicked: open the run it came from. */
  openRun: CardSource;
  /** The compact model card was drawn in a cell output. */
  cardRendered: RenderedCard;
};
