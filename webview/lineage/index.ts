/**
 * The Lineage panel's webview: says ready, lays out and draws the lineage of each `setData`,
 * reports what it drew, and asks the host to open a run when a run's box is clicked.
 */
import type { LineageFromWebview, LineageToWebview } from '../../src/protocol/lineage';
import { createMessenger } from '../shared/messaging';
import { renderLineagePanel } from './panel';

const messenger = createMessenger<LineageFromWebview, LineageToWebview, undefined>();
const root = document.getElementById('root') ?? document.body;

messenger.start((msg) => {
  switch (msg.type) {
    case 'setData':
      try {
        const rendered = renderLineagePanel(root, msg.payload.lineage, (runId) => messenger.post('openRun', { runId }));
        messenger.post('rendered', rendered);
      } catch (e) {
        root.textContent = `Modelbook could not draw this lineage: ${(e as Error).message}`;
      }
      break;
  }
});
