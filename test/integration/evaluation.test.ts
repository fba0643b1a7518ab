import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { activateExtension, closeAllEditors, openNotebook, runCell, textOf, waitFor, workspaceUri, type ExtensionApi } from './helpers';

const EVALUATION = 'application/vnd.modelbook.evaluation+json';

/**
 * Shows the notebook with cell `index` selected. An editor taking focus back restores its own
 * selection a moment later, so the selection is set until it holds for two checks in a row.
 */
async function selectCell(nb: vscode.NotebookDocument, index: number): Promise<void> {
  const editor = await vscode.window.showNotebookDocument(nb);
  let held = 0;
  await waitFor(`cell ${index} to stay selected`, () => {
    const current = vscode.window.activeNotebookEditor?.selection;
    if (current?.start === index && current.end === index + 1) held++;
    else {
      held = 0;
      editor.selection = new vscode.NotebookRange(index, index + 1);
    }
    return held >= 2;
  });
}

describe('Evaluation report and panel in a real VS Code', () => {
  let api: ExtensionApi;
  let nb: vscode.NotebookDocument;
  let view: { kind: string; name: string; task: string; rows: number };

  before(async () => {
    api = await activateExtension();
  });

  after(closeAllEditors);

  it('running a cell that evaluates a model shows the compact report from the evaluation MIME type, drawn by the renderer', async () => {
    nb = (await openNotebook('evaluation.mlnb')).notebook;
    const cell = await runCell(nb, 0, 120_000);
    assert.equal(cell.executionSummary?.success, true, textOf(cell, 'application/vnd.code.notebook.error'));
    const mimes = cell.outputs.flatMap((o) => o.items.map((i) => i.mime));
    assert.deepEqual(mimes, [EVALUATION, 'text/html', 'text/plain']);
    view = JSON.parse(textOf(cell, EVALUATION));
    assert.equal(view.kind, 'modelbook.evaluation');
    assert.equal(view.name, 'sex from size');
    assert.equal(view.task, 'binary');
    // The renderer reports back only when VS Code chose the evaluation MIME type over text/html.
    const drawn = await waitFor('the compact report to be drawn in the cell output', () => api.evaluation.cellRendered().find((r) => r.name === 'sex from size'), 45_000);
    assert.deepEqual(drawn.charts, ['roc', 'pr']);
    assert.ok(drawn.metrics.includes('ROC AUC'), drawn.metrics.join(', '));
  });

  it("modelbook.openEvaluation without an argument opens the Evaluation panel with the selected cell's evaluation, else the most recent one", async () => {
    const second = await runCell(nb, 1, 120_000);
    assert.equal(second.executionSummary?.success, true, textOf(second, 'application/vnd.code.notebook.error'));
    await runCell(nb, 2);
    await selectCell(nb, 0);
    await vscode.commands.executeCommand('modelbook.openEvaluation');
    const drawn = await waitFor('the Evaluation panel to draw', () => api.evaluation.panelRendered(), 45_000);
    assert.equal(drawn.name, 'sex from size', "the selected cell's evaluation, though another ran later");
    assert.deepEqual(drawn.charts, ['roc', 'pr', 'calibration', 'confusion', 'thresholds', 'slice-0']);
    assert.ok(drawn.metrics.includes('ROC AUC') && drawn.metrics.includes('Recall'));
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === 'Evaluation: sex from size');
    assert.ok(tab, 'a panel titled after the evaluation is open');

    await selectCell(nb, 2);
    await vscode.commands.executeCommand('modelbook.openEvaluation');
    const state = () =>
      `panel shows ${api.evaluation.panelView()?.name}, drew ${api.evaluation.panelRendered()?.name}; selection ${JSON.stringify(vscode.window.activeNotebookEditor?.selection)}; ended ${nb
        .getCells()
        .map((c) => c.executionSummary?.timing?.endTime)
        .join(', ')}`;
    const latest = await waitFor(
      'the panel to draw the most recent evaluation',
      () => (api.evaluation.panelRendered()?.name === 'without slices' ? api.evaluation.panelRendered() : undefined),
      30_000,
    ).catch((e: Error) => {
      throw new Error(`${e.message}: ${state()}`);
    });
    assert.deepEqual(latest.charts, ['roc', 'pr', 'calibration', 'confusion', 'thresholds'], 'no slices, no slice chart');
  });

  it('with an argument it shows that evaluation, and it draws again after the panel is closed and reopened', async () => {
    await vscode.commands.executeCommand('modelbook.openEvaluation', { ...view, name: 'given as argument' });
    await waitFor('the panel to draw the given evaluation', () => api.evaluation.panelRendered()?.name === 'given as argument', 45_000);
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Evaluation: '));
    assert.equal(tabs().length, 1, 'one panel, reused');
    await vscode.window.tabGroups.close(tabs());
    // The shape the cell report's "Open Evaluation panel" button sends through the renderer channel.
    await vscode.commands.executeCommand('modelbook.openEvaluation', { view });
    const again = await waitFor('the reopened panel to draw', () => api.evaluation.panelRendered(), 45_000);
    assert.equal(again.name, 'sex from size');
  });

  it('a hidden panel draws its evaluation again when shown (no retained context: the host re-sends on ready)', async () => {
    await vscode.commands.executeCommand('modelbook.openEvaluation', view);
    await waitFor('the panel to draw', () => api.evaluation.panelRendered());
    const panelTab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label.startsWith('Evaluation: '));
    const column = panelTab()!.group.viewColumn;
    const before = api.evaluation.panelRenderCount();
    // Another editor on top of the panel hides it; its webview is destroyed.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('package.json')), { viewColumn: column, preview: false });
    const layout = () => vscode.window.tabGroups.all.map((g) => `group ${g.viewColumn}: ${g.tabs.map((t) => `${t.label}${t.isActive ? ' (active)' : ''}`).join(', ')}`).join('; ');
    await waitFor('the panel to be hidden', () => panelTab() && !panelTab()!.isActive, 10_000).catch((e: Error) => {
      throw new Error(`${e.message}; column ${column}; tabs: ${layout()}`);
    });
    const index = panelTab()!.group.tabs.indexOf(panelTab()!);
    await vscode.commands.executeCommand('workbench.action.openEditorAtIndex', index);
    await waitFor('the panel to draw again once shown', () => api.evaluation.panelRenderCount() > before, 45_000);
    assert.equal(api.evaluation.panelRendered()?.name, 'sex from size');
  });
});
