// Loads the built renderer as VS Code's notebook output webview does and exposes renderItem().
import { activate } from '/dist/webview/renderer.js';

// A renderer context with messaging, as VS Code gives when requiresMessaging is on; posts land in window.rendererPosted.
window.rendererPosted = [];
const renderer = activate({ postMessage: (m) => window.rendererPosted.push(m) });
window.renderItem = async (mime, data) => {
  const text = JSON.stringify(data);
  const item = { id: 'item-1', mime, metadata: {}, json: () => data, text: () => text, data: () => new TextEncoder().encode(text), blob: () => new Blob([text]) };
  await renderer.renderOutputItem(item, document.getElementById('out'));
};
