import * as vscode from 'vscode';
import { MODEL_CARD_MIME, type CardSource, type ModelCard } from '../../core/card/contract';
import type { RenderedCard } from '../../protocol/card';
import { readRegularFileAsync } from '../../store/readRegularFile';
import type { RendererHandlers } from '../renderer/messaging';
import { isModelCard } from '../webview/guards';
import { CardPanel } from './cardPanel';
import { cardUiMessage } from './messages';
import { OPEN_RUN_COMMAND, registerOpenRun } from './openRun';

/** What the extension's API exposes about model cards (tests read what the webviews drew). */
export interface CardApi {
  /** The panel's last `rendered` report. */
  panelRendered(): RenderedCard | undefined;
  /** The compact cards drawn in cell outputs, latest last. */
  cellRendered(): RenderedCard[];
  /** The runs opened from a card's numbers, latest last. */
  runsOpened(): CardSource[];
}

/** The largest card file opened (a card is tens of kB). */
const MAX_CARD_BYTES = 16 * 2 ** 20;
const decoder = new TextDecoder();

/**
 * `modelbook.openCard` ("Open Model Card…"): with a card (or `{ card }`, what the cell output's
 * button sends) it shows that; with a JSON file URI it reads and checks it; with nothing, the
 * selected cell's card, else the notebook's latest. `modelbook.openRun` opens a number's run.
 */
export function registerCards(extensionUri: vscode.Uri): { disposables: vscode.Disposable[]; api: CardApi; renderer: Pick<RendererHandlers, 'openCard' | 'openRun' | 'cardRendered'> } {
  const panel = new CardPanel(extensionUri);
  const cellCards: RenderedCard[] = [];
  const opened: CardSource[] = [];
  const open = async (arg?: unknown): Promise<void> => {
    const card = arg instanceof vscode.Uri ? await readCard(arg) : arg === undefined ? cardInEditor() : given(arg);
    if (card) panel.show(card);
  };
  const keep = <T>(list: T[], x: T) => {
    list.push(x);
    if (list.length > 50) list.shift();
  };
  const disposables = [panel, vscode.commands.registerCommand('modelbook.openCard', open), registerOpenRun((s) => keep(opened, s))];
  const renderer: Pick<RendererHandlers, 'openCard' | 'openRun' | 'cardRendered'> = {
    openCard: (payload) => panel.show(payload.card),
    openRun: (source) => void vscode.commands.executeCommand(OPEN_RUN_COMMAND, source),
    cardRendered: (rendered) => keep(cellCards, rendered),
  };
  return { disposables, renderer, api: { panelRendered: () => panel.rendered, cellRendered: () => [...cellCards], runsOpened: () => [...opened] } };
}

/** A card passed as an argument, or `{ card }`; says why not otherwise. */
function given(arg: unknown): ModelCard | undefined {
  const inner = typeof arg === 'object' && arg !== null && 'card' in arg ? (arg as { card: unknown }).card : arg;
  if (isModelCard(inner)) return inner;
  void vscode.window.showErrorMessage(cardUiMessage.notACard('the argument'));
  return undefined;
}

/** Reads a card saved as JSON (no symlinks, no FIFOs, bounded size) and checks it. */
async function readCard(uri: vscode.Uri): Promise<ModelCard | undefined> {
  const name = vscode.workspace.asRelativePath(uri);
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode((await readRegularFileAsync(uri.fsPath, { maxBytes: MAX_CARD_BYTES })).bytes)) as unknown;
  } catch (e) {
    void vscode.window.showErrorMessage(cardUiMessage.unreadableCard(name, (e as Error).message));
    return undefined;
  }
  if (isModelCard(value)) return value;
  void vscode.window.showErrorMessage(cardUiMessage.notACard(name));
  return undefined;
}

/** The last card among a cell's outputs. */
function cardOfCell(cell: vscode.NotebookCell): ModelCard | undefined {
  for (let o = cell.outputs.length - 1; o >= 0; o--) {
    const item = cell.outputs[o].items.find((i) => i.mime === MODEL_CARD_MIME);
    if (!item) continue;
    try {
      const card = JSON.parse(decoder.decode(item.data)) as unknown;
      if (isModelCard(card)) return card;
    } catch {
      // an output that is not JSON is not a card
    }
  }
  return undefined;
}

/** The selected cell's card, else the notebook's last one; says so when there is none. */
function cardInEditor(): ModelCard | undefined {
  const editor = vscode.window.activeNotebookEditor;
  const nb = editor?.notebook;
  const selected = editor && !editor.selection.isEmpty ? nb?.cellAt(editor.selection.start) : undefined;
  const card = (selected && cardOfCell(selected)) ?? nb?.getCells().reduceRight<ModelCard | undefined>((found, cell) => found ?? cardOfCell(cell), undefined);
  if (!card) void vscode.window.showWarningMessage(cardUiMessage.noCardOutput);
  return card;
}
