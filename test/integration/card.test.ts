import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { activateExtension, closeAllEditors, openNotebook, runCell, textOf, waitFor, type ExtensionApi } from './helpers';

const CARD = 'application/vnd.modelbook.card+json';

describe('Model card in a real VS Code', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
  });

  after(closeAllEditors);

  it('a modelCard(...) cell renders the compact card from the card MIME type; Open card draws every section in the panel, and a number opens its run in the Experiments panel', async () => {
    const editor = await openNotebook('card.mlnb');
    const nb = editor.notebook;
    for (const i of [0, 1]) {
      const c = await runCell(nb, i, 120_000);
      assert.equal(c.executionSummary?.success, true, textOf(c, 'application/vnd.code.notebook.error'));
    }
    const cell = await runCell(nb, 2, 120_000);
    assert.equal(cell.executionSummary?.success, true, textOf(cell, 'application/vnd.code.notebook.error'));
    assert.deepEqual(
      cell.outputs.flatMap((o) => o.items.map((i) => i.mime)),
      [CARD, 'text/html', 'text/markdown', 'text/plain'],
    );
    const card = JSON.parse(textOf(cell, CARD)) as { name: string; missing: string[]; sections: { metrics: { metrics: { name: string; value: { source: { runId: string; field: string } } }[] } } };
    assert.equal(card.name, 'penguin sex');
    assert.deepEqual(card.missing, []);
    // VS Code draws only the outputs on screen: bring the card cell to the top (the evaluation above is tall).
    editor.revealRange(new vscode.NotebookRange(2, 3), vscode.NotebookEditorRevealType.AtTop);
    // The renderer reports back only when VS Code chose the card MIME type over text/html and drew it.
    const drawn = await waitFor('the compact card to be drawn in the cell output', () => api.cards.cellRendered().find((r) => r.name === 'penguin sex'), 45_000);
    assert.deepEqual(drawn.sections, ['details', 'metrics', 'gates']);
    assert.ok(drawn.links >= 15, `numbers drawn as run links: ${drawn.links}`);

    // What the output's "Open card" button sends through the renderer channel: { card }.
    await vscode.commands.executeCommand('modelbook.openCard', { card });
    const panel = await waitFor('the Model Card panel to draw', () => api.cards.panelRendered(), 45_000);
    assert.deepEqual(panel.sections, [
      'modelDetails',
      'intendedUse',
      'factors',
      'metrics',
      'evaluationData',
      'trainingData',
      'quantitativeAnalyses',
      'ethicalConsiderations',
      'caveatsAndRecommendations',
      'annexIv',
    ]);
    assert.deepEqual(panel.charts, ['metrics', 'slices-Island', 'slices-Species', 'importance']);

    // A clicked number posts its source; the host opens the Experiments panel on that run alone.
    const auc = card.sections.metrics.metrics.find((m) => m.name === 'auc')!.value.source;
    await vscode.commands.executeCommand('modelbook.openRun', auc);
    const rows = await waitFor(
      'the Experiments panel to show the run',
      () => {
        const r = api.runs.lastRendered();
        return r && r.rowIds.length === 1 && r.rowIds[0] === auc.runId ? r : undefined;
      },
      45_000,
    );
    assert.equal(rows.matched, 1);
    assert.deepEqual(api.cards.runsOpened().at(-1), auc);
  });
});
