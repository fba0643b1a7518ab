import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { activateExtension, closeAllEditors, nextEvent, openNotebook, outputsOf, textOf, waitFor, type ExtensionApi } from './helpers';

// Runs only in the second VS Code session, opened without trusting the workspace.
describe('Modelbook in an untrusted workspace @untrusted', () => {
  let api: ExtensionApi;
  before(async () => {
    api = await activateExtension();
  });
  after(closeAllEditors);

  it('opens and shows notebooks, but starts no kernel and runs no cell', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this session must open the workspace untrusted');
    const nb = (await openNotebook('basic.mlnb')).notebook;
    assert.equal(nb.cellCount, 7);
    // VS Code asks for trust before it calls any controller (the request stays open here: nobody answers it).
    void vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: 1 }], document: nb.uri });
    // Modelbook refuses again if asked anyway: once it has said so, it has decided, and started nothing.
    const controller = api.controller.notebookController;
    const refused = nextEvent('the controller to refuse the cell', api.controller.onDidEndExecution, (e) => e.cell.notebook === nb);
    await controller.executeHandler([nb.cellAt(0)], nb, controller);
    assert.equal((await refused).status, 'refused');
    assert.equal(api.kernels.get(nb), undefined, 'no kernel was started');
    assert.deepEqual(
      outputsOf(nb.cellAt(0)).filter((o) => o.mime.endsWith('stdout')),
      [],
      'the cell did not run',
    );
    await waitFor('the refusal to show in the cell', () => textOf(nb.cellAt(0), 'application/vnd.code.notebook.error').includes('UntrustedWorkspace'));
  });

  it('refuses to restart the kernel, saying the workspace is not trusted', async () => {
    const nb = (await openNotebook('basic.mlnb')).notebook;
    const warnings: string[] = [];
    const window = vscode.window as { showWarningMessage: (m: string) => Thenable<unknown> };
    const original = window.showWarningMessage;
    window.showWarningMessage = (m: string) => {
      warnings.push(m);
      return Promise.resolve(undefined);
    };
    try {
      await vscode.commands.executeCommand('modelbook.restartKernel');
    } finally {
      window.showWarningMessage = original;
    }
    assert.equal(api.kernels.get(nb), undefined, 'no kernel was started');
    assert.equal(warnings.length, 1, 'one warning');
    assert.match(warnings[0]!, /did not restart the kernel: this workspace is not trusted.*Manage Workspace Trust/);
  });
});
