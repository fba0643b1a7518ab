import * as vscode from 'vscode';
import type { MonitorReport } from '../../core/monitor/contract';
import type { MonitorFromWebview, MonitorToWebview, RenderedMonitor } from '../../protocol/monitor';
import { isMonitorFromWebview } from '../webview/guards';
import { ViewPanel } from '../webview/viewPanel';

/**
 * The Monitoring panel: one webview that shows one report at a time, re-sent whenever the webview
 * (re)loads; it remembers what the webview drew and the feature the user selected.
 */
export class MonitorPanel implements vscode.Disposable {
  private readonly panel: ViewPanel<MonitorToWebview, MonitorFromWebview, MonitorReport>;
  private lastRendered: RenderedMonitor | undefined;
  private lastSelected: string | undefined;

  constructor(extensionUri: vscode.Uri) {
    this.panel = new ViewPanel(extensionUri, {
      viewType: 'modelbook.monitoring',
      title: 'Monitoring',
      entry: 'monitor',
      accepts: isMonitorFromWebview,
      titleOf: (report) => `Monitoring: ${report.current.source}`,
      dataOf: (report) => ({ report }),
      onMessage: (msg) => {
        switch (msg.type) {
          case 'rendered':
            this.lastRendered = msg.payload;
            break;
          case 'selectFeature':
            this.lastSelected = msg.payload.name;
            break;
          default: {
            const never: never = msg;
            void never;
          }
        }
      },
    });
  }

  /** Opens (or reveals) the panel showing `report`. */
  show(report: MonitorReport): void {
    this.lastRendered = undefined;
    this.lastSelected = undefined;
    this.panel.show(report);
  }

  /** What the webview last reported drawing. */
  get rendered(): RenderedMonitor | undefined {
    return this.lastRendered;
  }

  /** The feature the user last selected in the drift table. */
  get selected(): string | undefined {
    return this.lastSelected;
  }

  get current(): MonitorReport | undefined {
    return this.panel.view;
  }

  dispose(): void {
    this.panel.dispose();
  }
}
