// Loads the built Model Diff panel as a VS Code webview would, with a stand-in for
// acquireVsCodeApi that records what the panel posts (window.posted).
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
await import('/dist/webview/review.js');
