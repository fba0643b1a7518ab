import * as vscode from 'vscode';
import { parseNotebook } from '../core/notebook/parse';
import { serializeNotebook } from '../core/notebook/serialize';
import { fromEditorNotebook, toEditorNotebook, type EditorCell, type EditorNotebook } from '../core/notebook/editor';

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/**
 * Reads and writes `.mlnb` files (nbformat 4.5). A malformed file throws, so VS Code shows the
 * error and never opens — and never overwrites — it.
 */
export class MlnbSerializer implements vscode.NotebookSerializer {
  deserializeNotebook(content: Uint8Array): vscode.NotebookData {
    const data = toEditorNotebook(parseNotebook(decoder.decode(content)));
    const nb = new vscode.NotebookData(data.cells.map(toCellData));
    nb.metadata = data.metadata;
    return nb;
  }

  serializeNotebook(data: vscode.NotebookData): Uint8Array {
    const editor: EditorNotebook = { metadata: data.metadata ?? {}, cells: data.cells.map(fromCellData) };
    return encoder.encode(serializeNotebook(fromEditorNotebook(editor)));
  }
}

function toCellData(c: EditorCell): vscode.NotebookCellData {
  const kind = c.kind === 'markup' ? vscode.NotebookCellKind.Markup : vscode.NotebookCellKind.Code;
  const cell = new vscode.NotebookCellData(kind, c.source, c.languageId);
  cell.metadata = c.metadata;
  cell.outputs = c.outputs.map(
    (o) =>
      new vscode.NotebookCellOutput(
        o.items.map((i) => new vscode.NotebookCellOutputItem(i.data, i.mime)),
        o.metadata,
      ),
  );
  if (c.executionOrder !== undefined) cell.executionSummary = { executionOrder: c.executionOrder };
  return cell;
}

function fromCellData(c: vscode.NotebookCellData): EditorCell {
  const order = c.executionSummary?.executionOrder;
  return {
    kind: c.kind === vscode.NotebookCellKind.Markup ? 'markup' : 'code',
    languageId: c.languageId,
    source: c.value,
    metadata: c.metadata ?? {},
    outputs: (c.outputs ?? []).map((o) => ({ items: o.items.map((i) => ({ mime: i.mime, data: i.data })), ...(o.metadata ? { metadata: o.metadata } : {}) })),
    ...(order !== undefined ? { executionOrder: order } : {}),
  };
}

/** Options VS Code needs to know which parts of the document are content (for dirty state and backups). */
export const SERIALIZER_OPTIONS: vscode.NotebookDocumentContentOptions = {
  transientOutputs: false,
  transientCellMetadata: {},
  transientDocumentMetadata: {},
};
