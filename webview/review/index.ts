/**
 * The Model Diff panel's webview: says ready, draws the diff of each `setData`, and sends the
 * reviewer's intents (open a cell, show the notebook diff, comment on a finding) to the host.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import type { Envelope } from '../../src/protocol/envelope';
import type { ReviewFromWebview, ReviewToWebview } from '../../src/protocol/review';
import { createMessenger } from '../shared/messaging';
import { renderReviewPanel } from './panel';

const messenger = createMessenger<ReviewFromWebview, ReviewToWebview>();
const root = document.getElementById('root') ?? document.body;
let current: { dispose(): void } | undefined;

// One message at a time: drawing is asynchronous (Vega); a second setData waits for the first draw.
let handled = Promise.resolve();
messenger.start((msg) => {
  handled = handled.then(() => handle(msg));
});

async function handle(msg: Envelope<ReviewToWebview>): Promise<void> {
  switch (msg.type) {
    case 'setData': {
      current?.dispose();
      try {
        current = await renderReviewPanel(root, msg.payload, (type, payload) => messenger.post(type, payload));
      } catch (e) {
        root.textContent = `Modelbook could not draw this model diff: ${(e as Error).message}`;
      }
      break;
    }
  }
}
