/**
 * Messages of the Evaluation panel (host ↔ webview), as name → payload maps (see envelope.ts).
 * The compact report in a cell output talks on the renderer channel (renderer.ts).
 */
import type { EvaluationView } from '../core/evaluation/contract';
import type { ReadyMessage } from './envelope';

/** What a webview reports once it has drawn an evaluation (tests read it back through the extension's API). */
export interface RenderedReport {
  /** The evaluation's name. */
  name: string;
  task: EvaluationView['task'];
  /** Labels of the metrics shown in the metrics table. */
  metrics: string[];
  /** Ids of the charts drawn (e.g. 'roc', 'pr', 'confusion'). */
  charts: string[];
}

export type ExportFormat = 'svg' | 'png' | 'markdown';

export type EvaluationToWebview = {
  /** The whole view model; the panel redraws from it. */
  setData: { view: EvaluationView };
};

export type EvaluationFromWebview = ReadyMessage & {
  /** Drawn: which metrics and charts are on screen. */
  rendered: RenderedReport;
  /** Save a chart (SVG text, or PNG as a data: URL) or the Markdown report through a save dialog. */
  saveFile: { format: ExportFormat; suggestedName: string; content: string };
};
