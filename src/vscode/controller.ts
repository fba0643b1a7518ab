import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../core/notebook/contract';
import { message } from '../core/messages';
import type { ExecutionStatus } from '../kernel/host/session';
import { CellExecutionSink, ExecutionUpdates, errorItem } from './execution';
import type { KernelRegistry } from './kernels';

export const CONTROLLER_ID = 'modelbook.kernel';
/** How long execution updates wait to travel with others, and at most for the window to apply the last ones (ExecutionUpdates). */
const UPDATE_DELAY_MS = 4;
const UPDATE_MAX_WAIT_MS = 250;
const RUNNABLE_LANGUAGES = new Set(['typescript', 'javascript']);

/** How the controller ended one cell execution: as the kernel session said, or refused (untrusted workspace). */
export interface CellExecutionEnded {
  cell: vscode.NotebookCell;
  status: ExecutionStatus | 'refused';
}

/** The notebook controller: runs TypeScript cells on the notebook's kernel session. */
export class ModelbookController implements vscode.Disposable {
  readonly notebookController: vscode.NotebookController;
  private readonly ended = new vscode.EventEmitter<CellExecutionEnded>();
  private readonly updates: ExecutionUpdates;
  /** Fires once VS Code has been told a cell execution ended (tests wait on it instead of sleeping). */
  readonly onDidEndExecution = this.ended.event;

  constructor(private readonly kernels: KernelRegistry) {
    const controller = vscode.notebooks.createNotebookController(CONTROLLER_ID, NOTEBOOK_TYPE, 'Modelbook (TypeScript)');
    controller.supportedLanguages = ['typescript', 'javascript'];
    controller.supportsExecutionOrder = true;
    controller.description = 'sandboxed TypeScript kernel';
    controller.executeHandler = (cells, notebook) => this.execute(cells, notebook);
    controller.interruptHandler = (notebook) => kernels.get(notebook)?.interrupt('user');
    this.notebookController = controller;
    this.updates = new ExecutionUpdates(UPDATE_DELAY_MS, UPDATE_MAX_WAIT_MS, (e) => kernels.log.warn(`VS Code refused an execution update: ${(e as Error).message ?? e}`));
  }

  private execute(cells: vscode.NotebookCell[], notebook: vscode.NotebookDocument): void {
    const controller = this.notebookController;
    const code = cells.filter((c) => c.kind === vscode.NotebookCellKind.Code && RUNNABLE_LANGUAGES.has(c.document.languageId));
    if (!vscode.workspace.isTrusted) {
      for (const cell of code) this.refuseUntrusted(cell);
      return;
    }
    const kernels = this.kernels;
    const session = kernels.getOrCreate(notebook);
    for (const cell of code) {
      const execution = controller.createNotebookCellExecution(cell);
      const sink = new CellExecutionSink(execution, this.updates, (e) => kernels.log.warn(`VS Code refused an output edit: ${(e as Error).message ?? e}`));
      const cancel = execution.token.onCancellationRequested(() => session.cancel(sink));
      void session
        .execute(cell.document.getText(), sink, typeof cell.metadata.id === 'string' ? { cellId: cell.metadata.id } : {})
        .then((result) => sink.finish(result, () => this.ended.fire({ cell, status: result.status })))
        .catch((e) => kernels.log.error(`cell execution failed: ${(e as Error).stack ?? e}`))
        .finally(() => cancel.dispose());
    }
  }

  private refuseUntrusted(cell: vscode.NotebookCell): void {
    const execution = this.notebookController.createNotebookCellExecution(cell);
    execution.start(Date.now());
    void execution.replaceOutput(new vscode.NotebookCellOutput([errorItem({ name: 'UntrustedWorkspace', message: message.untrustedWorkspace, stack: '' })]));
    execution.end(false, Date.now());
    this.ended.fire({ cell, status: 'refused' });
  }

  dispose(): void {
    this.updates.dispose();
    this.notebookController.dispose();
    this.ended.dispose();
  }
}
