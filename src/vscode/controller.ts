import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../core/notebook/contract';
import { message } from '../core/messages';
import { CellExecutionSink, errorItem } from './execution';
import type { KernelRegistry } from './kernels';

export const CONTROLLER_ID = 'modelbook.kernel';
const RUNNABLE_LANGUAGES = new Set(['typescript', 'javascript']);

/** The notebook controller: runs TypeScript cells on the notebook's kernel session. */
export function createController(kernels: KernelRegistry): vscode.NotebookController {
  const controller = vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, 'Modelbook (TypeScript)');
  controller.supportedLanguages = ['typescript', 'javascript'];
  controller.supportsExecutionOrder = true;
  controller.description = 'sandboxed TypeScript kernel';
  controller.executeHandler = (cells, notebook) => execute(controller, kernels, cells, notebook);
  controller.interruptHandler = (notebook) => kernels.get(notebook)?.interrupt('user');
  return controller;
}

function execute(controller: vscode.NotebookController, kernels: KernelRegistry, cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument): void {
  const code = cells.filter((c) => c.kind === vscode.NotebookCellKind.Code && RUNNABLE_LANGUAGES.has(c.document.languageId));
  if (!vscode.workspace.isTrusted) {
    for (const cell of code) refuseUntrusted(controller, cell);
    return;
  }
  const session = kernels.getOrCreate(notebook);
  for (const cell of code) {
    const execution = controller.createNotebookCellExecution(cell);
    const sink = new CellExecutionSink(execution, (e) => kernels.log.warn(`VS Code refused an output edit: ${(e as Error).message ?? e}`));
    const cancel = execution.token.onCancellationRequested(() => session.cancel(sink));
    void session
      .execute(cell.document.getText(), sink, typeof cell.metadata.id === 'string' ? { cellId: cell.metadata.id } : {})
      .then((result) => sink.finish(result))
      .catch((e) => kernels.log.error(`cell execution failed: ${(e as Error).stack ?? e}`))
      .finally(() => cancel.dispose());
  }
}

function refuseUntrusted(controller: vscode.NotebookController, cell: vscode.NotebookCell): void {
  const execution = controller.createNotebookCellExecution(cell);
  execution.start(Date.now());
  void execution.replaceOutput(new vscode.NotebookCellOutput([errorItem({ name: 'UntrustedWorkspace', message: message.untrustedWorkspace, stack: '' })]));
  execution.end(false, Date.now());
}
