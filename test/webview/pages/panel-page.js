// Loads a built panel bundle (?bundle=evaluation|review|monitor|card|lineage) as a VS Code webview would, with a
// stand-in for acquireVsCodeApi that records what the panel posts (window.posted) and its state.
const bundle = new URL(import.meta.url).searchParams.get('bundle');
if (!['evaluation', 'review', 'monitor', 'card', 'lineage'].includes(bundle)) throw new Error(`panel-page.js: unknown bundle ${bundle}`);
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
await import(`/dist/webview/${bundle}.js`);
