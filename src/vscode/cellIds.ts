import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../core/notebook/contract';

/**
 * Gives every new cell an nbformat id in its metadata as soon as it is added, so the id written
 * to disk is the same on every save (as VS Code's own ipynb support does).
 */
export function trackCellIds(): vscode.Disposable {
  return vscode.workspace.onDidChangeNotebookDocument((e) => {
    if (e.notebook.notebookType !== NOTEBOOK_TYPE) return;
    const edits: vscode.NotebookEdit[] = [];
    for (const change of e.contentChanges) {
      for (const cell of change.addedCells) {
        if (typeof cell.metadata.id === 'string' && cell.metadata.id !== '') continue;
        edits.push(vscode.NotebookEdit.updateCellMetadata(cell.index, { ...cell.metadata, id: newCellId() }));
      }
    }
    if (edits.length === 0) return;
    const edit = new vscode.WorkspaceEdit();
    edit.set(e.notebook.uri, edits);
    void vscode.workspace.applyEdit(edit);
  });
}

function newCellId(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '').slice(0, 12);
}
