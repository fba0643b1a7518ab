import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { activateExtension, closeAllEditors, nextEvent, openNotebook, outputsOf, runCell, startCell, textOf, waitFor, waitForAsync, workspaceUri, type ExtensionApi } from './helpers';

const STDOUT = 'application/vnd.code.notebook.stdout';
const ERROR = 'application/vnd.code.notebook.error';
const STDERR = 'application/vnd.code.notebook.stderr';

describe('Modelbook in a real VS Code extension host', () => {
  let api: ExtensionApi;

  before(async () => {
    api = await activateExtension();
  });

  after(closeAllEditors);

  it('activates and registers its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['modelbook.newNotebook', 'modelbook.restartKernel', 'modelbook.interruptKernel', 'modelbook.showKernelLog', 'modelbook.openEvaluation']) {
      assert.ok(commands.includes(c), `command ${c} is registered`);
    }
  });

  it('opens a .mlnb file from disk as a Modelbook notebook', async () => {
    const editor = await openNotebook('basic.mlnb');
    const nb = editor.notebook;
    assert.equal(nb.notebookType, 'modelbook');
    assert.equal(nb.cellCount, 7);
    assert.equal(nb.cellAt(0).document.languageId, 'typescript');
    assert.match(nb.cellAt(0).document.getText(), /const kept = 42/);
    assert.equal(nb.cellAt(0).metadata.id, 'cell0');
  });

  it('runs a cell: streamed console output, then the last expression', async () => {
    const nb = (await openNotebook('basic.mlnb')).notebook;
    const cell = await runCell(nb, 0);
    assert.equal(cell.executionSummary?.success, true);
    assert.equal(textOf(cell, STDOUT), 'hello from cell\n');
    assert.equal(textOf(cell, 'text/plain'), '43');
    assert.ok((cell.executionSummary?.executionOrder ?? 0) >= 1);
    const session = api.kernels.get(nb);
    assert.equal(session?.status?.sandboxOn, true, 'the kernel runs under the permission model');
    assert.match(api.status.text, /sandbox on/);
    if (process.platform === 'linux' && (process.arch === 'x64' || process.arch === 'arm64')) {
      assert.equal(session?.status?.osLayer?.seccomp, true, 'the kernel started through the OS layer (dist/confine-linux-*)');
      assert.equal(session?.status?.networkClosed, true);
      assert.doesNotMatch(api.status.text, /network open/);
    }
  });

  it("shows an error at the cell's own TypeScript line", async () => {
    const nb = (await openNotebook('basic.mlnb')).notebook;
    const cell = await runCell(nb, 1);
    assert.equal(cell.executionSummary?.success, false);
    const err = JSON.parse(textOf(cell, ERROR)) as { name: string; message: string; stack: string };
    assert.equal(err.name, 'TypeError');
    assert.match(err.message, /boom/);
    assert.match(err.stack, /Cell In\[\d+\], line 3:/);
  });

  it('shows rich outputs: an arquero table and a Vega-Lite chart', async () => {
    const nb = (await openNotebook('basic.mlnb')).notebook;
    const table = await runCell(nb, 2);
    const view = JSON.parse(textOf(table, 'application/vnd.modelbook.table+json'));
    assert.deepEqual(
      view.columns.map((c: { name: string }) => c.name),
      ['x', 'y'],
    );
    assert.equal(view.totalRows, 3);
    assert.match(textOf(table, 'text/plain'), /3 rows × 2 columns/);
    const chart = await runCell(nb, 3);
    const spec = JSON.parse(textOf(chart, 'application/vnd.vegalite.v5+json'));
    assert.equal(spec.mark, 'bar');
  });

  it('interrupts a synchronous infinite loop and keeps earlier variables', async () => {
    const nb = (await openNotebook('basic.mlnb')).notebook;
    await runCell(nb, 0);
    // Printed just before the loop: the kernel is in it from here on.
    await startCell(nb, 4, 'spinning');
    const t0 = Date.now();
    await vscode.commands.executeCommand('notebook.cancelExecution');
    const looped = await waitFor('the loop to stop', () => (nb.cellAt(4).executionSummary?.success === false ? nb.cellAt(4) : undefined), 5000);
    // Well within the kill deadline (3 s): the kernel stopped the loop itself, as the message below confirms.
    assert.ok(Date.now() - t0 < 3000, `stopped within ${Date.now() - t0} ms`);
    assert.equal(looped.executionSummary?.success, false);
    assert.match(JSON.parse(textOf(looped, ERROR)).message, /Interrupted/);
    const after = await runCell(nb, 5);
    assert.equal(textOf(after, 'text/plain'), '42');
  });

  it('interrupts a pending await through the Modelbook command', async () => {
    const nb = (await openNotebook('basic.mlnb')).notebook;
    await startCell(nb, 6, 'waiting');
    await vscode.commands.executeCommand('modelbook.interruptKernel');
    const cell = await waitFor('the await to be interrupted', () => (nb.cellAt(6).executionSummary?.success === false ? nb.cellAt(6) : undefined), 5000);
    assert.equal(cell.executionSummary?.success, false);
    assert.equal(textOf(await runCell(nb, 5), 'text/plain'), '42');
  });

  it('cancels queued cells when interrupted', async () => {
    const nb = (await openNotebook('basic.mlnb')).notebook;
    await vscode.commands.executeCommand('notebook.clearAllCellsOutputs');
    await startCell(nb, 6, 'waiting');
    void vscode.commands.executeCommand('notebook.cell.execute', { ranges: [{ start: 5, end: 6 }], document: nb.uri });
    await waitFor('the second cell to be queued', () => (api.kernels.get(nb)?.queued ?? 0) === 1);
    const queuedEnded = nextEvent('the queued cell to end', api.controller.onDidEndExecution, (e) => e.cell.notebook === nb && e.cell.index === 5);
    await vscode.commands.executeCommand('modelbook.interruptKernel');
    await waitFor('the running cell to stop', () => nb.cellAt(6).executionSummary?.success === false, 5000);
    assert.equal((await queuedEnded).status, 'cancelled', 'the queued cell was cancelled, not run');
    assert.deepEqual(outputsOf(nb.cellAt(5)), [], 'the queued cell never ran');
    assert.equal(textOf(await runCell(nb, 5), 'text/plain'), '42', 'it runs when asked again');
  });

  it('restarts the kernel: variables are gone, execution numbers start again', async () => {
    const nb = (await openNotebook('basic.mlnb')).notebook;
    await runCell(nb, 0);
    await vscode.commands.executeCommand('modelbook.restartKernel');
    const cell = await runCell(nb, 5);
    assert.equal(cell.executionSummary?.executionOrder, 1);
    assert.equal(JSON.parse(textOf(cell, ERROR)).name, 'ReferenceError');
  });

  it('refuses sandbox escapes with an error naming the setting, and allows workspace writes', async () => {
    const nb = (await openNotebook('sandbox.mlnb')).notebook;
    const escape = await runCell(nb, 0);
    assert.match(JSON.parse(textOf(escape, ERROR)).message, /modelbook\.sandbox\.allowWrite/);
    const inside = await runCell(nb, 1);
    assert.equal(textOf(inside, 'text/plain'), "'ok'");
    const child = await runCell(nb, 2);
    assert.match(JSON.parse(textOf(child, ERROR)).message, /modelbook\.sandbox\.allowChildProcess/);
  });

  it('Run All of many quick cells: each cell gets its own outputs, in the order printed, twice over', async () => {
    // The controller sends execution updates of many cells together (ExecutionUpdates): no output may land on another cell or out of order.
    const count = 40;
    const cells = Array.from({ length: count }, (_, i) => ({
      cell_type: 'code',
      id: `q${i}`,
      metadata: {},
      source: `console.log('a${i}');\nconsole.error('e${i}');\nconsole.log('b${i}');\n${i} * 2`,
      outputs: [],
      execution_count: null,
    }));
    await vscode.workspace.fs.writeFile(workspaceUri('quick-many.mlnb'), new TextEncoder().encode(JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells })));
    const nb = (await openNotebook('quick-many.mlnb')).notebook;
    for (let round = 0; round < 2; round++) {
      const before = nb.cellAt(count - 1).executionSummary?.executionOrder ?? 0;
      await vscode.commands.executeCommand('notebook.execute', nb.uri);
      await waitFor('the last cell to end', () => (nb.cellAt(count - 1).executionSummary?.executionOrder ?? 0) > before && nb.cellAt(count - 1).executionSummary?.timing?.endTime !== undefined);
      const orders = nb.getCells().map((c) => c.executionSummary?.executionOrder ?? 0);
      for (let i = 0; i < count; i++) {
        const cell = nb.cellAt(i);
        assert.equal(cell.executionSummary?.success, true, `cell ${i} succeeded`);
        assert.deepEqual(
          outputsOf(cell),
          [
            { mime: STDOUT, text: `a${i}\n` },
            { mime: STDERR, text: `e${i}\n` },
            { mime: STDOUT, text: `b${i}\n` },
            { mime: 'text/plain', text: String(i * 2) },
          ],
          `cell ${i}, round ${round + 1}: its own outputs in order, the last run's replaced`,
        );
        if (i > 0) assert.equal(orders[i], orders[i - 1]! + 1, 'execution orders follow the cells');
      }
    }
  });

  it('running all cells twice on a fresh kernel saves byte-identical files', async () => {
    const uri = workspaceUri('deterministic.mlnb');
    const nb = (await openNotebook('deterministic.mlnb')).notebook;
    const runAllAndSave = async () => {
      await vscode.commands.executeCommand('modelbook.restartKernel');
      await vscode.commands.executeCommand('notebook.execute', nb.uri);
      await waitFor('all cells to run', () => nb.getCells().every((c) => c.executionSummary?.timing?.endTime !== undefined && c.outputs.length > 0));
      assert.ok(nb.isDirty, 'new outputs make the notebook dirty');
      await nb.save();
      // Wait for the write itself, not only for save() to resolve.
      const read = async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      return waitForAsync('the saved file to hold the run', async () => !nb.isDirty && (await read()).includes('"execution_count": 3') && read(), 10_000);
    };
    const first = await runAllAndSave();
    const second = await runAllAndSave();
    assert.equal(second, first);
    const saved = JSON.parse(first);
    assert.equal(saved.nbformat, 4);
    assert.equal(saved.cells[0].execution_count, 1);
    assert.deepEqual(saved.cells[0].outputs[0], { name: 'stdout', output_type: 'stream', text: ['sorted [ 1, 2, 3 ]\n'] });
    assert.ok(saved.cells[1].outputs[0].data['application/vnd.modelbook.table+json']);
    assert.equal(
      outputsOf(nb.cellAt(2)).some((o) => o.mime === 'application/vnd.code.notebook.stderr'),
      true,
    );
  });

  it('trains a model with one live progress chart updated in place, and records the run', async () => {
    const nb = (await openNotebook('training.mlnb')).notebook;
    const cell = await runCell(nb, 0, 120_000);
    assert.equal(cell.executionSummary?.success, true, textOf(cell, ERROR));
    const charts = cell.outputs.filter((o) => o.items.some((i) => i.mime === 'application/vnd.vegalite.v5+json'));
    assert.equal(charts.length, 1, 'epochs update one chart instead of appending outputs');
    assert.match(textOf(cell, 'text/plain'), /fused-wasm-simd|wasm|cpu/);
    const runsDir = workspaceUri('.modelbook', 'runs');
    const files = (await vscode.workspace.fs.readDirectory(runsDir)).filter(([n]) => n.endsWith('.json'));
    const records = await Promise.all(files.map(async ([n]) => JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(runsDir, n))))));
    const fit = records.find((r) => r.name === 'MLPClassifier' && r.notebook === 'training.mlnb');
    assert.ok(fit, 'a run record for the fit');
    assert.equal(fit.status, 'finished');
    assert.equal(fit.cellId, 'cell0');
    assert.ok(fit.history.epoch.length > 1, 'with its loss history');
  });

  it('an out-of-memory cell ends only the kernel; the next run starts a fresh one', async () => {
    const config = vscode.workspace.getConfiguration('modelbook');
    await config.update('kernel.memoryLimitMb', 300, vscode.ConfigurationTarget.Global);
    try {
      const nb = (await openNotebook('memory.mlnb')).notebook;
      await vscode.commands.executeCommand('modelbook.restartKernel');
      await runCell(nb, 0);
      const hog = await runCell(nb, 1, 120_000);
      assert.equal(hog.executionSummary?.success, false);
      assert.match(JSON.parse(textOf(hog, ERROR)).message, /memory/);
      const next = await runCell(nb, 2);
      assert.equal(next.executionSummary?.executionOrder, 1, 'a fresh kernel numbers from 1');
      assert.equal(textOf(next, 'text/plain'), "'undefined'");
      assert.equal(nb.cellAt(0).metadata.id, 'cell0', 'the notebook is intact');
    } finally {
      await config.update('kernel.memoryLimitMb', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
