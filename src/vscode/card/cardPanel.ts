import * as vscode from 'vscode';
import type { ModelCard } from '../../core/card/contract';
import type { CardFromWebview, CardToWebview, RenderedCard } from '../../protocol/card';
import { isCardFromWebview } from '../webview/guards';
import { ViewPanel } from '../webview/viewPanel';
import { OPEN_RUN_COMMAND } from './openRun';

/**
 * The Model Card panel: one webview that shows one card at a time, re-sent whenever the webview
 * (re)loads; a clicked number opens its run; it remembers what the webview drew.
 */
export class CardPanel implements vscode.Disposable {
  private readonly panel: ViewPanel<CardToWebview, CardFromWebview, ModelCard>;
  private lastRendered: RenderedCard | undefined;

  constructor(extensionUri: vscode.Uri) {
    this.panel = new ViewPanel(extensionUri, {
      viewType: 'modelbook.card',
      title: 'Model Card',
      entry: 'card',
      accepts: isCardFromWebview,
      titleOf: (card) => `Model Card: ${card.name}`,
      dataOf: (card) => ({ card }),
      onMessage: (msg) => {
        switch (msg.type) {
          case 'rendered':
            this.lastRendered = msg.payload;
            break;
          case 'openRun':
            void vscode.commands.executeCommand(OPEN_RUN_COMMAND, msg.payload);
            break;
          default: {
            const never: never = msg;
            void never;
          }
        }
      },
    });
  }

  /** Opens (or reveals) the panel showing `card`. */
  show(card: ModelCard): void {
    this.lastRendered = undefined;
    this.panel.show(card);
  }

  /** What the webview last reported drawing. */
  get rendered(): RenderedCard | undefined {
    return this.lastRendered;
  }

  dispose(): void {
    this.panel.dispose();
  }
}
