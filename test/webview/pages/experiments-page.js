// Loads the Experiments panel bundle as VS Code's webview does, with a stand-in for
// acquireVsCodeApi: messages to the host land in window.__fromWebview (and __hostReceive, when the
// test exposes it); the test sends host messages with window.postMessage.
window.__fromWebview = [];
window.acquireVsCodeApi = () => ({
  postMessage: (m) => {
    window.__fromWebview.push(m);
    if (typeof window.__hostReceive === 'function') window.__hostReceive(m);
  },
  getState: () => undefined,
  setState: (s) => (window.__state = s),
});
await import('/dist/webview/experiments.js');
