/**
 * Messages of the Monitoring panel (host ↔ webview), as name → payload maps (see envelope.ts).
 * The compact report in a cell output talks on the renderer channel (renderer.ts).
 */
import type { MonitorReport, MonitorStatus } from '../core/monitor/contract';
import type { ReadyMessage } from './envelope';

/** What a webview reports once it has drawn a monitoring report (tests read it back through the extension's API). */
export interface RenderedMonitor {
  status: MonitorStatus;
  /** The drift table's features, in the order shown (worst first). */
  features: string[];
  /** Ids of the charts drawn ('feature-<name>', 'prediction'). */
  charts: string[];
  /** The feature whose distribution chart is shown (panel only). */
  selected?: string;
}

export type MonitorToWebview = {
  /** The whole report; the panel redraws from it. */
  setData: { report: MonitorReport };
};

export type MonitorFromWebview = ReadyMessage & {
  /** Drawn: what is on screen. */
  rendered: RenderedMonitor;
  /** The user picked a feature in the drift table (its chart is now shown). */
  selectFeature: { name: string };
};
