/**
 * The webview side of a panel's channel: typed `post` of intents, a handler for the host's
 * messages, UI state kept with setState (panels do not use retainContextWhenHidden).
 */
import type { Envelope } from '../../src/protocol/envelope';

interface VsCodeApi {
  postMessage(message: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

let api: VsCodeApi | undefined;
function vscodeApi(): VsCodeApi {
  api ??= acquireVsCodeApi();
  return api;
}

export interface Messenger<ToHost, FromHost, State> {
  post<K extends keyof ToHost>(type: K, payload: ToHost[K]): void;
  /** Sends `ready`, then calls `handle` for every host message. */
  start(handle: (msg: Envelope<FromHost>) => void): void;
  state(): State | undefined;
  saveState(state: State): void;
}

export function createMessenger<ToHost, FromHost, State = unknown>(): Messenger<ToHost, FromHost, State> {
  return {
    post: (type, payload) => vscodeApi().postMessage({ type, payload }),
    start(handle) {
      window.addEventListener('message', (e: MessageEvent) => {
        const data = e.data as Envelope<FromHost> | undefined;
        if (data && typeof data === 'object' && 'type' in data) handle(data);
      });
      vscodeApi().postMessage({ type: 'ready', payload: undefined });
    },
    state: () => vscodeApi().getState() as State | undefined,
    saveState: (s) => vscodeApi().setState(s),
  };
}
