// Loads the built Evaluation panel as a VS Code webview would, with a stand-in for
// acquireVsCodeApi that records what the panel posts (window.posted) and its state.
window.posted = [];
let state;
window.acquireVsCodeApi = () => ({
  postMessage: (m) => window.posted.push(m),
  getState: () => state,
  setState: (s) => {
    state = s;
  },
});
window.sendToPanel = (message) => window.postMessage(message, '*');
await import('/dist/webview/evaluation.js');
