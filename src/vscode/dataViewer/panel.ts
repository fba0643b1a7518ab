import * as vscode from 'vscode';
import type { DataViewerFromWebview, DataViewerKernel, DataViewerToWebview } from '../../protocol/dataViewer';
import type { Envelope } from '../../protocol/envelope';
import { dataViewerMessage } from '../../core/dataViewer/messages';
import { variablesMessage } from '../../core/kernel/messages';
import type { SessionState } from '../../kernel/host/session';
import type { KernelRegistry } from '../kernels';
import { PanelHost } from '../webview/panelHost';
import { isDataViewerFromWebview } from '../webview/guards';
import { exportCsv } from './exportCsv';

/** What the grid showed last (tests in VS Code read it). */
export type DataViewerShown = DataViewerFromWebview['rendered'] & { variable: string; kernel: DataViewerKernel['state'] };

/**
 * One data viewer panel: the table-like value at `path` in one notebook's kernel, paged to the
 * webview on request (the kernel sorts, filters and counts), its state followed (a restarted kernel
 * means the value is gone), and CSV export of the whole filtered, sorted table.
 */
export class DataViewerPanel implements vscode.Disposable {
  private readonly host: PanelHost<DataViewerToWebview, DataViewerFromWebview>;
  private readonly disposables: vscode.Disposable[] = [];
  private kernel: DataViewerKernel;
  private rendered: DataViewerFromWebview['rendered'] | undefined;

  constructor(
    extensionUri: vscode.Uri,
    private readonly kernels: KernelRegistry,
    readonly notebook: vscode.NotebookDocument,
    readonly path: string[],
    onDispose: () => void,
  ) {
    const variable = path.join('.');
    this.kernel = kernelOf(kernels.get(notebook)?.state ?? 'stopped', variable);
    this.host = new PanelHost(extensionUri, {
      viewType: 'modelbook.dataViewer',
      title: dataViewerMessage.title(variable),
      entry: 'dataViewer',
      accepts: isDataViewerFromWebview,
      log: (l) => kernels.log.warn(l),
    });
    const stopWatching = kernels.onDidChangeState(({ notebook: nb, state }) => {
      if (nb !== notebook) return;
      const next = kernelOf(state, variable);
      // Once gone, a fresh kernel does not bring the value back: the panel stays gone until a page loads again.
      if (this.kernel.state === 'gone' && next.state !== 'gone') return;
      this.kernel = next;
      this.host.post('kernel', next);
    });
    this.disposables.push(
      this.host,
      stopWatching,
      this.host.onReady(() => this.host.post('setData', { variable, notebook: vscode.workspace.asRelativePath(notebook.uri), kernel: this.kernel })),
      this.host.onMessage((m) => void this.handle(m)),
      this.host.panel.onDidDispose(() => {
        onDispose();
        this.dispose();
      }),
    );
  }

  /** What the grid last drew, with the kernel's state now. */
  get shown(): DataViewerShown | undefined {
    return this.rendered && { ...this.rendered, variable: this.path.join('.'), kernel: this.kernel.state };
  }

  reveal(): void {
    this.host.reveal();
  }

  private async handle(m: Envelope<DataViewerFromWebview>): Promise<void> {
    const session = this.kernels.get(this.notebook);
    switch (m.type) {
      case 'ready':
        return;
      case 'rendered':
        this.rendered = m.payload;
        return;
      case 'getPage': {
        const { requestId, offset, limit, query } = m.payload;
        if (!session) return this.host.post('page', { requestId, error: variablesMessage.noKernel });
        const answer = await session.tablePage({ path: this.path, offset, limit, sort: query.sort, ...(query.filter ? { filter: query.filter } : {}) });
        if (answer.page && this.kernel.state === 'gone') {
          this.kernel = kernelOf(session.state, '');
          this.host.post('kernel', this.kernel);
        }
        return this.host.post('page', { requestId, ...answer });
      }
      case 'getStats': {
        const { requestId, column } = m.payload;
        if (!session) return this.host.post('stats', { requestId, error: variablesMessage.noKernel });
        return this.host.post('stats', { requestId, ...(await session.tableStats(this.path, column)) });
      }
      case 'exportCsv': {
        if (!session) return this.host.post('notice', { text: variablesMessage.noKernel, kind: 'error' });
        const notice = await exportCsv(session, this.path, m.payload.query);
        if (notice) this.host.post('notice', notice);
        return;
      }
      default: {
        const unknown: never = m;
        return unknown;
      }
    }
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

function kernelOf(state: SessionState, variable: string): DataViewerKernel {
  if (state === 'idle' || state === 'busy') return { state };
  return { state: 'gone', reason: dataViewerMessage.kernelGone(variable) };
}
