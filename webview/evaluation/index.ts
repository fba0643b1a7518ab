/**
 * The Evaluation panel's webview: says ready, draws the evaluation of each `setData`, reports
 * what it drew, and sends export intents to the host (which owns the save dialog and the file).
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import type { Envelope } from '../../src/protocol/envelope';
import type { EvaluationFromWebview, EvaluationToWebview } from '../../src/protocol/evaluation';
import { createMessenger } from '../shared/messaging';
import { renderPanel } from './panel';

interface State {
  /** The evaluation the threshold belongs to (name and rows), so another evaluation starts fresh. */
  key: string;
  threshold: number;
}

const messenger = createMessenger<EvaluationFromWebview, EvaluationToWebview, State>();
const root = document.getElementById('root') ?? document.body;
let current: { dispose(): void } | undefined;

// One message at a time: drawing is asynchronous (Vega), and a `setData` arriving mid-draw would otherwise
// leave the first draw's charts undisposed and could report `rendered` for the first after the second.
let handled = Promise.resolve();
messenger.start((msg) => {
  handled = handled.then(() => handle(msg));
});

async function handle(msg: Envelope<EvaluationToWebview>): Promise<void> {
  switch (msg.type) {
    case 'setData': {
      const view = msg.payload.view;
      const key = `${view.name}|${view.rows}|${view.metrics.map((m) => m.value).join(',')}`;
      const saved = messenger.state();
      current?.dispose();
      try {
        const drawn = await renderPanel(root, view, {
          save: (request) => messenger.post('saveFile', request),
          ...(saved?.key === key ? { threshold: saved.threshold } : {}),
          onThreshold: (threshold) => messenger.saveState({ key, threshold }),
        });
        current = drawn;
        messenger.post('rendered', drawn.report);
      } catch (e) {
        root.textContent = `Modelbook could not draw this evaluation: ${(e as Error).message}`;
      }
      break;
    }
  }
}
