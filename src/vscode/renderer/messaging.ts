import * as vscode from 'vscode';
import type { Envelope } from '../../protocol/envelope';
import type { RendererToHost } from '../../protocol/renderer';
import { isRendererToHost } from '../webview/guards';

/** The notebook renderer's id (package.json, contributes.notebookRenderer). */
export const RENDERER_ID = 'modelbook.renderer';

/** One handler per renderer message; a message without a handler does not compile. */
export type RendererHandlers = { [K in keyof RendererToHost]: (payload: RendererToHost[K]) => void };

/**
 * The one channel from cell outputs to the extension: created once, each message checked by
 * `isRendererToHost` before its handler runs; anything else is dropped.
 *
 * @example
 * context.subscriptions.push(listenToRenderer({ ...evaluation.renderer, ...runs.renderer }));
 */
export function listenToRenderer(handlers: RendererHandlers): vscode.Disposable {
  const messaging = vscode.notebooks.createRendererMessaging(RENDERER_ID);
  return messaging.onDidReceiveMessage(({ message }) => {
    if (isRendererToHost(message)) dispatch(handlers, message);
  });
}

function dispatch<K extends keyof RendererToHost>(handlers: RendererHandlers, message: Envelope<RendererToHost> & { type: K }): void {
  (handlers[message.type] as (payload: RendererToHost[K]) => void)(message.payload as RendererToHost[K]);
}
