import { isEvaluationFromWebview } from '../webview/guards';
import * as vscode from 'vscode';
import type { EvaluationView } from '../../core/evaluation/contract';
import type { EvaluationFromWebview, EvaluationToWebview, RenderedReport } from '../../protocol/evaluation';
import { ViewPanel } from '../webview/viewPanel';
import { saveExport } from './saveExport';

/**
 * The Evaluation panel: one webview that shows one evaluation at a time, re-sent whenever the
 * webview (re)loads, and saves the charts and reports it exports.
 */
export class EvaluationPanel implements vscode.Disposable {
  private readonly panel: ViewPanel<EvaluationToWebview, EvaluationFromWebview, EvaluationView>;
  private lastRendered: RenderedReport | undefined;
  private renders = 0;

  constructor(extensionUri: vscode.Uri) {
    this.panel = new ViewPanel(extensionUri, {
      viewType: 'modelbook.evaluation',
      title: 'Evaluation',
      entry: 'evaluation',
      accepts: isEvaluationFromWebview,
      titleOf: (view) => `Evaluation: ${view.name}`,
      dataOf: (view) => ({ view }),
      onMessage: (msg) => {
        switch (msg.type) {
          case 'rendered':
            this.lastRendered = msg.payload;
            this.renders++;
            break;
          case 'saveFile':
            void saveExport(msg.payload);
            break;
          default: {
            const never: never = msg;
            void never;
          }
        }
      },
    });
  }

  /** Opens (or reveals) the panel showing `view`. */
  show(view: EvaluationView): void {
    this.lastRendered = undefined;
    this.panel.show(view);
  }

  /** What the webview last reported drawing (for tests and diagnostics). */
  get rendered(): RenderedReport | undefined {
    return this.lastRendered;
  }

  /** How many times a webview has drawn an evaluation (a hidden panel draws again when shown). */
  get renderCount(): number {
    return this.renders;
  }

  get current(): EvaluationView | undefined {
    return this.panel.view;
  }

  dispose(): void {
    this.panel.dispose();
  }
}
