import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { activateExtension, EXTENSION_ID, waitFor, workspaceUri, type ExtensionApi } from './helpers';

const SOURCE = [
  "import { readJSON, LogisticRegression, trainTestSplit, evaluate } from 'modelbook';",
  "const penguins = (await readJSON('penguins.json')).filter((d) => d['Body Mass (g)'] > 0 && (d.Sex === 'MALE' || d.Sex === 'FEMALE'));",
  "const { train, test } = trainTestSplit(penguins, { testSize: 0.4, stratify: 'Sex', seed: 7 });",
  "const features = ['Body Mass (g)', 'Beak Depth (mm)'];",
  'const model = new LogisticRegression();',
  "await model.fit(train.select('Sex', ...features), 'Sex');",
  "await evaluate(model, test, { label: 'Sex', features, name: 'governance', gates: ['auc >= 0.5'] })",
].join('\n');

describe('Modelbook: Approve… and Show Lineage… in a real VS Code', function () {
  this.timeout(300_000);
  let api: ExtensionApi;
  let ws: string;
  let added: string[] = [];
  let evaluation: string;

  before(async () => {
    api = await activateExtension();
    // GOV_THEME (with SCREENSHOT, test/host/driver): the colour theme to photograph the Lineage view in.
    if (process.env.GOV_THEME) await vscode.workspace.getConfiguration('workbench').update('colorTheme', process.env.GOV_THEME, vscode.ConfigurationTarget.Global);
    ws = workspaceUri().fsPath;
    fs.writeFileSync(
      path.join(ws, 'governance.mlnb'),
      JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', id: 'gov', metadata: {}, source: SOURCE, outputs: [], execution_count: null }] }),
    );
    const runs = path.join(ws, '.modelbook', 'runs');
    fs.mkdirSync(runs, { recursive: true });
    const before = new Set(fs.readdirSync(runs));
    // `modelbook run` headless (dist/cli.js, as CI runs it), without blocking the extension host.
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    const child = spawn(process.execPath, [cli, 'run', 'governance.mlnb'], { cwd: ws, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    assert.equal(await new Promise<number | null>((resolve) => child.on('close', resolve)), 0, err);
    added = fs.readdirSync(runs).filter((n) => !before.has(n));
    evaluation = added
      .filter((n) => n.endsWith('.json'))
      .map((n) => JSON.parse(fs.readFileSync(path.join(runs, n), 'utf8')) as { id: string; kind: string })
      .find((r) => r.kind === 'evaluation')!.id;
  });

  after(() => {
    for (const n of added) fs.rmSync(path.join(ws, '.modelbook', 'runs', n), { recursive: true, force: true });
    fs.rmSync(path.join(ws, '.modelbook', 'approvals'), { recursive: true, force: true });
    fs.rmSync(path.join(ws, 'governance.mlnb'), { force: true });
  });

  it('Approve… writes one log entry naming the run, its record hash, the role and the gate results', async () => {
    await vscode.commands.executeCommand('modelbook.approve', { target: evaluation, role: 'risk', note: 'gates read' });
    const [file] = await waitFor('the approval entry', () => api.governance.approvalsWritten().length > 0 && api.governance.approvalsWritten());
    assert.match(file, /^\.modelbook\/approvals\/\d{8}T\d{9}Z-[0-9a-f]{12}\.json$/);
    const entry = JSON.parse(fs.readFileSync(path.join(ws, file), 'utf8')) as {
      role: string;
      note: string;
      subject: { run: { id: string; recordHash: string } };
      gates: { name: string; passed: boolean }[];
    };
    assert.equal(entry.role, 'risk');
    assert.equal(entry.note, 'gates read');
    assert.equal(entry.subject.run.id, evaluation);
    assert.match(entry.subject.run.recordHash, /^[0-9a-f]{64}$/);
    assert.deepEqual(entry.gates, [{ name: 'auc >= 0.5', passed: true }]);
  });

  it('Show Lineage… puts the chain in the Lineage view, the approval under the evaluation run', async () => {
    await vscode.commands.executeCommand('modelbook.showLineage', { target: evaluation });
    const lineage = await waitFor('the lineage to be shown', () => api.governance.lineageShown());
    assert.deepEqual(
      lineage.nodes.map((n) => n.kind),
      ['data', 'pipeline', 'fit', 'evaluation', 'approval'],
    );
    assert.equal(lineage.complete, true, lineage.gaps.join('\n'));
    // GOV_HOLD=path (a screenshot driver): keep the view up until the driver has photographed it.
    const hold = process.env.GOV_HOLD;
    if (hold) {
      fs.writeFileSync(`${hold}.ready`, '');
      await waitFor('the screenshot', () => fs.existsSync(`${hold}.done`), 60_000);
    }
  });

  it('Show as Graph opens the Lineage panel, whose webview draws the chain as a graph', async () => {
    await vscode.commands.executeCommand('modelbook.showLineageGraph', { target: evaluation });
    const shown = await waitFor('the Lineage panel to draw', () => api.governance.lineageGraphShown().rendered, 60_000);
    assert.equal(shown.subject, evaluation);
    assert.deepEqual(shown.nodes.slice(0, 4), ['data:ok', 'pipeline:ok', 'fit:ok', 'evaluation:ok']);
    assert.equal(shown.dashedEdges, 0);
    const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview);
    assert.ok(
      tabs.some((t) => t.label === `Lineage: ${evaluation}`),
      tabs.map((t) => t.label).join(', '),
    );
    // Photographed after the run (SCREENSHOT): without the empty secondary side bar, as a user's window usually is.
    if (process.env.GOV_THEME) await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
  });
});
