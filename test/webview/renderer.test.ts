import { strict as assert } from 'node:assert';
import { startHarness, watchProblems, type Harness } from './harness';
import { buildTrainingCurveSpec } from '../../src/core/training/trainingCurve';

/** A page that loads the notebook renderer the way VS Code does (an ES module with activate()). */
const PAGE = (theme: string) => `<!doctype html><html><head><meta charset="utf-8">
<style>body.vscode-dark { --vscode-editor-foreground: rgb(200, 201, 202); --vscode-foreground: rgb(200, 201, 202); background: #1e1e1e; }</style>
</head><body class="${theme}"><div id="out"></div><script type="module" src="/test/webview/pages/renderer-page.js"></script></body></html>`;

describe('webview/renderer in Chromium', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ '/light': PAGE('vscode-light'), '/dark': PAGE('vscode-dark') });
  });
  after(async () => h?.close());

  async function render(theme: 'light' | 'dark', mime: string, data: unknown, viewport = { width: 1280, height: 720 }) {
    const page = await h.browser.newPage({ viewport });
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/${theme}`);
    await page.waitForFunction(() => typeof (window as unknown as { renderItem?: unknown }).renderItem === 'function');
    await page.evaluate(([m, d]) => (window as unknown as { renderItem(m: string, d: unknown): Promise<void> }).renderItem(m as string, d), [mime, data] as const);
    return { page, problems };
  }

  it('renders a Vega-Lite bar chart as SVG marks, with no CSP violation (no eval)', async () => {
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      data: {
        values: [
          { a: 'x', b: 3 },
          { a: 'y', b: 5 },
          { a: 'z', b: 2 },
        ],
      },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
    };
    const { page, problems } = await render('light', 'application/vnd.vegalite.v5+json', spec);
    await page.waitForSelector('#out svg .mark-rect path');
    assert.equal(await page.locator('#out svg .mark-rect path').count(), 3);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('redraws charts in the new theme colours when VS Code switches theme live (body class, then --vscode-* variables)', async () => {
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      data: {
        values: [
          { a: 'x', b: 3 },
          { a: 'y', b: 5 },
        ],
      },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' } },
    };
    const { page, problems } = await render('light', 'application/vnd.vegalite.v5+json', spec);
    await page.waitForSelector('#out svg .role-axis-label text');
    const labelFill = () => page.locator('#out svg .role-axis-label text').first().getAttribute('fill');
    assert.notEqual(await labelFill(), 'rgb(200, 201, 202)');
    // As VS Code does it: rewrite the theme variables on the root element's style...
    await page.evaluate(() => document.documentElement.style.setProperty('--vscode-editor-foreground', 'rgb(10, 120, 30)'));
    await page.waitForFunction(() => document.querySelector('#out svg .role-axis-label text')?.getAttribute('fill') === 'rgb(10, 120, 30)');
    // ...and swap the body's theme classes (this page's dark theme sets its variables on body.vscode-dark).
    await page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark'));
    await page.waitForFunction(() => document.querySelector('#out svg .role-axis-label text')?.getAttribute('fill') === 'rgb(200, 201, 202)');
    assert.equal(await page.locator('#out svg .mark-rect path').count(), 2, 'one chart, drawn once');
    assert.equal(await page.locator('#out svg.marks').count(), 1, 'the earlier drawings are gone');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('(control) the harness does catch eval under its CSP', async () => {
    const page = await h.browser.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/light`);
    await page.addScriptTag({ url: '/test/webview/pages/uses-eval.js', type: 'module' });
    await page.waitForFunction(() => (window as unknown as { evalTried?: boolean }).evalTried === true);
    assert.ok(
      problems.some((p) => p.startsWith('csp: script-src')),
      problems.join('\n'),
    );
    await page.close();
  });

  it('follows the VS Code theme: axis labels use the editor foreground colour', async () => {
    const spec = {
      $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
      data: { values: [{ a: 1, b: 2 }] },
      mark: 'point',
      encoding: { x: { field: 'a', type: 'quantitative' }, y: { field: 'b', type: 'quantitative' } },
    };
    const { page, problems } = await render('dark', 'application/vnd.vegalite.v5+json', spec);
    await page.waitForSelector('#out svg .role-axis-label text');
    const fill = await page.locator('#out svg .role-axis-label text').first().getAttribute('fill');
    assert.equal(fill, 'rgb(200, 201, 202)');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('draws a falling training loss on a log axis, so the later epochs are told apart, with no CSP violation', async () => {
    const losses = [2.3, 0.4, 0.09, 0.03, 0.012];
    const epochs = losses.map((loss, i) => ({ epoch: i + 1, loss, valLoss: loss * 1.3, elapsedMs: 100 * (i + 1) }));
    const spec = buildTrainingCurveSpec({ title: 'MLPClassifier', epochs, maxEpochs: 5, elapsedMs: 500, backend: 'wasm', stopReason: 'maxIter' });
    const { page, problems } = await render('light', 'application/vnd.vegalite.v5+json', spec);
    await page.waitForSelector('#out svg .mark-line path');
    assert.equal(await page.locator('#out svg .mark-line path').count(), 2, 'training and validation lines');
    assert.equal(await page.locator('#out svg .mark-symbol.role-mark path').count(), 10, 'a point per epoch and series');
    assert.ok((await page.locator('#out svg .role-axis-title text').allTextContents()).includes('loss (log)'));
    // On a linear axis (180 px high, 0 to 3) the last three epochs (0.09, 0.03, 0.012) would sit within 5 px of each other.
    const training = await page.$$eval('#out svg .mark-symbol.role-mark path[aria-label*="training loss"]', (els) => els.map((el) => el.getBoundingClientRect().y));
    assert.equal(training.length, 5);
    assert.ok(training[4] - training[2] > 40, `the last three training points span ${training[4] - training[2]} px`);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('renders a paged table and pages through it', async () => {
    const rows = Array.from({ length: 23 }, (_, i) => [i, `name ${i}`, i % 2 === 0 ? null : i * 1.5]);
    const view = {
      columns: [
        { name: 'id', type: 'number' },
        { name: 'name', type: 'string' },
        { name: 'score', type: 'number' },
      ],
      rows,
      totalRows: 5000,
    };
    const { page, problems } = await render('light', 'application/vnd.modelbook.table+json', view);
    const body = page.locator('#out tbody tr');
    assert.equal(await body.count(), 10);
    assert.match((await page.locator('.modelbook-table-info').textContent()) ?? '', /rows 1–10 of 5000 \(first 23 loaded\) · 3 columns/);
    assert.equal(await page.locator('#out thead th').nth(2).textContent(), 'name');
    await page.click('button[data-action=next]');
    assert.equal(await page.locator('#out tbody tr').first().locator('td').nth(2).textContent(), 'name 10');
    await page.click('button[data-action=next]');
    assert.equal(await body.count(), 3, 'the last page holds the rest');
    assert.equal(await page.locator('button[data-action=next]').isDisabled(), true);
    await page.selectOption('select', '25');
    assert.equal(await body.count(), 23);
    assert.equal(await page.locator('#out tbody tr').nth(0).locator('td').nth(3).textContent(), 'null');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('scrolls a wide table sideways inside a narrow output, with tooltips on cut text', async () => {
    const columns = Array.from({ length: 16 }, (_, i) => ({ name: `fold_${i}_test_score`, type: i === 0 ? 'string' : 'number' }));
    const long = 'HistGradientBoostingClassifier(learning_rate=0.05, max_depth=6)';
    const rows = Array.from({ length: 5 }, (_, r) => [long, ...Array.from({ length: 15 }, (_, i) => 0.8 + (r * 15 + i) / 1000)]);
    const { page, problems } = await render('light', 'application/vnd.modelbook.table+json', { columns, rows, totalRows: 5 }, { width: 500, height: 700 });
    const box = await page.$eval('#out .modelbook-table-scroll', (el) => ({
      overflowX: getComputedStyle(el).overflowX,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      right: el.getBoundingClientRect().right,
    }));
    assert.equal(box.overflowX, 'auto');
    assert.ok(box.scrollWidth > box.clientWidth, `the table is wider than its box (${box.scrollWidth} > ${box.clientWidth})`);
    assert.ok(box.right <= 500, 'the scroll box fits the output');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= 500), 'the page itself does not get wider');
    await page.$eval('#out .modelbook-table-scroll', (el) => (el.scrollLeft = el.scrollWidth));
    const last = await page.$eval('#out thead th:last-child', (el) => el.getBoundingClientRect().right);
    assert.ok(last <= box.right + 1, 'scrolled to the end, the last column is in view');
    assert.equal(await page.locator('#out tbody tr').first().locator('td').nth(1).getAttribute('title'), long);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('wraps a long error message inside the output', async () => {
    const { page } = await render('light', 'application/vnd.modelbook.evaluation+json', { not: 'an evaluation', message: 'x'.repeat(400) }, { width: 500, height: 700 });
    await page.waitForSelector('#out pre');
    assert.match((await page.textContent('#out pre')) ?? '', /could not render/);
    assert.ok(await page.$eval('#out pre', (el) => el.scrollWidth <= el.clientWidth + 1 && el.getBoundingClientRect().right <= 500));
    await page.close();
  });
});
