/** Messages of the Lineage panel (host ↔ webview), as name → payload maps (see envelope.ts). */
import type { Lineage } from '../core/lineage/contract';
import type { ReadyMessage } from './envelope';

/** What the webview reports once it has drawn a graph (tests read it back through the extension's API). */
export interface RenderedLineage {
  /** The subject's run id or package folder. */
  subject: string;
  /** Every box drawn, as `kind:status`, left to right then top to bottom. */
  nodes: string[];
  edges: number;
  /** Edges drawn dashed (to or from a missing or broken link). */
  dashedEdges: number;
}

export type LineageToWebview = {
  /** The whole lineage; the panel lays it out (core's layoutLineage) and redraws. */
  setData: { lineage: Lineage };
};

export type LineageFromWebview = ReadyMessage & {
  /** Drawn: what is on screen. */
  rendered: RenderedLineage;
  /** The user clicked a run's box: open that run. */
  openRun: { runId: string };
};
