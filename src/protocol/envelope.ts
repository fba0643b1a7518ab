/** The wire shape of a message from a name → payload map `M`: `{ type, payload }`. */
export type Envelope<M> = { [K in keyof M]: { type: K; payload: M[K] } }[keyof M];

/** Every webview says this first; the host sends nothing before it (vscode-dvc's BaseWebview). */
export type ReadyMessage = { ready: undefined };
