import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../../core/notebook/contract';
import { variablesMessage } from '../../core/kernel/messages';
import type { ModelbookController } from '../controller';
import type { KernelRegistry } from '../kernels';
import { VariablesTreeProvider, descriptionOf, type VariableNode } from './tree';

/** What tests read: the rows the view last showed, as label and description. */
export interface VariablesApi {
  shown(): { name: string; description: string }[];
}

/**
 * The Variables view (`modelbook.variables`) of the active notebook: refreshed after each cell
 * finishes (only while the view is visible: a hidden view asks the kernel nothing) and emptied when
 * the kernel restarts or ends. `modelbook.showVariables` (notebook toolbar) focuses it.
 */
export function registerVariables(kernels: KernelRegistry, controller: ModelbookController): { disposables: vscode.Disposable[]; api: VariablesApi } {
  let view: vscode.TreeView<VariableNode> | undefined;
  const tree = new VariablesTreeProvider(kernels, (problem) => {
    if (view) view.message = problem;
  });
  view = vscode.window.createTreeView('modelbook.variables', { treeDataProvider: tree, showCollapseAll: true });
  let stale = false;
  const refresh = () => {
    if (view?.visible) tree.refresh();
    else stale = true;
  };
  const follow = (editor: vscode.NotebookEditor | undefined) => {
    if (editor?.notebook.notebookType !== NOTEBOOK_TYPE) return;
    tree.show(editor.notebook);
    view.description = vscode.workspace.asRelativePath(editor.notebook.uri);
  };
  follow(vscode.window.activeNotebookEditor);
  return {
    disposables: [
      tree,
      view,
      vscode.window.onDidChangeActiveNotebookEditor(follow),
      view.onDidChangeVisibility(() => {
        if (view.visible && stale) {
          stale = false;
          tree.refresh();
        }
      }),
      controller.onDidEndExecution(({ cell }) => {
        if (cell.notebook === tree.notebook) refresh();
      }),
      kernels.onDidChangeState(({ notebook, state }) => {
        if (notebook === tree.notebook && state !== 'busy' && state !== 'idle') refresh();
      }),
      vscode.commands.registerCommand('modelbook.showVariables', async () => {
        follow(vscode.window.activeNotebookEditor);
        await vscode.commands.executeCommand('modelbook.variables.focus');
      }),
      // Until the data viewer panel (issue 15, part D) lands: the command exists, and says so.
      vscode.commands.registerCommand('modelbook.openDataViewer', (node?: VariableNode) => {
        void vscode.window.showInformationMessage(variablesMessage.dataViewerComing(node?.path.join('.') ?? ''));
      }),
    ],
    api: { shown: () => tree.shown.map((n) => ({ name: n.variable.name, description: descriptionOf(n.variable) })) },
  };
}
