import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { activateExtension, closeAllEditors, openNotebook, runCell, waitFor, workspaceUri, type ExtensionApi } from './helpers';

const CELLS = [
  ["import * as aq from 'arquero';", "const people = aq.table({ name: ['Ada', 'Grace', 'Linus'], born: [1815, 1906, 1969], active: [false, false, true] });"].join('\n'),
  [
    "import { LogisticRegression } from 'modelbook';",
    'const model = new LogisticRegression();',
    'const weights = new Float64Array(1024);',
    "const settings = new Map([['lr', 0.1], ['epochs', 20]]);",
    "let note = 'ready';",
  ].join('\n'),
];

describe('Modelbook: the Variables view in a real VS Code', function () {
  this.timeout(240_000);
  let api: ExtensionApi;
  const file = 'variables.mlnb';

  before(async () => {
    api = await activateExtension();
    // VARS_THEME (with SCREENSHOT, test/host/driver): the colour theme to photograph the view in; the notebook stays open for the picture.
    if (process.env.VARS_THEME) await vscode.workspace.getConfiguration('workbench').update('colorTheme', process.env.VARS_THEME, vscode.ConfigurationTarget.Global);
    const cells = CELLS.map((source, i) => ({ cell_type: 'code', id: `v${i}`, metadata: {}, source, outputs: [], execution_count: null }));
    fs.writeFileSync(path.join(workspaceUri().fsPath, file), JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
  });
  after(async () => {
    // VARS_SHOT_DIR: a screenshot driver photographs the window after `ready` appears there, then writes `done`.
    const shots = process.env.VARS_SHOT_DIR;
    if (shots) {
      fs.writeFileSync(path.join(shots, 'ready'), '');
      await waitFor('the screenshot', () => fs.existsSync(path.join(shots, 'done')));
    }
    if (!process.env.VARS_THEME) {
      await closeAllEditors();
      fs.rmSync(path.join(workspaceUri().fsPath, file), { force: true });
    }
  });

  it('lists a table a cell made, as rows × columns, and the next cell’s variables once it ran', async () => {
    const nb = (await openNotebook(file)).notebook;
    await vscode.commands.executeCommand('modelbook.showVariables');
    assert.equal((await runCell(nb, 0)).executionSummary?.success, true);
    const table = await waitFor('the Variables view to list people', () => api.variables.shown().find((v) => v.name === 'people'));
    assert.equal(table.description, 'ColumnTable · 3 × 3');
    assert.equal((await runCell(nb, 1)).executionSummary?.success, true);
    const shown = await waitFor('the second cell’s variables', () => (api.variables.shown().length >= 5 ? api.variables.shown() : undefined));
    assert.deepEqual(
      shown.map((v) => [v.name, v.description]),
      [
        ['people', 'ColumnTable · 3 × 3'],
        ['model', 'LogisticRegression · not fitted'],
        ['weights', 'Float64Array(1,024) · 8.2 kB'],
        ['settings', 'Map · size 2'],
        ['note', '"ready"'],
      ],
    );
  });

  it('empties when the kernel restarts', async function () {
    if (process.env.VARS_THEME) this.skip(); // the screenshot shows the filled view
    const nb = vscode.window.activeNotebookEditor!.notebook;
    await vscode.commands.executeCommand('modelbook.restartKernel', { notebookEditor: { notebookUri: nb.uri } });
    await waitFor('the Variables view to empty', () => api.variables.shown().length === 0);
  });
});
