import * as vscode from 'vscode';
import type { CardSource } from '../../core/card/contract';
import { cardUiMessage } from './messages';

/** Opens the Experiments panel on one run: `{ runId, field? }` or the id (what a card's numbers send). */
export const OPEN_RUN_COMMAND = 'modelbook.openRun';

const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/**
 * `modelbook.openRun`: the Experiments panel filtered to the run and with it selected, so its
 * record (params, metrics, data, gates) is one click away. Anything but a run id is refused.
 */
export function registerOpenRun(opened: (source: CardSource) => void): vscode.Disposable {
  return vscode.commands.registerCommand(OPEN_RUN_COMMAND, async (arg: unknown) => {
    const source: CardSource | undefined =
      typeof arg === 'string'
        ? { runId: arg, field: '' }
        : typeof arg === 'object' && arg !== null && typeof (arg as CardSource).runId === 'string'
          ? { runId: (arg as CardSource).runId, field: String((arg as CardSource).field ?? '') }
          : undefined;
    if (!source || !ULID.test(source.runId)) {
      void vscode.window.showErrorMessage(cardUiMessage.notARun(typeof arg === 'string' ? JSON.stringify(arg.slice(0, 40)) : `a ${typeof arg}`));
      return;
    }
    opened(source);
    await vscode.commands.executeCommand('modelbook.openExperiments', { filter: `id == ${JSON.stringify(source.runId)}`, select: [source.runId] });
  });
}
