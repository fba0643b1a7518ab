/**
 * The Monitoring panel's webview: says ready, draws the report of each `setData`, reports what it
 * drew, and tells the host which feature the user selected (kept in the webview state too).
 */
import type { Envelope } from '../../src/protocol/envelope';
import type { MonitorFromWebview, MonitorToWebview } from '../../src/protocol/monitor';
import { createMessenger } from '../shared/messaging';
import { renderPanel } from './panel';

interface State {
  /** The report the selection belongs to, so another report starts at its worst feature. */
  key: string;
  selected: string;
}

const messenger = createMessenger<MonitorFromWebview, MonitorToWebview, State>();
const root = document.getElementById('root') ?? document.body;
let current: { dispose(): void } | undefined;

// One message at a time: drawing is asynchronous (Vega); a `setData` mid-draw must not leave the first draw's charts behind.
let handled = Promise.resolve();
messenger.start((msg) => {
  handled = handled.then(() => handle(msg));
});

async function handle(msg: Envelope<MonitorToWebview>): Promise<void> {
  switch (msg.type) {
    case 'setData': {
      const report = msg.payload.report;
      const key = `${report.reference.source}|${report.current.source}|${report.createdAt}`;
      const saved = messenger.state();
      current?.dispose();
      try {
        const drawn = await renderPanel(root, report, {
          ...(saved?.key === key ? { selected: saved.selected } : {}),
          onSelect: (name) => {
            messenger.saveState({ key, selected: name });
            messenger.post('selectFeature', { name });
          },
        });
        current = drawn;
        messenger.post('rendered', drawn.report);
      } catch (e) {
        root.textContent = `Modelbook could not draw this monitoring report: ${(e as Error).message}`;
      }
      break;
    }
  }
}
