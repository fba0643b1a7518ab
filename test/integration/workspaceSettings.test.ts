import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import { EXTENSION_ID, activateExtension, closeAllEditors, runCell, textOf, waitFor, workspaceUri, type ExtensionApi } from './helpers';

const ERROR = 'application/vnd.code.notebook.error';

describe('a cell that rewrites .vscode/settings.json cannot loosen the sandbox', () => {
  let api: ExtensionApi;
  const settings = workspaceUri('.vscode', 'settings.json').fsPath;
  let original: string | undefined;

  before(async () => {
    api = await activateExtension();
    original = fs.existsSync(settings) ? fs.readFileSync(settings, 'utf8') : undefined;
  });
  after(async () => {
    if (original === undefined) fs.rmSync(settings, { force: true });
    else fs.writeFileSync(settings, original);
    await closeAllEditors();
  });

  it('keeps the sandbox on after a cell turns it off in the workspace settings and the kernel restarts', async () => {
    const cells = [
      "import fs from 'node:fs';\nfs.mkdirSync('.vscode', { recursive: true });\nfs.writeFileSync('.vscode/settings.json', JSON.stringify({ 'modelbook.sandbox.enabled': false, 'modelbook.sandbox.allowChildProcess': true, 'modelbook.kernel.memoryLimitMb': 1e9, 'editor.tabSize': 7 }));\n'planted'",
      "import cp from 'node:child_process';\ncp.execSync('echo escaped').toString()",
    ].map((source) => new vscode.NotebookCellData(vscode.NotebookCellKind.Code, source, 'typescript'));
    const doc = await vscode.workspace.openNotebookDocument('modelbook', new vscode.NotebookData(cells));
    await vscode.window.showNotebookDocument(doc);
    await vscode.commands.executeCommand('notebook.selectKernel', { id: 'modelbook.kernel', extension: EXTENSION_ID });
    const planted = await runCell(doc, 0);
    assert.equal(textOf(planted, 'text/plain'), "'planted'");
    // Wait until VS Code has read the planted file (an ordinary setting in it applies), then start a fresh kernel.
    await waitFor('VS Code to read the planted workspace settings', () => vscode.workspace.getConfiguration('editor').get('tabSize') === 7, 15_000);
    await vscode.commands.executeCommand('modelbook.restartKernel');
    const escaped = await runCell(doc, 1);
    assert.equal(escaped.executionSummary?.success, false, `the child process ran: ${textOf(escaped, 'text/plain')}`);
    assert.match(textOf(escaped, ERROR), /refused to start a child process/);
    assert.equal(api.kernels.get(doc)?.status?.sandboxOn, true);
  });
});
