import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { activateExtension, closeAllEditors, openNotebook, runCell, textOf, waitFor, waitForAsync, workspaceUri, type ExtensionApi } from './helpers';

describe('Experiments panel and runs tree in a real VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
  });

  // Other tests read every .json file under .modelbook/runs as a record.
  after(async () => {
    await vscode.workspace.fs.delete(workspaceUri('.modelbook', 'runs', 'broken.json')).then(undefined, () => undefined);
    await closeAllEditors();
  });

  it('a cell that fits a model records a run; the panel shows it and the tree lists it under its notebook', async () => {
    const runsDir = workspaceUri('.modelbook', 'runs');
    const before = new Set(
      await vscode.workspace.fs.readDirectory(runsDir).then(
        (e) => e.map(([n]) => n),
        () => [] as string[],
      ),
    );
    // A file that is not a run record must be reported, never break the panel or the tree.
    await vscode.workspace.fs.writeFile(vscode.Uri.joinPath(runsDir, 'broken.json'), new TextEncoder().encode('{"not": "a run"'));

    const nb = (await openNotebook('training.mlnb')).notebook;
    const cell = await runCell(nb, 0, 120_000);
    assert.equal(cell.executionSummary?.success, true, textOf(cell, 'application/vnd.code.notebook.error'));
    const created = (await vscode.workspace.fs.readDirectory(runsDir)).map(([n]) => n).filter((n) => n.endsWith('.json') && !before.has(n) && n !== 'broken.json');
    assert.equal(created.length, 1, `one new run file under .modelbook/runs, got ${created.join(', ')}`);
    const id = created[0].replace(/\.json$/, '');

    await vscode.commands.executeCommand('modelbook.openExperiments');
    const rendered = await waitFor('the panel to render the new run', () => {
      const r = api.runs.lastRendered();
      return r?.rowIds.includes(id) ? r : undefined;
    }).catch((e: Error) => {
      throw new Error(`${e.message}; the panel last rendered ${JSON.stringify(api.runs.lastRendered())}`);
    });
    assert.ok(rendered.total >= 1);

    // Opened from the inline history's button (or the tree's "older runs"), only this notebook's runs show.
    const previous = api.runs.lastRendered();
    await vscode.commands.executeCommand('modelbook.openExperiments', { notebook: 'training.mlnb', select: [id] });
    const focused = await waitFor('the panel to render again, filtered to training.mlnb', () => {
      const r = api.runs.lastRendered();
      return r !== previous ? r : undefined;
    });
    assert.ok(focused!.rowIds.includes(id));

    const tree = api.runs.tree;
    const listed = await waitForAsync(
      'the tree to list the run under training.mlnb',
      async () => {
        const roots = (await tree.getChildren()) ?? [];
        const notebook = roots.find((n) => n.kind === 'notebook' && n.notebook === 'training.mlnb');
        if (!notebook) return undefined;
        const runs = (await tree.getChildren(notebook)) ?? [];
        return runs.find((n) => n.kind === 'run' && n.run.id === id);
      },
      30_000,
    );
    const item = tree.getTreeItem(listed);
    assert.equal(item.label, 'MLPClassifier');
    assert.match(String(item.description), /finished/);
    assert.equal(item.contextValue, 'run.withCell', 'the tree offers "open cell" for it');

    // "Open the cell that made it": the notebook comes to the front with that cell selected.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('modelbook.runs.openCell', listed);
    const editor = await waitFor('the notebook to open on the cell', () =>
      vscode.window.activeNotebookEditor?.notebook.uri.path.endsWith('/training.mlnb') ? vscode.window.activeNotebookEditor : undefined,
    );
    assert.deepEqual([editor.selection.start, editor.selection.end], [0, 1]);
    assert.equal(editor.notebook.cellAt(editor.selection.start).metadata.id, 'cell0');

    const roots = (await tree.getChildren()) ?? [];
    const problems = roots.find((n) => n.kind === 'problems');
    assert.ok(problems, 'the unreadable file is listed as a problem');
    // eslint-disable-next-line @typescript-eslint/await-thenable -- getTreeItem returns TreeItem | Thenable<TreeItem> (vscode.TreeDataProvider); the rule does not see the Thenable.
    const problemItems = await Promise.all(((await tree.getChildren(problems)) ?? []).map((p) => tree.getTreeItem(p)));
    assert.ok(problemItems.some((p) => p.label === 'broken.json'));

    // With the panel open, the next fit shows up in it live (file watcher → row delta), no reopening.
    await vscode.commands.executeCommand('modelbook.openExperiments');
    await waitFor('the panel to render again', () => api.runs.lastRendered()?.rowIds.includes(id));
    const shownBefore = api.runs.lastRendered();
    await runCell(nb, 0, 120_000);
    // Run records only (a ULID and .json), not the writer's temp files or the index cache beside them.
    const next = (await vscode.workspace.fs.readDirectory(runsDir))
      .map(([n]) => n)
      .filter((n) => /^[0-9A-HJKMNP-TV-Z]{26}\.json$/.test(n) && n !== `${id}.json` && !before.has(n))
      .map((n) => n.replace(/\.json$/, ''));
    assert.equal(next.length, 1, 'a second run file');
    await waitFor('the open panel to show the second run', () => api.runs.lastRendered() !== shownBefore && api.runs.lastRendered()?.rowIds.includes(next[0]));
  });
});
