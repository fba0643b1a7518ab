/**
 * Messages of the Model Card panel (host ↔ webview), as name → payload maps (see envelope.ts).
 * The compact card in a cell output talks on the renderer channel (renderer.ts).
 */
import type { CardSource, ModelCard } from '../core/card/contract';
import type { ReadyMessage } from './envelope';

/** What a webview reports once it has drawn a card (tests read it back through the extension's API). */
export interface RenderedCard {
  name: string;
  /** Ids of the sections drawn, in order (`CARD_SECTIONS` ids). */
  sections: string[];
  /** The required prose shown as missing ('section.field'). */
  missing: string[];
  /** Ids of the charts drawn with marks ('metrics', 'slices-<columns>', 'importance'). */
  charts: string[];
  /** How many numbers link to their run. */
  links: number;
}

export type CardToWebview = {
  /** The whole card; the panel redraws from it. */
  setData: { card: ModelCard };
};

export type CardFromWebview = ReadyMessage & {
  /** Drawn: what is on screen. */
  rendered: RenderedCard;
  /** The user clicked a number: open the run it came from. */
  openRun: CardSource;
};
