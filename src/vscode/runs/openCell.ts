import * as vscode from 'vscode';
import type { RunSummary } from '../../core/runs/summary';

/**
 * Opens the notebook that made a run and reveals and selects the cell, found by the nbformat cell
 * id in its metadata (see cellIds.ts). Returns why it could not, or undefined on success.
 */
export async function openRunCell(folder: vscode.WorkspaceFolder, run: Pick<RunSummary, 'name' | 'notebook' | 'cellId'>): Promise<string | undefined> {
  if (!run.notebook) return `Run "${run.name}" was not made in a notebook (no notebook path in its record).`;
  const uri = vscode.Uri.joinPath(folder.uri, run.notebook);
  let doc: vscode.NotebookDocument;
  try {
    doc = await vscode.workspace.openNotebookDocument(uri);
  } catch (e) {
    return `Could not open ${run.notebook}: ${(e as Error).message}. It may have been moved or deleted since the run.`;
  }
  const index = run.cellId ? doc.getCells().findIndex((c) => c.metadata.id === run.cellId) : -1;
  const range = index >= 0 ? new vscode.NotebookRange(index, index + 1) : undefined;
  await vscode.window.showNotebookDocument(doc, { viewColumn: vscode.ViewColumn.One, ...(range ? { selections: [range] } : {}) });
  if (range) {
    const editor = vscode.window.activeNotebookEditor;
    if (editor?.notebook === doc) editor.revealRange(range, vscode.NotebookEditorRevealType.InCenterIfOutsideViewport);
    return undefined;
  }
  return run.cellId ? `The cell that made "${run.name}" (id ${run.cellId}) is no longer in ${run.notebook}.` : `Run "${run.name}" has no cell id; opened ${run.notebook}.`;
}
