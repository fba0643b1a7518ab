import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, watchProblems, type Harness } from './harness';
import type { ModelDiff } from '../../src/core/review/contract';
import { buildModelDiffView } from '../../src/core/review/view';

const REPO = path.resolve(__dirname, '..', '..', '..');
const DARK = 'body.vscode-dark { --vscode-editor-foreground: rgb(204, 204, 204); --vscode-foreground: rgb(204, 204, 204); --vscode-editor-background: #1e1e1e; background: #1e1e1e; }';
const LIGHT = 'body.vscode-light { --vscode-editor-foreground: rgb(31, 31, 31); --vscode-foreground: rgb(31, 31, 31); --vscode-editor-background: #ffffff; background: #ffffff; }';
/** The panel as the PanelHost serves it (#root, media/panel.css), under the harness's strict CSP. */
const PANEL = (theme: string) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/media/panel.css"><style>${DARK}${LIGHT}</style></head>
<body class="${theme}"><div id="root"></div><script type="module" src="/test/webview/pages/panel-page.js?bundle=review"></script></body></html>`;

type Posted = { type: string; payload: Record<string, unknown> };
type Win = { posted: Posted[]; sendToPanel(m: unknown): void };
const CHARTS = ['forest-0', 'roc-0', 'pr-0', 'flips-0', 'slices-0', 'forest-1', 'flips-1', 'slices-1'];

describe('webview/review: the Model Diff panel in Chromium', function () {
  this.timeout(60_000);
  let h: Harness;
  const diff = JSON.parse(fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'review', 'diff.json'), 'utf8')) as ModelDiff;

  before(async () => {
    h = await startHarness({ '/light': PANEL('vscode-light'), '/dark': PANEL('vscode-dark') });
  });
  after(async () => h?.close());

  /** Opens the panel at 1280×800, waits for `ready`, sends setData and waits for every chart's marks. */
  async function openPanel(theme: 'light' | 'dark', shown: ModelDiff = diff): Promise<{ page: Page; problems: string[] }> {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/${theme}`);
    await page.waitForFunction(() => (window as unknown as Win).posted?.some((m) => m.type === 'ready'));
    await page.evaluate((v) => (window as unknown as Win).sendToPanel({ type: 'setData', payload: v }), buildModelDiffView(shown) as unknown);
    for (const id of CHARTS) await page.waitForSelector(`[data-chart="${id}"] svg .role-mark`, { state: 'attached' });
    return { page, problems };
  }

  it('never marks a significantly worse head with a tick, even when no gate failed', async () => {
    const { page } = await openPanel('light');
    const line = page.locator('#verdict .verdict-line');
    assert.equal(diff.failed, true);
    assert.match((await line.textContent()) ?? '', /^✗ /);
    const passing = { ...diff, failed: false };
    await page.evaluate((v) => (window as unknown as Win).sendToPanel({ type: 'setData', payload: v }), buildModelDiffView(passing) as unknown);
    await page.waitForFunction(() => document.querySelector('#verdict .verdict-line')?.classList.contains('worse'));
    assert.match((await line.textContent()) ?? '', /^▼ .*significantly worse/);
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`renders every section and draws every chart with visible marks (${theme}), with no CSP violation`, async () => {
      const { page, problems } = await openPanel(theme);
      assert.match((await page.locator('#verdict .verdict-line').textContent()) ?? '', /significantly worse on auc/);
      for (const i of [0, 1])
        for (const s of ['metrics', 'flips', 'slices', 'params', 'model', 'data', 'gates', 'environment']) assert.equal(await page.locator(`#${s}-${i}`).count(), 1, `section ${s}-${i}`);
      assert.equal(await page.locator('#code .cell-change').count(), 5);
      for (const id of CHARTS) {
        const box = await page.locator(`[data-chart="${id}"] svg`).first().boundingBox();
        assert.ok(box && box.width > 100 && box.height > 50, `${id} has a size (${JSON.stringify(box)})`);
        const marks = await page
          .locator(`[data-chart="${id}"] svg .role-mark path, [data-chart="${id}"] svg .role-mark line`)
          .evaluateAll((els) => els.map((e) => (e as SVGGraphicsElement).getBBox()).filter((b) => b.width > 0 || b.height > 0).length);
        assert.ok(marks > 0, `${id} draws marks with a size`);
      }
      assert.equal(await page.locator('[data-chart="forest-0"] svg .mark-symbol.role-mark path').count(), 7, 'a point per churn metric');
      assert.equal(await page.locator('[data-chart="flips-0"] svg .mark-rect.role-mark path').count(), 4, 'a 2×2 flip matrix');
      const cells = await page.locator('[data-chart="flips-0"] svg .mark-text.role-mark text').allTextContents();
      assert.deepEqual(cells, ['5,422', '214 regressions', '397 fixes', '1,010'], 'four numbers: both right, regressions, fixes, both wrong');
      assert.equal(await page.locator('#curves-0 [data-chart="roc-0"] svg .mark-line.role-mark path').count(), 3, 'ROC: the chance diagonal, base and head');
      assert.match((await page.locator('#curves-0 .curves-note').textContent()) ?? '', /7,043 rows both evaluated/);
      assert.equal(await page.locator('#curves-1').count(), 0);
      // Direction-aware colours: AUC is worse (red), recall better (green), precision unchanged (grey).
      const fills = await page.locator('[data-chart="forest-0"] svg .mark-symbol.role-mark path').evaluateAll((els) => els.map((e) => e.getAttribute('fill')));
      assert.deepEqual(fills, ['#d62728', '#d62728', '#2ca02c', '#8c8c8c', '#8c8c8c', '#d62728', '#2ca02c']);
      const newly = page.locator('#gates-0 tr.newly-failing');
      assert.equal(await newly.count(), 1);
      assert.match((await newly.textContent()) ?? '', /auc >= 0\.85.*newly failing/);
      assert.match((await page.locator('#slices-0 tr[data-group=west]').textContent()) ?? '', /small group/);
      assert.match((await page.locator('#flips-0 .flip-examples').textContent()) ?? '', /<script>alert\(1\)<\/script>/, 'row ids show as text');
      const axisText = await page.locator('[data-chart="forest-0"] svg .role-axis-label text').first().getAttribute('fill');
      assert.equal(axisText, theme === 'dark' ? 'rgb(204, 204, 204)' : 'rgb(31, 31, 31)', 'axis labels follow the theme');
      for (const i of [0, 1]) {
        const [chart, table, wrap] = await page.evaluate((id) => {
          const box = (sel: string) => document.querySelector(`#${id} ${sel}`)!.getBoundingClientRect();
          const w = document.querySelector(`#${id} .table-wrap`)!;
          return [box('.chart'), box('table.metrics'), { scroll: w.scrollWidth, client: w.clientWidth }];
        }, `metrics-${i}`);
        assert.ok(table.left >= chart.right && Math.abs(table.top - chart.top) < 2, `at 1280 px the metrics table of pair ${i} is beside its forest plot, not below`);
        assert.ok(wrap.scroll <= wrap.client, `the metrics table of pair ${i} fits without scrolling (${wrap.scroll} > ${wrap.client})`);
      }
      assert.deepEqual(problems, []);
      await page.screenshot({ path: path.join(REPO, 'out', `review-${theme}.png`) });
      await page.screenshot({ path: path.join(REPO, 'out', `review-${theme}-full.png`), fullPage: true });
      await page.close();
    });
  }

  for (const theme of ['light', 'dark'] as const)
    it(`shows pipeline steps, step params, data findings and every environment entry with differences marked (${theme})`, async () => {
      const { page, problems } = await openPanel(theme);
      const steps = await page.locator('#pipeline-0 tbody tr').allTextContents();
      assert.deepEqual(steps, [
        'minMaxScaler—1. MinMaxScaleradded at 1 (MinMaxScaler)',
        'simpleImputer1. SimpleImputer2. SimpleImputermoved 1 → 2',
        'oneHotEncoder3. OneHotEncoder3. OneHotEncoderunchanged',
        'bucketizer—4. Bucketizeradded at 4 (Bucketizer)',
        'estimator4. MLPClassifier5. MLPClassifierunchanged',
        'standardScaler2. StandardScaler—removed from 2 (StandardScaler)',
      ]);
      assert.equal(await page.locator('#pipeline-0 tr.step-changed').count(), 4);
      assert.equal(await page.locator('#pipeline-1').count(), 0, 'no pipeline section when neither side recorded one');
      assert.match((await page.locator('#params-0 tr[data-param="simpleImputer.strategy"]').textContent()) ?? '', /changedmeanmedian/);
      const findings = await page.locator('#data-0 tbody tr td:last-child').allTextContents();
      assert.deepEqual(findings, ['+ missing: totalCharges; + duplicateRows; − constant: country', 'not checked']);
      assert.equal(await page.locator('#environment-0 tbody tr').count(), 6, 'every entry of both sides');
      assert.deepEqual(await page.locator('#environment-0 tr.env-changed td:first-child').allTextContents(), ['@tensorflow/tfjs', 'runtime']);
      assert.equal(await page.locator('#environment-1 tbody tr').count(), 1, 'a diff without the full list shows its differences');
      assert.deepEqual(problems, []);
      await page.locator('#params-0').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(REPO, 'out', `review-structure-${theme}.png`) });
      await page.locator('#environment-0').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(REPO, 'out', `review-environment-${theme}.png`) });
      await page.close();
    });

  for (const theme of ['light', 'dark'] as const)
    it(`shows each checkpoint passed / failed / not run on both sides and the lifecycle overrides with their reason (${theme})`, async () => {
      const withCheckpoints: ModelDiff = {
        ...diff,
        pairs: diff.pairs.map((p, i) =>
          i === 0
            ? {
                ...p,
                checkpoints: {
                  rows: [
                    { id: 'data-quality', base: 'passed', head: 'passed' },
                    { id: 'split-before-fit', base: 'passed', head: 'failed', problem: 'the StandardScaler was fitted on 1,047 rows that include 262 test rows' },
                    { id: 'fairness', base: 'not-run', head: 'passed' },
                  ],
                  overrides: [{ side: 'head', step: 'export', reason: 'demo build for the review meeting', missing: ['split-before-fit'], runId: '01JF0000000000000000000001' }],
                },
              }
            : p,
        ),
      };
      const { page, problems } = await openPanel(theme, withCheckpoints);
      assert.deepEqual(await page.locator('#checkpoints-0 tbody tr').allTextContents(), [
        'data-quality✓ passed✓ passed',
        'split-before-fit✓ passed✗ failedthe StandardScaler was fitted on 1,047 rows that include 262 test rows',
        'fairnessnot run✓ passed',
      ]);
      assert.equal(await page.locator('#checkpoints-0 tr[data-checkpoint="split-before-fit"] .fail').count(), 1);
      assert.equal(
        await page.locator('#checkpoints-0 .lifecycle-override').textContent(),
        'Lifecycle override — head: export overridden (missing split-before-fit): “demo build for the review meeting”',
      );
      assert.equal(await page.locator('#checkpoints-1').count(), 0, 'no section when neither side ran a checkpoint');
      assert.deepEqual(problems, []);
      await page.locator('#checkpoints-0').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(REPO, 'out', `review-checkpoints-${theme}.png`) });
      await page.close();
    });

  it('clicking a finding posts openCell with its cell; Discuss on a metric, a slice or the flips posts startThread; Show notebook diff posts its notebook', async () => {
    const { page, problems } = await openPanel('light');
    const posted = () => page.evaluate(() => (window as unknown as Win).posted.filter((m) => m.type !== 'ready'));
    await page.locator('#metrics-0 tr[data-metric=auc] td').first().click();
    await page.locator('#gates-1 tr.finding').first().click();
    await page.locator('#code .cell-change[data-cell=c-train]').click();
    await page.locator('#slices-0 tr[data-group=east]').hover();
    await page.locator('#slices-0 tr[data-group=east] vscode-button.comment').click();
    await page.locator('#metrics-0 tr[data-metric=auc]').hover();
    await page.locator('#metrics-0 tr[data-metric=auc] vscode-button.comment').click();
    assert.equal(await page.locator('#metrics-0 tr[data-metric=auc] vscode-button.comment').textContent(), 'Discuss');
    await page.locator('#flips-0 .flip-summary vscode-button.comment').click();
    await page.locator('[data-notebook-code="notebooks/churn.mlnb"] vscode-button.notebook-diff').click();
    assert.deepEqual(await posted(), [
      { type: 'openCell', payload: { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval' } },
      { type: 'openCell', payload: { notebook: 'notebooks/penguins.mlnb', cellId: 'p-eval' } },
      { type: 'openCell', payload: { notebook: 'notebooks/churn.mlnb', cellId: 'c-train' } },
      { type: 'startThread', payload: { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', metric: 'auc', slice: 'region=east' } },
      { type: 'startThread', payload: { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', metric: 'auc' } },
      { type: 'startThread', payload: { notebook: 'notebooks/churn.mlnb', cellId: 'c-eval', metric: 'flips' } },
      { type: 'showNotebookDiff', payload: { notebook: 'notebooks/churn.mlnb' } },
    ]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('redraws the charts in the new colours when VS Code switches the theme live', async () => {
    const { page, problems } = await openPanel('light');
    await page.evaluate(() => {
      document.body.className = 'vscode-dark';
    });
    await page.waitForFunction(() => document.querySelector('[data-chart="forest-0"] svg .role-axis-label text')?.getAttribute('fill') === 'rgb(204, 204, 204)');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
