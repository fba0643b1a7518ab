import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { startHarness, watchProblems, type Harness } from './harness';
import { evaluatePredictions } from '../../src/core/evaluation/evaluate/fromPredictions';
import { metricsAtThreshold } from '../../src/core/evaluation/curves/thresholdTable';
import { formatNumber } from '../../src/core/text/number';
import type { EvaluationView } from '../../src/core/evaluation/contract';
import { penguins } from '../unit/core/evaluation/cases';

const DARK = 'body.vscode-dark { --vscode-editor-foreground: rgb(200, 201, 202); --vscode-foreground: rgb(200, 201, 202); background: #1e1e1e; }';
/** The panel as the PanelHost serves it (#root, media/panel.css), under the harness's strict CSP. */
const PANEL = (theme: string) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/media/panel.css"><style>${DARK}</style></head>
<body class="${theme}"><div id="root"></div><script type="module" src="/test/webview/pages/panel-page.js?bundle=evaluation"></script></body></html>`;
const RENDERER = `<!doctype html><html><head><meta charset="utf-8"></head><body class="vscode-light"><div id="out"></div><script type="module" src="/test/webview/pages/renderer-page.js"></script></body></html>`;

type Posted = { type: string; payload: Record<string, unknown> };
type Win = { posted: Posted[]; rendererPosted: Posted[]; sendToPanel(m: unknown): void; renderItem(mime: string, data: unknown): Promise<void> };

describe('webview/evaluation panel and compact report in Chromium', function () {
  this.timeout(60_000);
  let h: Harness;
  let binary: EvaluationView;
  let multiclass: EvaluationView;
  let regression: EvaluationView;

  before(async () => {
    h = await startHarness({ '/light': PANEL('vscode-light'), '/dark': PANEL('vscode-dark'), '/hc': PANEL('vscode-high-contrast vscode-dark'), '/renderer': RENDERER });
    binary = (
      await evaluatePredictions(
        { yTrue: penguins.sex, yScore: penguins.pMale, groups: { species: penguins.species } },
        {
          positiveLabel: 'MALE',
          name: 'sex model',
          baseline: { yScore: penguins.pMaleBaseline },
          baselineName: 'old model',
          gates: ['auc >= 0.9', 'recall[species] >= 0.95'],
          bootstrap: { resamples: 50, seed: 1 },
        },
      )
    ).view;
    const proba = { classes: penguins.speciesClasses, rows: penguins.species.length, data: Float64Array.from(penguins.pSpecies.flat()) };
    multiclass = (await evaluatePredictions({ yTrue: penguins.species, yProba: proba }, { name: 'species model', bootstrap: false })).view;
    regression = (
      await evaluatePredictions({ yTrue: penguins.features['Body Mass (g)'], yPred: penguins.massPred, groups: { sex: penguins.sex } }, { name: 'mass model', bootstrap: { resamples: 30 } })
    ).view;
  });
  after(async () => h?.close());

  /** Opens the panel, waits for its `ready`, sends setData and waits for `rendered`. */
  async function openPanel(view: EvaluationView, theme: 'light' | 'dark' | 'hc' = 'light'): Promise<{ page: Page; problems: string[]; rendered: Posted['payload'] }> {
    const page = await h.browser.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/${theme}`);
    await page.waitForFunction(() => (window as unknown as Win).posted?.some((m) => m.type === 'ready'));
    await page.evaluate((v) => (window as unknown as Win).sendToPanel({ type: 'setData', payload: { view: v } }), view);
    const rendered = await page.waitForFunction(() => (window as unknown as Win).posted.find((m) => m.type === 'rendered')?.payload);
    return { page, problems, rendered: (await rendered.jsonValue()) as Posted['payload'] };
  }

  const cellText = (page: Page, name: string) => page.locator(`.confusion-at-threshold [data-cell=${name}]`).textContent();

  it('draws a binary evaluation: ROC path, PR, a 2×2 confusion heatmap, metrics with the baseline, gates and slices, with no CSP violation', async () => {
    const { page, problems, rendered } = await openPanel(binary);
    assert.deepEqual(rendered.charts, ['roc', 'pr', 'calibration', 'confusion', 'thresholds', 'slice-0']);
    assert.ok((rendered.metrics as string[]).includes('ROC AUC'));
    await page.waitForSelector('[data-chart=roc] svg .mark-line path');
    assert.match((await page.locator('[data-chart=roc] svg .mark-line path').first().getAttribute('d')) ?? '', /^M[\d.]+,[\d.]+L/, 'the ROC curve is a drawn path');
    assert.equal(await page.locator('[data-chart=confusion] svg .mark-rect.role-mark path').count(), 4, 'one rect per confusion cell');
    const auc = page.locator('#metrics tr[data-metric=auc] td');
    assert.equal(await auc.nth(0).textContent(), 'ROC AUC');
    assert.match((await auc.nth(2).textContent()) ?? '', /^\[0\.9\d*, 0\.9\d*\]$/, 'with its interval');
    assert.match((await page.locator('#metrics thead').textContent()) ?? '', /old model.*Difference/, 'a baseline column and the difference');
    assert.equal(await page.locator('#gates li.gate.fail').count(), 1);
    assert.match((await page.locator('#gates li.gate.fail').textContent()) ?? '', /recall\[species\] >= 0\.95/);
    const sizes = await page.locator('[data-slice=species] table.groups tbody tr td:nth-child(2)').allTextContents();
    assert.equal(sizes.length, 3, 'a row per species');
    assert.equal(
      sizes.reduce((a, b) => a + Number(b), 0),
      binary.rows,
      'with its size',
    );
    assert.ok(await page.locator('[data-slice=species] [data-fairness=equalizedOddsDifference]').count());
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('moving the threshold slider recomputes the confusion matrix and the threshold metrics', async () => {
    const { page, problems } = await openPanel(binary);
    const at = (t: number) => metricsAtThreshold(binary.thresholdTable!, t);
    assert.equal(await cellText(page, 'tp'), String(at(0.5).tp), 'starts at the operating threshold 0.5');
    const before = { tp: await cellText(page, 'tp'), fp: await cellText(page, 'fp') };
    await page.locator('#threshold').evaluate((el) => {
      (el as HTMLInputElement).value = '0.8';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const expected = at(0.8);
    assert.equal(await cellText(page, 'tp'), String(expected.tp));
    assert.equal(await cellText(page, 'fn'), String(expected.fn));
    assert.notDeepEqual({ tp: await cellText(page, 'tp'), fp: await cellText(page, 'fp') }, before, 'a stricter threshold moves rows from TP/FP to FN/TN');
    assert.equal(await page.locator('.threshold-metrics [data-metric=recall]').textContent(), String(Number(expected.recall.toPrecision(4))));
    const slice = binary.slices[0];
    const g = slice.groups[0];
    const groupRecall = metricsAtThreshold({ thresholds: slice.thresholds!, ...g.thresholdCounts! }, 0.8).recall;
    assert.equal(
      await page.locator(`.slice-at-threshold tr[data-group="${g.key}"] [data-rate=recall]`).textContent(),
      String(Number(groupRecall.toPrecision(4))),
      "each group's recall follows the slider too",
    );
    assert.notEqual(groupRecall, metricsAtThreshold({ thresholds: slice.thresholds!, ...g.thresholdCounts! }, 0.5).recall);
    await page.waitForFunction((tp) => Array.from(document.querySelectorAll('[data-chart=confusion] svg .mark-text text')).some((t) => t.textContent === String(tp)), expected.tp);
    assert.equal(await page.locator('[data-chart=confusion] svg.marks').count(), 1, 'the redrawn matrix replaces the old one');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('exports a chart as SVG text and the report as Markdown through the host', async () => {
    const { page, problems } = await openPanel(binary);
    await page.locator('[data-chart=roc] vscode-button[data-export=svg]').click();
    const svg = (await (await page.waitForFunction(() => (window as unknown as Win).posted.find((m) => m.type === 'saveFile')?.payload)).jsonValue()) as {
      format: string;
      suggestedName: string;
      content: string;
    };
    assert.equal(svg.format, 'svg');
    assert.equal(svg.suggestedName, 'sex_model.roc.svg');
    assert.match(svg.content, /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    assert.match(svg.content, /ROC curve/);
    await page.locator('[data-chart=pr] vscode-button[data-export=png]').click();
    const png = (await (await page.waitForFunction(() => (window as unknown as Win).posted.filter((m) => m.type === 'saveFile')[1]?.payload)).jsonValue()) as { content: string };
    assert.match(png.content, /^data:image\/png;base64,iVBOR/);
    await page.locator('#export-markdown').click();
    const md = (await (await page.waitForFunction(() => (window as unknown as Win).posted.filter((m) => m.type === 'saveFile')[2]?.payload)).jsonValue()) as { format: string; content: string };
    assert.equal(md.format, 'markdown');
    assert.match(md.content, /^## Evaluation: sex model/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('draws one-vs-rest ROC and PR per class with micro/macro averages, the legend naming each class and its area (panel and cell)', async () => {
    const auc = (label: string) => formatNumber(multiclass.curves.rocPerClass!.find((c) => c.label === label)!.curve.area);
    const legend = (page: Page, chart: string) => page.locator(`[data-chart=${chart}] svg .role-legend-label text`).allTextContents();
    const { page, problems } = await openPanel(multiclass);
    // The chance diagonal plus Adelie, Chinstrap, Gentoo, micro and macro.
    assert.equal(await page.locator('[data-chart=roc] svg .mark-line path').count(), 1 + 3 + 2);
    const rocLegend = await legend(page, 'roc');
    assert.deepEqual(
      rocLegend.map((t) => t.replace(/ \(AUC .*\)$/, '')),
      [...penguins.speciesClasses, 'micro-average', 'macro-average'],
    );
    assert.equal(rocLegend[1], `${penguins.speciesClasses[1]} (AUC ${auc(penguins.speciesClasses[1])})`);
    assert.equal(await page.locator('[data-chart=pr] svg .mark-line path').count(), 3 + 1);
    assert.deepEqual(
      (await legend(page, 'pr')).map((t) => t.replace(/ \(AP .*\)$/, '')),
      [...penguins.speciesClasses, 'micro-average'],
    );
    assert.deepEqual(problems, []);
    await page.close();
    const cell = await h.browser.newPage();
    const cellProblems = await watchProblems(cell);
    await cell.goto(`${h.url}/renderer`);
    await cell.waitForFunction(() => typeof (window as unknown as Win).renderItem === 'function');
    await cell.evaluate((v) => (window as unknown as Win).renderItem('application/vnd.modelbook.evaluation+json', v), multiclass);
    await cell.waitForSelector('.modelbook-evaluation [data-chart=roc] svg .mark-line path');
    assert.equal(await cell.locator('.modelbook-evaluation [data-chart=roc] svg .mark-line path').count(), 6);
    assert.equal((await cell.locator('.modelbook-evaluation [data-chart=roc] svg .role-legend-label text').allTextContents()).length, 5);
    assert.deepEqual(cellProblems, []);
    await cell.close();
  });

  it('draws what each task has: multiclass confusion 3×3, regression residuals, no threshold slider for either', async () => {
    const multi = await openPanel(multiclass);
    assert.equal(await multi.page.locator('[data-chart=confusion] svg .mark-rect.role-mark path').count(), 9);
    assert.equal(await multi.page.locator('#threshold').count(), 0);
    assert.deepEqual(multi.problems, []);
    await multi.page.close();
    const reg = await openPanel(regression);
    assert.deepEqual(reg.rendered.charts, ['residuals', 'residualHistogram', 'slice-0']);
    assert.ok((await reg.page.locator('[data-chart=residuals] svg .mark-symbol path').count()) > 100, 'a point per sampled row');
    assert.equal(await reg.page.locator('[data-slice=sex] table.groups tbody tr').count(), 2);
    assert.deepEqual(reg.problems, []);
    await reg.page.close();
  });

  it('follows the theme: axis colours from the VS Code theme variables, solid grid lines in high contrast', async () => {
    const fill = async (theme: 'light' | 'dark') => {
      const { page } = await openPanel(binary, theme);
      const f = await page.locator('[data-chart=roc] svg .role-axis-label text').first().getAttribute('fill');
      await page.close();
      return f;
    };
    assert.equal(await fill('dark'), 'rgb(200, 201, 202)');
    assert.notEqual(await fill('light'), 'rgb(200, 201, 202)');
    const gridOpacity = async (theme: 'light' | 'hc') => {
      const { page } = await openPanel(binary, theme);
      const o = await page.locator('[data-chart=roc] svg .role-axis-grid line').first().getAttribute('stroke-opacity');
      await page.close();
      return o;
    };
    assert.equal(await gridOpacity('hc'), '1', 'high contrast: solid grid lines');
    assert.notEqual(await gridOpacity('light'), '1');
  });

  it("follows a live theme switch: open charts redraw with the dark theme's axis colours, and still export", async () => {
    const { page, problems } = await openPanel(binary, 'light');
    const fills = () => page.locator('#charts svg .role-axis-label text').evaluateAll((ts) => [...new Set(ts.map((t) => t.getAttribute('fill')))]);
    assert.ok(!(await fills()).includes('rgb(200, 201, 202)'));
    await page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark'));
    await page.waitForFunction(() => Array.from(document.querySelectorAll('#charts svg .role-axis-label text')).every((t) => t.getAttribute('fill') === 'rgb(200, 201, 202)'));
    assert.equal(await page.locator('[data-chart=roc] svg').count(), 1, 'redrawn in place, not added');
    await page.locator('[data-chart=roc] vscode-button[data-export=svg]').click();
    const svg = (await (await page.waitForFunction(() => (window as unknown as Win).posted.find((m) => m.type === 'saveFile')?.payload)).jsonValue()) as { content: string };
    assert.match(svg.content, /fill="rgb\(200, 201, 202\)"/, 'the export is the redrawn chart');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('keeps the chosen threshold when the webview reloads and gets the same evaluation again', async () => {
    const { page } = await openPanel(binary);
    await page.locator('#threshold').evaluate((el) => {
      (el as HTMLInputElement).value = '0.3';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    const tp = await cellText(page, 'tp');
    // A second setData (what the host sends after a hidden panel says ready again) redraws with the saved state.
    await page.evaluate((v) => (window as unknown as Win).sendToPanel({ type: 'setData', payload: { view: v } }), binary);
    await page.waitForFunction(() => (window as unknown as Win).posted.filter((m) => m.type === 'rendered').length === 2);
    assert.equal(await page.locator('#threshold').inputValue(), '0.3');
    assert.equal(await cellText(page, 'tp'), tp);
    await page.close();
  });

  it('the compact cell report: verdict, headline metrics with intervals, gates, ROC + PR, and a button that asks for the panel', async () => {
    const page = await h.browser.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/renderer`);
    await page.waitForFunction(() => typeof (window as unknown as Win).renderItem === 'function');
    await page.evaluate((v) => (window as unknown as Win).renderItem('application/vnd.modelbook.evaluation+json', v), binary);
    assert.match((await page.locator('.modelbook-evaluation .verdict').textContent()) ?? '', /FAILED: 1\/2 gates/);
    assert.match((await page.locator('.modelbook-evaluation tr[data-metric=auc]').textContent()) ?? '', /ROC AUC0\.9\d*\[0\.9\d*, 0\.9\d*\]/);
    assert.equal(await page.locator('.modelbook-evaluation li.gate').count(), 2);
    assert.deepEqual(await page.locator('.modelbook-evaluation .chart').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.chart)), ['roc', 'pr']);
    await page.waitForSelector('.modelbook-evaluation [data-chart=roc] svg .mark-line path');
    const rendered = await page.evaluate(() => (window as unknown as Win).rendererPosted.find((m) => m.type === 'rendered')?.payload);
    assert.deepEqual(rendered?.charts, ['roc', 'pr']);
    await page.click('.modelbook-evaluation button.open-panel');
    const open = await page.evaluate(() => (window as unknown as Win).rendererPosted.find((m) => m.type === 'openEvaluation')?.payload);
    assert.equal((open?.view as EvaluationView | undefined)?.name, 'sex model', 'the button sends this evaluation');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
