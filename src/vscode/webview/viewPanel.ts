import * as vscode from 'vscode';
import type { Envelope } from '../../protocol/envelope';
import { PanelHost, type PanelSpec } from './panelHost';

/** What a one-view panel needs besides its PanelHost spec. */
export interface ViewPanelSpec<ToWebview extends { setData: unknown }, FromWebview extends object, View> extends PanelSpec {
  /** The tab title for a view. */
  titleOf(view: View): string;
  /** The `setData` payload for a view. */
  dataOf(view: View): ToWebview['setData'];
  /** Every guarded message but `ready` (which re-sends the view). */
  onMessage(msg: Exclude<Envelope<FromWebview>, { type: 'ready' }>): void;
}

/**
 * A panel that shows one view at a time (the Evaluation and Model Diff panels): created on the
 * first `show`, revealed on the next, the whole view re-sent whenever the webview (re)loads,
 * forgotten when the user closes it.
 *
 * @example
 * const panel = new ViewPanel(extensionUri, { viewType: 'modelbook.evaluation', title: 'Evaluation', entry: 'evaluation', accepts, titleOf: (v) => v.name, dataOf: (view) => ({ view }), onMessage });
 * panel.show(view);
 */
export class ViewPanel<ToWebview extends { setData: unknown }, FromWebview extends object, View> implements vscode.Disposable {
  private host: PanelHost<ToWebview, FromWebview> | undefined;
  private current: View | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly spec: ViewPanelSpec<ToWebview, FromWebview, View>,
  ) {}

  /** The view shown (or last shown). */
  get view(): View | undefined {
    return this.current;
  }

  /** Opens (or reveals) the panel showing `view`. */
  show(view: View): void {
    this.current = view;
    if (!this.host) this.host = this.create();
    else this.host.reveal();
    this.host.panel.title = this.spec.titleOf(view);
    this.host.post('setData', this.spec.dataOf(view));
  }

  dispose(): void {
    this.host?.dispose();
    this.host = undefined;
  }

  private create(): PanelHost<ToWebview, FromWebview> {
    const host = new PanelHost<ToWebview, FromWebview>(this.extensionUri, this.spec);
    host.onReady(() => {
      if (this.current !== undefined) host.post('setData', this.spec.dataOf(this.current));
    });
    host.onMessage((msg) => {
      if (msg.type !== 'ready') this.spec.onMessage(msg as Exclude<Envelope<FromWebview>, { type: 'ready' }>);
    });
    host.panel.onDidDispose(() => {
      if (this.host === host) this.host = undefined;
    });
    return host;
  }
}
