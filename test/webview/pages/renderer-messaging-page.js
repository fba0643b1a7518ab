// Loads the notebook renderer with renderer messaging, as VS Code does when the extension listens:
// messages the renderer posts land in window.__posted.
import { activate } from '/dist/webview/renderer.js';

window.__posted = [];
const renderer = activate({ postMessage: (m) => window.__posted.push(m), onDidReceiveMessage: () => ({ dispose() {} }) });
window.renderItem = async (mime, data) => {
  const text = JSON.stringify(data);
  const item = { id: 'item-1', mime, metadata: {}, json: () => data, text: () => text, data: () => new TextEncoder().encode(text), blob: () => new Blob([text]) };
  await renderer.renderOutputItem(item, document.getElementById('out'));
};
