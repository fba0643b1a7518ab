/**
 * The Experiments panel: a virtually scrolled table of every run (user-chosen columns, sort by
 * header, filter by expression and tag, group by notebook or name), side-by-side comparison of
 * selected runs with their histories overlaid, a metric-vs-parameter and a parallel-coordinates
 * chart, CSV export and "open cell". Filtering and sorting run here, on the rows the host sent
 * once (the host then sends only changed rows). One module per section; `state.ts` holds the state.
 */
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import type { ExperimentsFromWebview, ExperimentsToWebview } from '../../src/protocol/experiments';
import { createMessenger } from '../shared/messaging';
import { createPanel } from './panel';
import type { UiState } from './state';

const messenger = createMessenger<ExperimentsFromWebview, ExperimentsToWebview, UiState>();
const root = document.getElementById('root') ?? document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
const panel = createPanel(root, messenger);

messenger.start((msg) => {
  switch (msg.type) {
    case 'setRuns':
      return panel.setRuns(msg.payload);
    case 'updateRuns':
      return panel.updateRuns(msg.payload);
    case 'focus':
      return panel.focus(msg.payload);
    case 'comparison':
      return panel.comparison(msg.payload);
    case 'notice':
      return panel.notice(msg.payload);
    default: {
      const unknown: never = msg;
      return unknown;
    }
  }
});
