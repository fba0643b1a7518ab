import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { activateExtension, closeAllEditors, EXTENSION_ID, openNotebook, runCell, textOf, waitFor, workspaceUri, type ExtensionApi } from './helpers';

// A team's own checkpoint that passes: the walkthrough's "Run it" step completes on any passing checkpoint.
const SOURCE = [
  "import { defineCheckpoint, checkpoint } from 'modelbook';",
  "defineCheckpoint({ id: 'walkthrough-demo', title: 'Walkthrough demo', why: 'Shows a passing checkpoint.', check: () => ({ passed: true, problems: [], checked: ['nothing to check'] }) });",
  "await checkpoint('walkthrough-demo');",
].join('\n');

interface Step {
  id: string;
  completionEvents: string[];
  media: { markdown?: string };
}

describe('Modelbook: the Get Started walkthrough in a real VS Code', function () {
  this.timeout(300_000);
  let api: ExtensionApi;
  let ws: string;
  let existing: Set<string>;

  before(async () => {
    api = await activateExtension();
    ws = workspaceUri().fsPath;
    fs.writeFileSync(
      path.join(ws, 'walkthrough.mlnb'),
      JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', id: 'walk', metadata: {}, source: SOURCE, outputs: [], execution_count: null }] }),
    );
    const runs = path.join(ws, '.modelbook', 'runs');
    fs.mkdirSync(runs, { recursive: true });
    existing = new Set(fs.readdirSync(runs));
  });

  after(async () => {
    await closeAllEditors();
    const runs = path.join(ws, '.modelbook', 'runs');
    for (const n of fs.readdirSync(runs)) if (!existing.has(n)) fs.rmSync(path.join(runs, n), { recursive: true, force: true });
    fs.rmSync(path.join(ws, 'walkthrough.mlnb'), { force: true });
  });

  it('is contributed: six steps from a template to an export, each with its markdown and completion event', () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const walkthroughs = (ext.packageJSON as { contributes: { walkthroughs: { id: string; title: string; steps: Step[] }[] } }).contributes.walkthroughs;
    const started = walkthroughs.find((w) => w.id === 'getStarted');
    assert.ok(started, 'getStarted is contributed');
    assert.equal(started.title, 'Get started with Modelbook');
    assert.deepEqual(
      started.steps.map((s) => s.completionEvents),
      [
        ['onCommand:modelbook.newFromTemplate'],
        ['onContext:modelbook.checkpointPassed'],
        ['onCommand:modelbook.openEvaluation'],
        ['onCommand:modelbook.openExperiments'],
        ['onCommand:modelbook.reviewModelChanges'],
        ['onContext:modelbook.exported'],
      ],
    );
    for (const s of started.steps) assert.ok(fs.existsSync(path.join(ext.extensionPath, s.media.markdown!)), `${s.id}: ${s.media.markdown} ships`);
  });

  it('a cell whose checkpoint passes sets modelbook.checkpointPassed and modelbook.checkpoint.<id>', async () => {
    assert.ok(!api.walkthrough.keys().has('modelbook.checkpoint.walkthrough-demo'), 'this checkpoint has not run in this workspace yet');
    const editor = await openNotebook('walkthrough.mlnb');
    const cell = await runCell(editor.notebook, 0, 120_000);
    assert.equal(cell.executionSummary?.success, true, textOf(cell, 'application/vnd.code.notebook.error'));
    const keys = await waitFor('the walkthrough context keys', () => api.walkthrough.keys().has('modelbook.checkpoint.walkthrough-demo') && api.walkthrough.keys());
    assert.ok(keys.has('modelbook.checkpointPassed'));
    assert.ok(!keys.has('modelbook.exported'), 'nothing was exported');
  });
});
