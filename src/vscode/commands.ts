import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../core/notebook/contract';
import { message } from '../core/messages';
import type { KernelRegistry } from './kernels';

/** Commands under `modelbook.*`: the notebook they act on is the one given (toolbar) or the active one. */
export function registerCommands(kernels: KernelRegistry): vscode.Disposable[] {
  const target = (arg: unknown): vscode.NotebookDocument | undefined => {
    const fromArg = (arg as { notebookEditor?: { notebookUri?: vscode.Uri } } | undefined)?.notebookEditor?.notebookUri;
    const nb = fromArg ? vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === fromArg.toString()) : vscode.window.activeNotebookEditor?.notebook;
    if (!nb || nb.notebookType !== NOTEBOOK_TYPE) {
      void vscode.window.showWarningMessage(message.noActiveNotebook);
      return undefined;
    }
    return nb;
  };
  return [
    vscode.commands.registerCommand('modelbook.newNotebook', async () => {
      const cell = new vscode.NotebookCellData(vscode.NotebookCellKind.Code, message.newNotebookCell, 'typescript');
      const doc = await vscode.workspace.openNotebookDocument(NOTEBOOK_TYPE, new vscode.NotebookData([cell]));
      await vscode.window.showNotebookDocument(doc);
    }),
    vscode.commands.registerCommand('modelbook.restartKernel', async (arg?: unknown) => {
      // Restarting starts a kernel, and a kernel runs the notebook's code: not in restricted mode.
      if (!vscode.workspace.isTrusted) {
        void vscode.window.showWarningMessage(message.untrustedRestart);
        return;
      }
      const nb = target(arg);
      if (!nb) return;
      await kernels.getOrCreate(nb).restart();
      void vscode.window.showInformationMessage(message.kernelRestartedInfo);
    }),
    vscode.commands.registerCommand('modelbook.interruptKernel', (arg?: unknown) => {
      const nb = target(arg);
      if (nb) kernels.get(nb)?.interrupt('user');
    }),
    vscode.commands.registerCommand('modelbook.showKernelLog', () => kernels.log.show(true)),
  ];
}
