import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { EXTENSION_ID, activateExtension, closeAllEditors, runCell, textOf, waitFor, waitForAsync, workspaceUri, type ExtensionApi } from './helpers';

const FIT = `import { readJSON, LogisticRegression } from 'modelbook';
const penguins = (await readJSON('penguins.json')).filter((d) => d['Body Mass (g)'] > 0 && (d.Sex === 'MALE' || d.Sex === 'FEMALE'));
const model = new LogisticRegression();
await model.fit(penguins.select('Body Mass (g)', 'Beak Depth (mm)'), penguins.array('Sex'));
'fitted'`;

describe('Runs of an untitled notebook after Save As', () => {
  let api: ExtensionApi;
  const target = workspaceUri('saved-untitled.mlnb');

  before(async () => {
    api = await activateExtension();
  });
  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
  });

  it('a run recorded before the notebook had a file names the file it was saved as, in its record and in the Experiments view', async function () {
    this.timeout(120_000);
    const runsDir = workspaceUri('.modelbook', 'runs');
    const listRuns = async () =>
      (
        await vscode.workspace.fs.readDirectory(runsDir).then(
          (e) => e.map(([n]) => n),
          () => [] as string[],
        )
      ).filter((n) => n.endsWith('.json'));
    const before = new Set(await listRuns());
    // An untitled notebook that VS Code saves to this path (Save As without the file dialog).
    const untitled = await vscode.workspace.openNotebookDocument(target.with({ scheme: 'untitled' }));
    const edit = new vscode.WorkspaceEdit();
    edit.set(untitled.uri, [vscode.NotebookEdit.insertCells(0, [new vscode.NotebookCellData(vscode.NotebookCellKind.Code, FIT, 'typescript')])]);
    assert.ok(await vscode.workspace.applyEdit(edit));
    await vscode.window.showNotebookDocument(untitled);
    await vscode.commands.executeCommand('notebook.selectKernel', { id: 'modelbook.kernel', extension: EXTENSION_ID });
    const cell = await runCell(untitled, 0, 90_000);
    assert.equal(textOf(cell, 'text/plain'), "'fitted'", textOf(cell, 'application/vnd.code.notebook.error'));
    const created = (await listRuns()).filter((n) => !before.has(n));
    assert.equal(created.length, 1, `one new run file, got ${created.join(', ')}`);
    const file = vscode.Uri.joinPath(runsDir, created[0]!);
    const id = created[0]!.replace(/\.json$/, '');
    const read = async () => JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file))) as { notebook?: string; status: string };
    assert.equal((await read()).notebook, undefined, 'recorded while the notebook had no file');

    // Save As: VS Code asks where in its own file dialog (a quick input here), offering the untitled notebook's path; accept it.
    const saved = untitled.save();
    await waitForAsync('the Save As dialog to write the file', async () => {
      await vscode.commands.executeCommand('quickInput.accept');
      return vscode.workspace.fs.stat(target).then(
        () => true,
        () => false,
      );
    });
    assert.ok(await saved, 'saved');
    const record = await waitForAsync('the run record to name the saved notebook', async () => {
      const r = await read();
      return r.notebook === 'saved-untitled.mlnb' && r;
    });
    assert.equal(record.status, 'finished');
    await waitFor('the notebook to open from its file', () => vscode.workspace.notebookDocuments.find((d) => d.uri.toString() === target.toString()));

    const tree = api.runs.tree;
    await waitForAsync('the Experiments view to list the run under saved-untitled.mlnb', async () => {
      const roots = (await tree.getChildren()) ?? [];
      const notebook = roots.find((n) => n.kind === 'notebook' && n.notebook === 'saved-untitled.mlnb');
      const runs = notebook ? ((await tree.getChildren(notebook)) ?? []) : [];
      return runs.some((n) => n.kind === 'run' && n.run.id === id);
    });
  });
});
