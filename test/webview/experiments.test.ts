import { strict as assert } from 'node:assert';
import type { Page } from 'playwright-core';
import { compareRuns } from '../../src/core/runs/compare';
import type { PanelRun } from '../../src/protocol/experiments';
import { startHarness, watchProblems, type Harness } from './harness';
import { makePanelRuns, makeRunRecord, sendRuns } from './runsFixture';
import type { RunRecord } from '../../src/core/runs/contract';
import { summarizeRun } from '../../src/core/runs/summary';
import { toMetricHistory } from '../../src/core/runs/metricHistory';
import { toPanelRun } from '../../src/core/runs/collect';

const DARK = 'body.vscode-dark { --vscode-editor-foreground: rgb(200, 201, 202); --vscode-foreground: rgb(200, 201, 202); --vscode-editor-background: #1e1e1e; }';
/** The panel as the PanelHost serves it (#root, media/panel.css), under the harness's strict CSP. */
const PAGE = (theme: string) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/media/panel.css"><style>${DARK}</style></head>
<body class="${theme}"><div id="root"></div><script type="module" src="/test/webview/pages/experiments-page.js"></script></body></html>`;

type Msg = { type: string; payload: any };

describe('webview/experiments (the Experiments panel) in Chromium', function () {
  this.timeout(60_000);
  let h: Harness;
  let runs: PanelRun[];
  before(async () => {
    h = await startHarness({ '/experiments': PAGE('vscode-light'), '/experiments-dark': PAGE('vscode-dark') });
    runs = makePanelRuns(10_000);
  });
  after(async () => h?.close());

  /** Opens the panel, answers `compare` like the host (core compareRuns on the full records), sends the runs. */
  async function open(viewport = { width: 1280, height: 800 }, theme: 'light' | 'dark' = 'light'): Promise<{ page: Page; problems: string[]; sent: Msg[]; ms: number }> {
    const page = await h.browser.newPage({ viewport });
    const problems = await watchProblems(page);
    const sent: Msg[] = [];
    await page.exposeFunction('__hostReceive', async (m: Msg) => {
      sent.push(m);
      if (m.type === 'compare') {
        const index = (id: string) => Number(id.slice(3));
        const comparison = compareRuns(m.payload.ids.map((id: string) => makeRunRecord(index(id))));
        const reply: unknown = { type: 'comparison', payload: { requestId: m.payload.requestId, ids: m.payload.ids, comparison } };
        await page.evaluate((r) => window.postMessage(r, '*'), reply as never);
      }
    });
    await page.goto(`${h.url}/experiments${theme === 'dark' ? '-dark' : ''}`);
    await page.waitForFunction(() => (window as any).__fromWebview.some((m: Msg) => m.type === 'ready'));
    const ms = await sendRuns(page, { runs, problems: [{ path: '.modelbook/runs/notes.txt', reason: 'not a run record' }] });
    return { page, problems, sent, ms };
  }

  const rowIds = (page: Page) => page.$$eval('.row[data-id]', (rows) => rows.map((r) => (r as HTMLElement).dataset.id!));
  const firstName = (page: Page) => page.locator('.row[data-id]').first().locator('.cell.name').textContent();

  it('renders 10,000 runs with only a window of rows in the DOM; scrolling shows later rows', async () => {
    const { page, problems, ms } = await open();
    // How fast is measured in bench/experimentsPanel.bench.ts; here only that it renders.
    console.log(`      10,000 runs: table interactive ${Math.round(ms)} ms after the message arrived`);
    const ids = await rowIds(page);
    assert.ok(ids.length > 10 && ids.length < 100, `a window of rows, got ${ids.length}`);
    assert.equal(ids[0], runs[9999].id, 'newest first');
    assert.match((await page.textContent('#summary')) ?? '', /^10000 runs/);
    assert.match((await page.textContent('#problems')) ?? '', /1 file is in \.modelbook\/runs but not readable/);
    await page.$eval('#viewport', (v) => (v.scrollTop = 24 * 5000));
    await page.waitForFunction((id) => !!document.querySelector(`.row[data-id="${id}"]`), runs[4999].id);
    const later = await rowIds(page);
    assert.ok(later.length < 100);
    assert.ok(!later.includes(runs[9999].id), 'the first rows left the DOM');
    // The host hears which rows are shown (tests in VS Code read it through the extension's API).
    await page.waitForFunction((id) => (window as any).__fromWebview.some((m: Msg) => m.type === 'rendered' && m.payload.rowIds.includes(id)), runs[4999].id);
    const rendered: Msg[] = await page.evaluate(() => (window as any).__fromWebview.filter((m: Msg) => m.type === 'rendered'));
    assert.ok(rendered.every((m) => m.payload.matched === 10_000 && m.payload.rowIds.length < 100));
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('sorts by clicking a header, and reverses on a second click', async () => {
    const { page, problems } = await open();
    await page.click('.hcell[data-key="name"]');
    await page.waitForFunction(() => document.querySelector('.row[data-id] .cell.name')?.textContent === 'LogisticRegression #1');
    assert.equal(await page.getAttribute('.hcell[data-key="name"]', 'aria-sort'), 'ascending');
    await page.click('.hcell[data-key="name"]');
    await page.waitForFunction(() => document.querySelector('.row[data-id] .cell.name')?.textContent?.startsWith('MLPClassifier #99'));
    assert.equal(await page.getAttribute('.hcell[data-key="name"]', 'aria-sort'), 'descending');
    assert.match((await firstName(page)) ?? '', /^MLPClassifier #99/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it("filters by expression, and shows a bad expression's error inline", async () => {
    const { page, problems } = await open();
    await page.locator('#filter input').fill('params.lr == 0.1 && metrics.auc > 0.9');
    const expected = runs.filter((r) => r.params.lr === 0.1 && (r.metrics.auc as number) > 0.9).length;
    await page.waitForFunction((n) => document.getElementById('summary')!.textContent!.startsWith(`${n} of 10000 runs`), expected);
    const shown = await page.$$eval('.row[data-id]', (rows) => rows.map((r) => (r as HTMLElement).dataset.id!));
    assert.ok(
      shown.every((id) => {
        const r = runs.find((x) => x.id === id)!;
        return r.params.lr === 0.1 && (r.metrics.auc as number) > 0.9;
      }),
    );
    await page.locator('#filter input').fill('metrics.auc >');
    await page.waitForFunction(() => document.getElementById('filter-error')!.textContent !== '');
    assert.match((await page.textContent('#filter-error')) ?? '', /column 14/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('compares two runs: differences highlighted, their loss histories as two lines', async () => {
    const { page, problems } = await open();
    const boxes = page.locator('.row[data-id] input[data-action=select]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.waitForFunction(() => document.getElementById('compare-count')?.textContent === '2 runs');
    assert.equal(await page.getAttribute('#compare-table tr[data-key="lr"]', 'class'), 'differs', 'runs 9999 and 9998 differ in lr');
    assert.equal(await page.getAttribute('#compare-table tr[data-key="library modelbook"]', 'class'), '', 'equal values are not highlighted');
    await page.waitForFunction(() => document.querySelectorAll('#history-chart svg .mark-line path').length === 2);
    assert.equal(await page.locator('#history-chart svg .mark-line path').count(), 2, 'one line per run');
    assert.match((await page.textContent('#history-chart')) ?? '', /loss by epoch/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('offers Model diff only for two selected evaluations, and asks the host for their diff', async () => {
    const { page, problems, sent } = await open();
    const boxes = page.locator('.row[data-id] input[data-action=select]');
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.waitForFunction(() => document.getElementById('compare-count')?.textContent === '2 runs');
    assert.equal(await page.locator('#model-diff').isVisible(), false, 'two fit runs: no model diff');
    // The host's answer for the same request, as if both runs were evaluations.
    const request = sent.filter((m) => m.type === 'compare').at(-1)!.payload as { requestId: number; ids: string[] };
    const comparison = compareRuns(request.ids.map((id) => ({ ...makeRunRecord(Number(id.slice(3))), kind: 'evaluation' as const })));
    const reply: unknown = { type: 'comparison', payload: { requestId: request.requestId, ids: request.ids, comparison } };
    await page.evaluate((r) => window.postMessage(r, '*'), reply as never);
    await page.locator('#model-diff').click();
    await page.waitForFunction(() => (window as any).__fromWebview.some((m: Msg) => m.type === 'modelDiff'));
    assert.deepEqual(
      sent.filter((m) => m.type === 'modelDiff').map((m) => m.payload),
      [{ ids: request.ids }],
    );
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows a chosen column, and applies live row deltas: a new epoch appears without a reload', async () => {
    const { page, problems } = await open();
    await page.click('#columns-box summary');
    await page.click('vscode-checkbox[data-key="epochs"]');
    await page.waitForSelector('.hcell[data-key="epochs"]');
    const post = (payload: unknown) => page.evaluate((json) => window.postMessage({ type: 'updateRuns', payload: JSON.parse(json) }, '*'), JSON.stringify(payload));
    const column = (await page.$$eval('.hcell', (hs) => hs.map((h) => (h as HTMLElement).dataset.key ?? ''))).indexOf('epochs');
    const epochsCell = async (id: string) => page.locator(`.row[data-id="${id}"] > div`).nth(column);
    const running = { ...runs[9999], status: 'running', recordedStatus: 'running', epochs: 3 };
    await post({ upsert: [running], remove: [], problems: [] });
    await page.waitForFunction((id) => document.querySelector(`.row[data-id="${id}"] .s-running`) !== null, running.id);
    assert.equal(await (await epochsCell(running.id)).textContent(), '3');
    await post({ upsert: [{ ...running, epochs: 4 }], remove: [runs[9998].id], problems: [] });
    await page.waitForFunction((id) => !document.querySelector(`.row[data-id="${id}"]`), runs[9998].id);
    assert.equal(await (await epochsCell(running.id)).textContent(), '4');
    assert.match((await page.textContent('#summary')) ?? '', /^9999 runs/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('draws a metric-vs-parameter chart and parallel coordinates of the matching runs', async () => {
    const { page, problems } = await open();
    await page.locator('#filter input').fill('notebook == "churn.mlnb" && startedAt >= "2026-01-07"');
    await page.waitForFunction(() => / of 10000 runs/.test(document.getElementById('summary')!.textContent!));
    const matched = Number((await page.textContent('#summary'))!.split(' ')[0]);
    await page.click('#charts summary');
    await page.waitForSelector('#scatter-chart svg .mark-symbol path');
    assert.equal(await page.locator('#scatter-chart svg .mark-symbol path').count(), matched, 'one point per matching run');
    await page.waitForSelector('#parallel-chart svg .mark-line path');
    assert.equal(await page.locator('#parallel-chart svg .mark-line path').count(), Math.min(matched, 300), 'one line per run');
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const viewport of [
    { width: 700, height: 900 },
    { width: 1400, height: 900 },
  ]) {
    it(`gives the charts their width at ${viewport.width}×${viewport.height} (container widths measure, marks are drawn)`, async () => {
      const { page, problems } = await open(viewport);
      await page.click('#charts summary');
      // 'attached', not 'visible': a chart squeezed to 0 px still has its paths, and this test must see it.
      await page.waitForSelector('#scatter-chart svg .mark-symbol path', { state: 'attached' });
      await page.waitForSelector('#parallel-chart svg .mark-line path', { state: 'attached' });
      for (const id of ['scatter-chart', 'parallel-chart']) {
        const box = await page.$eval(`#${id}`, (el) => ({
          box: el.getBoundingClientRect().width,
          svg: el.querySelector('svg')!.getBoundingClientRect().width,
          plot: (el.querySelector('svg .mark-symbol, svg .mark-line') as SVGGraphicsElement).getBBox().width,
        }));
        assert.ok(box.box >= Math.min(300, viewport.width / 2), `#${id} is ${box.box} px wide at a ${viewport.width} px panel`);
        assert.ok(box.plot > box.box * 0.5, `#${id} draws its marks across the box (marks ${box.plot} px in a ${box.box} px box)`);
        assert.ok(box.svg <= box.box + 1, `#${id} fits its box (svg ${box.svg} px, box ${box.box} px)`);
      }
      assert.deepEqual(problems, []);
      await page.close();
    });
  }

  /** A notebook's few runs, seconds apart: a fit, a 3-fold cross-validation (folds started after it), a later fit; none with a per-epoch history. */
  function fewRuns(): RunRecord[] {
    const t0 = Date.parse('2026-03-02T10:15:00Z');
    const run = (i: number, at: number, extra: Partial<RunRecord>): RunRecord =>
      ({ ...makeRunRecord(i), id: `01KFEW${String(i).padStart(20, '0')}`, startedAt: new Date(t0 + at * 1000).toISOString(), history: toMetricHistory([]), ...extra }) as RunRecord;
    const cv = run(2, 5, { name: 'cross-validation', kind: 'cv' });
    return [run(1, 1, { name: 'fit A' }), cv, ...[1, 2, 3].map((f) => run(2 + f, 5 + f * 3, { name: `fold ${f}`, kind: 'fit', parentId: cv.id })), run(6, 20, { name: 'fit B' })];
  }

  it("a notebook's few runs: folds under their cross-validation, start times to the second, comparison right below, no empty history picker", async () => {
    const records = fewRuns();
    const page = await h.browser.newPage({ viewport: { width: 1400, height: 900 } });
    const problems = await watchProblems(page);
    await page.exposeFunction('__hostReceive', async (m: Msg) => {
      if (m.type !== 'compare') return;
      const comparison = compareRuns(m.payload.ids.map((id: string) => records.find((r) => r.id === id)!));
      await page.evaluate((r) => window.postMessage(r, '*'), { type: 'comparison', payload: { requestId: m.payload.requestId, ids: m.payload.ids, comparison } } as never);
    });
    await page.goto(`${h.url}/experiments`);
    await page.waitForFunction(() => (window as any).__fromWebview.some((m: Msg) => m.type === 'ready'));
    await sendRuns(page, { runs: records.map((r) => toPanelRun(summarizeRun(r, `.modelbook/runs/${r.id}.json`))), problems: [] });
    const names = await page.$$eval('.row[data-id] .cell.name', (cells) => cells.map((c) => c.textContent));
    assert.deepEqual(names, ['fit B', 'cross-validation', 'fold 3', 'fold 2', 'fold 1', 'fit A'], 'newest first, the folds right under their cross-validation');
    assert.equal(await page.locator('.row.child').count(), 3);
    const started = page.locator('.row[data-id] .cell').filter({ hasText: /^2026-03-02/ });
    assert.deepEqual(await started.allTextContents(), ['2026-03-02 10:15:20', '2026-03-02 10:15:05', '2026-03-02 10:15:14', '2026-03-02 10:15:11', '2026-03-02 10:15:08', '2026-03-02 10:15:01']);
    const cut = await started.evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).length);
    assert.equal(cut, 0, 'the start times are not cut off');
    const boxes = page.locator('.row[data-id] input[data-action=select]');
    await boxes.nth(0).check();
    await boxes.nth(5).check();
    await page.waitForFunction(() => document.getElementById('compare-count')?.textContent === '2 runs');
    await page.waitForSelector('#compare-table tr');
    const gap = await page.evaluate(() => document.getElementById('compare')!.getBoundingClientRect().top - document.querySelector('.row[data-id]:last-child')!.getBoundingClientRect().bottom);
    assert.ok(gap < 60, `the comparison follows the table (gap ${gap} px)`);
    assert.ok(await page.evaluate(() => document.getElementById('compare-table')!.getBoundingClientRect().top < 900), 'the comparison is on screen without scrolling');
    assert.equal(await page.locator('#history-bar').isVisible(), false, 'no empty history picker');
    assert.match((await page.textContent('#history-none')) ?? '', /no metric history/);
    assert.equal(await page.locator('#history-none').isVisible(), true);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
