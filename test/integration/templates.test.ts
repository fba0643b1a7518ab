import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { activateExtension, closeAllEditors, EXTENSION_ID, waitFor, workspaceUri, type ExtensionApi } from './helpers';

describe('New Notebook from Template… in a real VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
  });

  after(async () => {
    // SCREENSHOT=file (test/host/driver) photographs the window after the run: leave the notebook open for it.
    if (!process.env.SCREENSHOT) {
      await closeAllEditors();
      for (const f of ['titanic.mlnb', 'data']) fs.rmSync(workspaceUri(f).fsPath, { recursive: true, force: true });
    }
  });

  it('the template pick, then the folder pick (the workspace folder first), copies the notebook and its data and opens the notebook', async () => {
    assert.ok(!fs.existsSync(workspaceUri('titanic.mlnb').fsPath), 'the workspace starts without the template');
    const command = vscode.commands.executeCommand('modelbook.newFromTemplate');
    await waitFor('the template picker to open', () => api.templates.picking() === 'template');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // the first: Binary classification
    await waitFor('the folder picker to open', () => api.templates.picking() === 'folder');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem'); // the first workspace folder
    await command;

    const editor = await waitFor('the new notebook to be the active editor', () => {
      const e = vscode.window.activeNotebookEditor;
      return e?.notebook.uri.toString() === workspaceUri('titanic.mlnb').toString() ? e : undefined;
    });
    assert.equal(editor.notebook.notebookType, 'modelbook');
    assert.deepEqual(
      api.templates.created().map((u) => u.toString()),
      [workspaceUri('titanic.mlnb').toString()],
    );
    const code = editor.notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code);
    assert.match(code[0].document.getText(), /problem\(\{/, 'the first code cell defines the problem');
    assert.ok(
      editor.notebook.getCells().some((c) => /checkpoint\('split-before-fit'\)/.test(c.document.getText())),
      'the notebook has its checkpoints',
    );
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const shipped = fs.readFileSync(path.join(ext.extensionUri.fsPath, 'templates', 'data', 'titanic.csv'));
    assert.ok(fs.readFileSync(workspaceUri('data', 'titanic.csv').fsPath).equals(shipped), 'data/titanic.csv beside the notebook, as shipped');
  });
});
