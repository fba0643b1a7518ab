import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { activateExtension, closeAllEditors, openNotebook, runCell, textOf, waitFor, workspaceUri, type ExtensionApi } from './helpers';

const MONITOR = 'application/vnd.modelbook.monitor+json';

describe('Monitoring report and panel in a real VS Code', () => {
  let api: ExtensionApi;
  let report: { kind: string; summary: { status: string }; features: { name: string }[]; current: { source: string } };
  const saved = workspaceUri('monitor-report.json');

  before(async () => {
    api = await activateExtension();
  });

  after(async () => {
    await closeAllEditors();
    await vscode.workspace.fs.delete(saved).then(undefined, () => undefined);
  });

  it('a cell that calls monitor(...) on bundled data shows the compact monitoring report, drawn by the renderer', async () => {
    const nb = (await openNotebook('monitor.mlnb')).notebook;
    const cell = await runCell(nb, 0, 120_000);
    assert.equal(cell.executionSummary?.success, true, textOf(cell, 'application/vnd.code.notebook.error'));
    const mimes = cell.outputs.flatMap((o) => o.items.map((i) => i.mime));
    assert.deepEqual(mimes, [MONITOR, 'text/html', 'text/plain']);
    report = JSON.parse(textOf(cell, MONITOR));
    assert.equal(report.kind, 'modelbook.monitor');
    assert.equal(report.summary.status, 'critical', 'Biscoe penguins are not Dream and Torgersen ones');
    // The renderer reports the rows it drew only when VS Code chose the monitoring MIME type over text/html.
    const drawn = await waitFor('the compact monitoring report to be drawn in the cell output', () => api.monitoring.cellRendered().at(-1), 45_000);
    assert.equal(drawn.status, 'critical');
    assert.deepEqual([...drawn.features].sort(), report.features.map((f) => f.name).sort(), 'a drift table row per feature');
  });

  it('its Open action opens the Monitoring panel, which draws the distributions; a saved report file opens too', async () => {
    // What the output's "Open Monitoring panel" button sends through the renderer channel: { report }.
    await vscode.commands.executeCommand('modelbook.openMonitoring', { report });
    const drawn = await waitFor('the Monitoring panel to draw', () => api.monitoring.panelRendered(), 45_000);
    assert.equal(drawn.status, 'critical');
    assert.equal(drawn.charts.length, 1, `the worst feature's distribution is drawn (no score column, so no prediction chart): ${drawn.charts.join(', ')}`);
    assert.equal(drawn.charts[0], `feature-${drawn.selected}`);
    const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && t.label === `Monitoring: ${report.current.source}`);
    assert.ok(tab, 'a panel titled after the current batch is open');

    // A report saved as JSON (what `modelbook monitor … --format json --out` writes), opened by URI.
    await vscode.workspace.fs.writeFile(saved, new TextEncoder().encode(JSON.stringify({ ...report, current: { ...report.current, source: 'saved batch' } })));
    await vscode.commands.executeCommand('modelbook.openMonitoring', saved);
    const fromFile = await waitFor(
      'the panel to draw the saved report',
      () => (api.monitoring.panelRendered() && vscode.window.tabGroups.all.flatMap((g) => g.tabs).some((t) => t.label === 'Monitoring: saved batch') ? api.monitoring.panelRendered() : undefined),
      45_000,
    );
    assert.equal(fromFile.status, 'critical');
  });
});
