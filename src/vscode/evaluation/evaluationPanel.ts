import { isEvaluationFromWebview } from '../webview/guards';
import * as vscode from 'vscode';
import type { EvaluationView } from '../../core/evaluation/contract';
import type { EvaluationFromWebview, EvaluationToWebview, RenderedReport } from '../../protocol/evaluation';
import { PanelHost } from '../webview/panelHost';
import { saveExport } from './saveExport';

/**
 * The Evaluation panel: one webview that shows one evaluation at a time, re-sent whenever the
 * webview (re)loads, and saves the charts and reports it exports.
 */
export class EvaluationPanel implements vscode.Disposable {
  private host: PanelHost<EvaluationToWebview, EvaluationFromWebview> | undefined;
  private view: EvaluationView | undefined;
  private lastRendered: RenderedReport | undefined;
  private renders = 0;

  constructor(private readonly extensionUri: vscode.Uri) {}

  /** Opens (or reveals) the panel showing `view`. */
  show(view: EvaluationView): void {
    this.view = view;
    this.lastRendered = undefined;
    if (!this.host) this.host = this.create();
    else this.host.reveal();
    this.host.panel.title = `Evaluation: ${view.name}`;
    this.host.post('setData', { view });
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
    return this.view;
  }

  dispose(): void {
    this.host?.dispose();
    this.host = undefined;
  }

  private create(): PanelHost<EvaluationToWebview, EvaluationFromWebview> {
    const host = new PanelHost<EvaluationToWebview, EvaluationFromWebview>(this.extensionUri, {
      viewType: 'modelbook.evaluation',
      title: 'Evaluation',
      entry: 'evaluation',
      accepts: isEvaluationFromWebview,
    });
    host.onReady(() => {
      if (this.view) host.post('setData', { view: this.view });
    });
    host.onMessage((msg) => {
      switch (msg.type) {
        case 'rendered':
          this.lastRendered = msg.payload;
          this.renders++;
          break;
        case 'saveFile':
          void saveExport(msg.payload);
          break;
        case 'ready':
          break;
        default: {
          const never: never = msg;
          void never;
        }
      }
    });
    host.panel.onDidDispose(() => {
      if (this.host === host) this.host = undefined;
    });
    return host;
  }
}
