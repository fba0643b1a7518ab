import * as vscode from 'vscode';
import type { Lineage } from '../../core/lineage/contract';
import type { LineageFromWebview, LineageToWebview, RenderedLineage } from '../../protocol/lineage';
import { OPEN_RUN_COMMAND } from '../card/openRun';
import { isLineageFromWebview } from '../webview/guards';
import { ViewPanel } from '../webview/viewPanel';

/**
 * The Lineage panel: the chain of one lineage drawn as a left-to-right graph, re-sent whenever the
 * webview (re)loads; a clicked run box opens that run; it remembers what the webview drew.
 */
export class LineagePanel implements vscode.Disposable {
  private readonly panel: ViewPanel<LineageToWebview, LineageFromWebview, Lineage>;
  private lastRendered: RenderedLineage | undefined;

  constructor(extensionUri: vscode.Uri, log?: (line: string) => void) {
    this.panel = new ViewPanel(extensionUri, {
      viewType: 'modelbook.lineageGraph',
      title: 'Lineage',
      entry: 'lineage',
      // The graph is wide (seven layers): it takes the editor group in use rather than half of it.
      column: vscode.ViewColumn.Active,
      accepts: isLineageFromWebview,
      log,
      titleOf: (lineage) => `Lineage: ${lineage.subject.ref}`,
      dataOf: (lineage) => ({ lineage }),
      onMessage: (msg) => {
        switch (msg.type) {
          case 'rendered':
            this.lastRendered = msg.payload;
            break;
          case 'openRun':
            void vscode.commands.executeCommand(OPEN_RUN_COMMAND, { runId: msg.payload.runId, field: '' });
            break;
          default: {
            const never: never = msg;
            void never;
          }
        }
      },
    });
  }

  /** Opens (or reveals) the panel showing `lineage`. */
  show(lineage: Lineage): void {
    this.lastRendered = undefined;
    this.panel.show(lineage);
  }

  /** The lineage shown, and what the webview last reported drawing. */
  get shown(): { lineage: Lineage | undefined; rendered: RenderedLineage | undefined } {
    return { lineage: this.panel.view, rendered: this.lastRendered };
  }

  dispose(): void {
    this.panel.dispose();
  }
}
