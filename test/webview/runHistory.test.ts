import { strict as assert } from 'node:assert';
import { buildRunHistory, runHistoryBundle } from '../../src/core/runs/inlineHistory';
import { MIME } from '../../src/core/notebook/mime';
import { startHarness, watchProblems, type Harness } from './harness';
import { makeRunRecord } from './runsFixture';

const PAGE = `<!doctype html><html><head><meta charset="utf-8"></head><body class="vscode-light"><div id="out"></div>
<script type="module" src="/test/webview/pages/renderer-messaging-page.js"></script></body></html>`;

describe('webview/renderer: the inline run history in Chromium', function () {
  this.timeout(60_000);
  let h: Harness;
  before(async () => {
    h = await startHarness({ '/history': PAGE });
  });
  after(async () => h?.close());

  it('shows the history table with a button that asks the extension to open the Experiments panel on this notebook', async () => {
    const records = [1, 5, 9].map(makeRunRecord).map((r) => ({ ...r, notebook: 'fraud.mlnb' }));
    const view = buildRunHistory(records, { current: records[2].id });
    view.notebook = 'fraud.mlnb';
    const data = runHistoryBundle(view)[MIME.runs];
    const page = await h.browser.newPage();
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/history`);
    await page.waitForFunction(() => typeof (globalThis as any).renderItem === 'function');
    await page.evaluate(([m, d]) => (globalThis as any).renderItem(m, d), [MIME.runs, data] as const);
    await page.waitForSelector('#out .mb-run-history tbody tr');
    assert.equal(await page.locator('#out .mb-run-history tbody tr').count(), 3);
    assert.equal(await page.locator('#out tr.current').count(), 1, 'the current run is highlighted');
    await page.click('button.modelbook-open-experiments');
    const posted = await page.evaluate(() => (globalThis as any).__posted);
    assert.deepEqual(posted, [{ type: 'openExperiments', payload: { notebook: 'fraud.mlnb', runIds: [records[2].id, records[1].id] } }]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('scrolls a wide history sideways in a half-width editor instead of clipping it', async () => {
    const records = [1, 5, 9].map(makeRunRecord).map((r) => ({ ...r, metrics: Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`fold${i}_accuracy`, 0.8 + i / 100])) }));
    const data = runHistoryBundle(buildRunHistory(records, { current: records[2].id }))[MIME.runs];
    const page = await h.browser.newPage({ viewport: { width: 500, height: 700 } });
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/history`);
    await page.waitForFunction(() => typeof (globalThis as any).renderItem === 'function');
    await page.evaluate(([m, d]) => (globalThis as any).renderItem(m, d), [MIME.runs, data] as const);
    await page.waitForSelector('#out .mb-run-history tbody tr');
    const box = await page.$eval('#out .mb-scroll', (el) => ({
      overflowX: getComputedStyle(el).overflowX,
      scrollWidth: el.scrollWidth,
      clientWidth: el.clientWidth,
      right: el.getBoundingClientRect().right,
    }));
    assert.equal(box.overflowX, 'auto');
    assert.ok(box.scrollWidth > box.clientWidth, `wider than its box (${box.scrollWidth} > ${box.clientWidth})`);
    assert.ok(box.right <= 500 && (await page.evaluate(() => document.documentElement.scrollWidth)) <= 500, 'nothing runs past the output');
    assert.deepEqual(problems, []);
    await page.close();
  });
});
