import * as vscode from 'vscode';
import type { RunSummary } from '../../core/runs/summary';

/**
 * Opens the notebook that made a run and reveals and selects the cell, found by the nbformat cell
 * id in its metadata (see cellIds.ts). Returns why it could not, or undefined on success.
 */
export async function openRunCell(folder: vscode.WorkspaceFolder, run: Pick<RunSummary, 'name' | 'notebook' | 'cellId'>): Promise<string | undefined> {
  if (!run.notebook) return `Run "${run.name}" was not made in a notebook (no notebook path in its record).`;
  const uri = vscode.Uri.joinPath(folder.uri, run.notebook);
  // A run record is a file anyone could have written (a cell, a pull request): it may name only a notebook inside its folder.
  const inside = uri.path.startsWith(folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`);
  if (!inside || !uri.path.endsWith('.mlnb')) return `Run "${run.name}" names ${JSON.stringify(run.notebook)}, which is not a notebook inside ${folder.name}; not opened.`;
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
