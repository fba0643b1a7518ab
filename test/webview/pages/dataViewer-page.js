// Loads the data viewer bundle as VS Code's webview does, with a stand-in for acquireVsCodeApi:
// what the panel posts lands in window.__fromWebview and goes to the test's fake host
// (window.__hostReceive); the test answers with window.postMessage.
window.__fromWebview = [];
window.acquireVsCodeApi = () => ({
  postMessage: (m) => {
    window.__fromWebview.push(m);
    if (typeof window.__hostReceive === 'function') void window.__hostReceive(m);
  },
  getState: () => undefined,
  setState: (s) => (window.__state = s),
});
await import('/dist/webview/dataViewer.js');
