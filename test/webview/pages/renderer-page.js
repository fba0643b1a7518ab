// Loads the built renderer as VS Code's notebook output webview does and exposes renderItem().
import { activate } from '/dist/webview/renderer.js';

const renderer = activate({});
window.renderItem = async (mime, data) => {
  const text = JSON.stringify(data);
  const item = { id: 'item-1', mime, metadata: {}, json: () => data, text: () => text, data: () => new TextEncoder().encode(text), blob: () => new Blob([text]) };
  await renderer.renderOutputItem(item, document.getElementById('out'));
};
