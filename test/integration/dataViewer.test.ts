import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { activateExtension, closeAllEditors, openNotebook, runCell, waitFor, workspaceUri, type ExtensionApi } from './helpers';

/** DV_TIMINGS: a file the timings are appended to (the extension host's console goes to its log, not the report). */
const note = (line: string) => {
  if (process.env.DV_TIMINGS) fs.appendFileSync(process.env.DV_TIMINGS, `${line}\n`);
};

/** 1,000,000 rows × 50 columns: 49 numbers and one text column, built in the kernel as a user would. */
const CELL = [
  "import * as aq from 'arquero';",
  'let seed = 7;',
  'const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);',
  'const cols: Record<string, Float64Array | string[]> = {};',
  "cols.city = Array.from({ length: 1_000_000 }, (_, i) => ['Oslo', 'Lima', 'Pune', 'Kyiv'][i % 4]);",
  'for (let c = 1; c < 50; c++) { const a = new Float64Array(1_000_000); for (let i = 0; i < a.length; i++) a[i] = c === 1 ? i : Math.round(rand() * 1000) / 10; cols[`x${c}`] = a; }',
  'const big = aq.table(cols);',
].join('\n');

describe('Modelbook: the data viewer in a real VS Code', function () {
  this.timeout(300_000);
  let api: ExtensionApi;
  const file = 'dataViewer.mlnb';

  before(async () => {
    api = await activateExtension();
    // DV_THEME (with SCREENSHOT, test/host/driver): the colour theme to photograph the panel in; it stays open for the picture.
    if (process.env.DV_THEME) await vscode.workspace.getConfiguration('workbench').update('colorTheme', process.env.DV_THEME, vscode.ConfigurationTarget.Global);
    const cells = [{ cell_type: 'code', id: 'big', metadata: {}, source: CELL, outputs: [], execution_count: null }];
    fs.writeFileSync(path.join(workspaceUri().fsPath, file), JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells }));
  });
  after(async () => {
    if (!process.env.DV_THEME) {
      await closeAllEditors();
      fs.rmSync(path.join(workspaceUri().fsPath, file), { force: true });
    }
  });

  it('opens a 1,000,000-row arquero table a cell made: the first rows and "1,000,000 rows"', async () => {
    const nb = (await openNotebook(file)).notebook;
    const ran = Date.now();
    assert.equal((await runCell(nb, 0, 180_000)).executionSummary?.success, true);
    note(`the cell built 1M × 50 in ${Date.now() - ran} ms`);
    const opened = Date.now();
    await vscode.commands.executeCommand('modelbook.openDataViewer', { path: ['big'] });
    const shown = await waitFor(
      'the data viewer to show the first rows',
      () => {
        const s = api.dataViewer.shown();
        return s && s.cells.length > 5 ? s : undefined;
      },
      120_000,
    );
    note(`first page shown ${Date.now() - opened} ms after the command (real kernel, code-server)`);
    assert.equal(shown.variable, 'big');
    assert.equal(shown.totalRows, 1_000_000);
    assert.equal(shown.firstRow, 0);
    assert.deepEqual(shown.columns.slice(0, 2), ['city', 'x1']);
    assert.deepEqual(
      shown.cells.slice(0, 3).map((r) => r.slice(0, 2)),
      [
        ['Oslo', '0'],
        ['Lima', '1'],
        ['Pune', '2'],
      ],
    );
  });

  it('says the value is gone when the kernel restarts', async function () {
    if (process.env.DV_THEME) this.skip(); // the screenshot shows the table
    const nb = vscode.window.visibleNotebookEditors.find((e) => e.notebook.uri.path.endsWith(file))!.notebook;
    await vscode.commands.executeCommand('modelbook.restartKernel', { notebookEditor: { notebookUri: nb.uri } });
    await waitFor('the data viewer to say the value is gone', () => api.dataViewer.shown()?.kernel === 'gone');
  });
});
