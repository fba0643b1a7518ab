/**
 * The Model Card panel's webview: says ready, draws the card of each `setData`, reports what it
 * drew, and asks the host to open a run when a number is clicked.
 */
import type { Envelope } from '../../src/protocol/envelope';
import type { CardFromWebview, CardToWebview } from '../../src/protocol/card';
import { createMessenger } from '../shared/messaging';
import { renderCardPanel } from './panel';

const messenger = createMessenger<CardFromWebview, CardToWebview, undefined>();
const root = document.getElementById('root') ?? document.body;
let current: { dispose(): void } | undefined;

// One message at a time: drawing is asynchronous (Vega); a `setData` mid-draw must not leave the first draw's charts behind.
let handled = Promise.resolve();
messenger.start((msg) => {
  handled = handled.then(() => handle(msg));
});

async function handle(msg: Envelope<CardToWebview>): Promise<void> {
  switch (msg.type) {
    case 'setData': {
      current?.dispose();
      try {
        const drawn = await renderCardPanel(root, msg.payload.card, (source) => messenger.post('openRun', source));
        current = drawn;
        messenger.post('rendered', drawn.rendered);
      } catch (e) {
        root.textContent = `Modelbook could not draw this model card: ${(e as Error).message}`;
      }
      break;
    }
  }
}
