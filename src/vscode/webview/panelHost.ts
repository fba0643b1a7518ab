import * as vscode from 'vscode';
import type { Envelope } from '../../protocol/envelope';
import { createNonce, panelHtml } from './panelHtml';

export interface PanelSpec {
  viewType: string;
  title: string;
  /** The webview bundle, `dist/webview/<entry>.js`. */
  entry: string;
  column?: vscode.ViewColumn;
  /** Checks each message from the webview; one that fails is dropped (and logged), never handled. */
  accepts: (m: unknown) => boolean;
  log?: (line: string) => void;
}

/**
 * One webview panel with a strict CSP (nonce, no eval), resources only from dist/webview and
 * media/, typed messages both ways, and the ready handshake: messages posted before the webview
 * says `ready` wait (only the latest per type), so the page never misses its data.
 */
export class PanelHost<ToWebview extends object, FromWebview extends object> implements vscode.Disposable {
  readonly panel: vscode.WebviewPanel;
  private ready = false;
  private readonly pending = new Map<keyof ToWebview, unknown>();
  private readonly listeners = new Set<(msg: Envelope<FromWebview>) => void>();
  private readonly readyListeners = new Set<() => void>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly spec: PanelSpec,
  ) {
    const roots = [vscode.Uri.joinPath(extensionUri, 'dist', 'webview'), vscode.Uri.joinPath(extensionUri, 'media')];
    this.panel = vscode.window.createWebviewPanel(spec.viewType, spec.title, spec.column ?? vscode.ViewColumn.Beside, { enableScripts: true, localResourceRoots: roots });
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.panel.webview.onDidReceiveMessage((m: unknown) => {
        if (!spec.accepts(m)) {
          spec.log?.(`${spec.viewType}: dropped a malformed message from the webview`);
          return;
        }
        if ((m as { type: string }).type === 'ready') {
          this.ready = true;
          for (const [type, payload] of this.pending) this.panel.webview.postMessage({ type, payload });
          this.pending.clear();
          for (const l of this.readyListeners) l();
          return;
        }
        for (const l of this.listeners) l(m as Envelope<FromWebview>);
      }),
      // A hidden webview is destroyed (no retainContextWhenHidden); it says ready again when shown.
      this.panel.onDidChangeViewState(() => {
        if (!this.panel.visible) this.ready = false;
      }),
    );
  }

  get isReady(): boolean {
    return this.ready;
  }

  post<K extends keyof ToWebview>(type: K, payload: ToWebview[K]): void {
    if (this.ready) void this.panel.webview.postMessage({ type, payload });
    else this.pending.set(type, payload);
  }

  onMessage(listener: (msg: Envelope<FromWebview>) => void): vscode.Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Called whenever the webview (re)loads and says ready: push the whole view model again here. */
  onReady(listener: () => void): vscode.Disposable {
    this.readyListeners.add(listener);
    return { dispose: () => this.readyListeners.delete(listener) };
  }

  reveal(): void {
    this.panel.reveal(this.spec.column ?? vscode.ViewColumn.Beside);
  }

  dispose(): void {
    this.panel.dispose();
    for (const d of this.disposables) d.dispose();
    this.listeners.clear();
    this.readyListeners.clear();
  }

  private html(): string {
    const webview = this.panel.webview;
    const asset = (...segments: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, ...segments)).toString();
    return panelHtml({ title: this.spec.title, cspSource: webview.cspSource, nonce: createNonce(), script: asset('dist', 'webview', `${this.spec.entry}.js`), style: asset('media', 'panel.css') });
  }
}
