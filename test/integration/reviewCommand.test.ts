import * as vscode from 'vscode';
import { strict as assert } from 'node:assert';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { activateExtension, closeAllEditors, EXTENSION_ID, waitFor, workspaceUri, type ExtensionApi } from './helpers';

/** A one-cell notebook: logistic regression with `C` on the penguins, evaluated with kept predictions. */
function notebook(C: number): string {
  const source = [
    "import { readJSON, LogisticRegression, trainTestSplit, evaluate } from 'modelbook';",
    "const penguins = (await readJSON('penguins.json')).filter((d) => d['Body Mass (g)'] > 0 && (d.Sex === 'MALE' || d.Sex === 'FEMALE'));",
    "const { train, test } = trainTestSplit(penguins, { testSize: 0.4, stratify: 'Sex', seed: 7 });",
    "const features = ['Body Mass (g)', 'Beak Depth (mm)', 'Beak Length (mm)'];",
    `const model = new LogisticRegression({ C: ${C} });`,
    "await model.fit(train.select(features), train.array('Sex'));",
    "await evaluate(model, test, { label: 'Sex', features, name: 'review sex', gates: ['auc >= 0.6'], bootstrap: { resamples: 200, seed: 1 } })",
  ].join('\n');
  return JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', id: 'review-eval', metadata: {}, source, outputs: [], execution_count: null }] });
}

describe('Review Model Changes… in a real VS Code', function () {
  this.timeout(600_000);
  let api: ExtensionApi;
  let ws: string;
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'init.defaultBranch=main', '-c', 'commit.gpgsign=false', ...args], { cwd: ws, encoding: 'utf8' }).trim();
  const runFiles = () => new Set(fs.readdirSync(path.join(ws, '.modelbook', 'runs'), { withFileTypes: true }).map((e) => e.name));

  /** `modelbook run` headless (dist/cli.js, as CI runs it), without blocking the extension host; returns the files it added under .modelbook/runs. */
  async function runHeadless(): Promise<string[]> {
    fs.mkdirSync(path.join(ws, '.modelbook', 'runs'), { recursive: true });
    const before = runFiles();
    const cli = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'dist', 'cli.js');
    const child = spawn(process.execPath, [cli, 'run', 'review.mlnb'], { cwd: ws, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, `modelbook run review.mlnb: ${err}`);
    return [...runFiles()].filter((n) => !before.has(n)).map((n) => `.modelbook/runs/${n}`);
  }
  const evaluationId = (files: string[]) =>
    files
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(fs.readFileSync(path.join(ws, f), 'utf8')) as { id: string; kind: string })
      .find((r) => r.kind === 'evaluation')!.id;

  before(async function () {
    if (spawnSync('git', ['--version']).status !== 0) {
      console.log('      skipped: git is not installed');
      this.skip();
    }
    api = await activateExtension();
    // REVIEW_THEME (with SCREENSHOT): the colour theme to photograph the panel in.
    if (process.env.REVIEW_THEME) await vscode.workspace.getConfiguration('workbench').update('colorTheme', process.env.REVIEW_THEME, vscode.ConfigurationTarget.Global);
    ws = workspaceUri().fsPath;
  });

  // The other tests' workspace is no repository.
  after(async () => {
    // SCREENSHOT=file (test/host/driver) photographs the window after the run: leave the panel open for it.
    if (!process.env.SCREENSHOT) await closeAllEditors();
    if (ws) for (const f of ['.git', 'review.mlnb']) fs.rmSync(path.join(ws, f), { recursive: true, force: true });
  });

  it('with the default base (HEAD~1 here) opens the Model Diff panel for the changed evaluation', async () => {
    git('init', '-q');
    fs.writeFileSync(path.join(ws, 'review.mlnb'), notebook(1));
    const baseFiles = await runHeadless();
    git('add', '--', 'review.mlnb', ...baseFiles);
    git('commit', '-q', '-m', 'base model: C = 1');
    fs.writeFileSync(path.join(ws, 'review.mlnb'), notebook(0.0001));
    const headFiles = await runHeadless();
    git('add', '--', 'review.mlnb', ...headFiles);
    git('commit', '-q', '-m', 'head model: C = 0.0001');
    const [baseId, headId] = [evaluationId(baseFiles), evaluationId(headFiles)];

    const shown = api.review.panelDiff();
    const command = vscode.commands.executeCommand('modelbook.reviewModelChanges');
    await waitFor('the base picker to open', () => api.review.picking());
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await command;
    const diff = await waitFor('the Model Diff panel to show a new diff', () => {
      const d = api.review.panelDiff();
      return d !== shown ? d : undefined;
    });

    assert.equal(diff.base.commit, git('rev-parse', 'HEAD~1'), 'the default base is HEAD~1 on the only branch');
    assert.deepEqual([diff.base.spec, diff.head.spec], ['HEAD~1', 'work tree']);
    const pair = diff.pairs.find((p) => p.notebook === 'review.mlnb');
    assert.ok(pair, `a pair for review.mlnb among ${diff.pairs.map((p) => p.notebook).join(', ')}`);
    assert.deepEqual([pair.cellId, pair.base.runId, pair.head.runId], ['review-eval', baseId, headId]);
    assert.deepEqual(
      pair.params.filter((p) => p.name === 'C' || p.name.endsWith('.C')).map((p) => [p.base, p.head]),
      [[1, 0.0001]],
    );
    assert.ok(pair.metrics.some((m) => m.name === 'auc'));
    assert.equal(diff.verdict, diff.verdict.trim());
    assert.match(pair.verdict, /auc|no significant|better|worse/);
    // "Show notebook diff" reads the base notebook through the read-only modelbook-git: files.
    const atBase = vscode.Uri.from({ scheme: 'modelbook-git', path: workspaceUri('review.mlnb').path, query: diff.base.commit! });
    assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(atBase)).trim(), git('show', 'HEAD~1:review.mlnb'));
    await assert.rejects(Promise.resolve(vscode.workspace.fs.writeFile(atBase, new Uint8Array())));
    const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs);
    // The panel's "Show notebook diff": VS Code's notebook diff of the base revision against the
    // work tree, outputs hidden while it is open, the user's setting back once it closes.
    const hidden = () => vscode.workspace.getConfiguration('notebook.diff').inspect<boolean>('ignoreOutputs')?.globalValue;
    const before = hidden();
    assert.equal(api.review.fromWebview({ type: 'showNotebookDiff', payload: { notebook: 42 } }), false, 'a malformed message is refused');
    assert.equal(api.review.fromWebview({ type: 'showNotebookDiff', payload: { notebook: 'review.mlnb' } }), true);
    const diffTab = await waitFor('a notebook diff tab of the base revision', () =>
      tabs().find((t) => t.input instanceof vscode.TabInputNotebookDiff && t.input.original.scheme === 'modelbook-git' && t.input.original.query === diff.base.commit),
    );
    assert.equal((diffTab.input as vscode.TabInputNotebookDiff).modified.toString(), workspaceUri('review.mlnb').toString());
    assert.equal(hidden(), true, 'outputs are hidden while the revision diff is open');
    await vscode.window.tabGroups.close(diffTab);
    await waitFor(`the ignoreOutputs setting to be put back to ${before}`, () => (hidden() === before ? true : undefined)).catch((e: Error) => {
      const open = tabs().map((t) => `${t.label} [${t.input instanceof vscode.TabInputNotebookDiff ? t.input.original.toString() : typeof t.input}]`);
      throw new Error(`${e.message} (now ${hidden()}; tabs: ${open.join(', ')})`);
    });
    if (process.env.SCREENSHOT) await new Promise((r) => setTimeout(r, 4000)); // the webview draws its charts before the driver's photograph (no assertion follows)
    await waitFor(
      `a Model Diff tab (open: ${tabs()
        .map((t) => t.label)
        .join(', ')})`,
      () => tabs().some((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('modelbook.modelDiff')),
    );
  });
});
