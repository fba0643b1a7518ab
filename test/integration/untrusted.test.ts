import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { EXTENSION_ID, closeAllEditors, openNotebook, outputsOf } from './helpers';

interface Api {
  kernels: { get(nb: vscode.NotebookDocument): unknown };
}

// Runs only in the second VS Code session, opened without trusting the workspace.
describe('Modelbook in an untrusted workspace @untrusted', () => {
  let api: Api;
  before(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)?.activate()) as Api;
  });
  after(closeAllEditors);

  it('opens and shows notebooks, but starts no kernel and runs no cell', async () => {
    assert.equal(vscode.workspace.isTrusted, false, 'this session must open the workspace untrusted');
    const nb = (await openNotebook('basic.mlnb')).notebook;
    assert.equal(nb.cellCount, 7);
    // VS Code asks for trust before it calls any controller; Modelbook refuses again if asked.
    void vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 0, end: 1 }], document: nb.uri });
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(api.kernels.get(nb), undefined, 'no kernel was started');
    assert.deepEqual(outputsOf(nb.cellAt(0)).filter((o) => o.mime.endsWith('stdout')), [], 'the cell did not run');
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
