import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../../core/notebook/contract';
import { dataViewerMessage } from '../../core/dataViewer/messages';
import type { KernelRegistry } from '../kernels';
import { DataViewerPanel, type DataViewerShown } from './panel';

/** What tests read: what the most recently opened data viewer shows. */
export interface DataViewerApi {
  shown(): DataViewerShown | undefined;
}

/**
 * `modelbook.openDataViewer`: from a Variables view row (its path), or from the command palette
 * with a quick pick of the active notebook's viewable variables. One panel per notebook and value;
 * opening it again reveals it.
 */
export function registerDataViewer(extensionUri: vscode.Uri, kernels: KernelRegistry): { disposables: vscode.Disposable[]; api: DataViewerApi } {
  const panels = new Map<string, DataViewerPanel>();
  let latest: DataViewerPanel | undefined;

  const open = (notebook: vscode.NotebookDocument, path: string[]) => {
    const key = `${notebook.uri.toString()}\u0000${path.join('\u0000')}`;
    let panel = panels.get(key);
    if (panel) panel.reveal();
    else {
      panel = new DataViewerPanel(extensionUri, kernels, notebook, path, () => panels.delete(key));
      panels.set(key, panel);
    }
    latest = panel;
  };

  const command = async (node?: { path?: unknown }) => {
    const notebook = activeNotebook();
    const session = notebook && kernels.get(notebook);
    if (!notebook || !session) return void vscode.window.showWarningMessage(dataViewerMessage.noNotebook);
    const given = Array.isArray(node?.path) && node.path.length > 0 && node.path.every((s) => typeof s === 'string') ? (node.path as string[]) : undefined;
    if (given) return open(notebook, given);
    const { items, error } = await session.variables([]);
    const viewable = items.filter((v) => v.viewable);
    if (error || viewable.length === 0) return void vscode.window.showWarningMessage(error ?? dataViewerMessage.nothingViewable);
    const pick = await vscode.window.showQuickPick(
      viewable.map((v) => ({ label: v.name, description: [v.type, v.summary].filter(Boolean).join(' · ') })),
      { title: dataViewerMessage.pickTitle, placeHolder: dataViewerMessage.pickPlaceholder },
    );
    if (pick) open(notebook, [pick.label]);
  };

  return {
    disposables: [vscode.commands.registerCommand('modelbook.openDataViewer', command), { dispose: () => [...panels.values()].forEach((p) => p.dispose()) }],
    api: { shown: () => latest?.shown },
  };
}

/** The notebook the user works in: the active editor's, else the one visible Modelbook notebook. */
function activeNotebook(): vscode.NotebookDocument | undefined {
  const active = vscode.window.activeNotebookEditor?.notebook;
  if (active?.notebookType === NOTEBOOK_TYPE) return active;
  return vscode.window.visibleNotebookEditors.find((e) => e.notebook.notebookType === NOTEBOOK_TYPE)?.notebook;
}
