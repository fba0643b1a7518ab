import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, watchProblems, type Harness } from './harness';
import { DARK_FOREGROUND, THEME_CSS } from './monitorThemes';
import type { MonitorReport } from '../../src/core/monitor/contract';
import { isMonitorReport } from '../../src/core/monitor/isMonitorReport';

/** Made by the real monitoring code on vega-datasets flights with a shift (test/fixtures/monitor/make-report.mjs). */
const FIXTURE = path.join(__dirname, '../../../test/fixtures/monitor/flights-shift.report.json');

const PANEL = (theme: string) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/media/panel.css"><style>${THEME_CSS}</style></head>
<body class="${theme}"><div id="root"></div><script type="module" src="/test/webview/pages/panel-page.js?bundle=monitor"></script></body></html>`;
const RENDERER = (theme: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>${THEME_CSS}</style></head><body class="${theme}"><div id="out"></div><script type="module" src="/test/webview/pages/renderer-page.js"></script></body></html>`;

type Posted = { type: string; payload: Record<string, unknown> };
type Win = { posted: Posted[]; rendererPosted: Posted[]; sendToPanel(m: unknown): void; renderItem(mime: string, data: unknown): Promise<void> };
const MONITOR_MIME = 'application/vnd.modelbook.monitor+json';

/** Where SCREENSHOTS=dir asks for the 1280×800 screenshots of each view and theme. */
const shotsDir = process.env.SCREENSHOTS;

describe('webview/monitor: Monitoring panel and compact report in Chromium', function () {
  this.timeout(60_000);
  let h: Harness;
  let report: MonitorReport;

  before(async () => {
    report = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as MonitorReport;
    assert.ok(isMonitorReport(report), 'the fixture is a report of this version');
    h = await startHarness({ '/light': PANEL('vscode-light'), '/dark': PANEL('vscode-dark'), '/renderer-light': RENDERER('vscode-light'), '/renderer-dark': RENDERER('vscode-dark') });
  });
  after(async () => h?.close());

  async function openPanel(theme: 'light' | 'dark'): Promise<{ page: Page; problems: string[]; rendered: Posted['payload'] }> {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/${theme}`);
    await page.waitForFunction(() => (window as unknown as Win).posted?.some((m) => m.type === 'ready'));
    await page.evaluate((r) => (window as unknown as Win).sendToPanel({ type: 'setData', payload: { report: r } }), report);
    const rendered = await page.waitForFunction(() => (window as unknown as Win).posted.find((m) => m.type === 'rendered')?.payload);
    return { page, problems, rendered: (await rendered.jsonValue()) as Posted['payload'] };
  }

  async function shoot(page: Page, name: string): Promise<void> {
    if (!shotsDir) return;
    fs.mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
    await page.screenshot({ path: path.join(shotsDir, `${name}-full.png`), fullPage: true });
  }

  for (const theme of ['light', 'dark'] as const)
    it(`draws every section from the flights report in the ${theme} theme: status, rules, drift table worst first, distribution and prediction charts with marks, quality, performance; no CSP violation`, async () => {
      const { page, problems, rendered } = await openPanel(theme);
      assert.equal(rendered.status, 'critical');
      assert.deepEqual((rendered.features as string[]).slice(0, 2), ['delay', 'origin'], 'the drifted features first');
      assert.deepEqual(rendered.charts, ['feature-delay', 'prediction']);
      assert.equal(rendered.selected, 'delay', 'the worst feature is selected first');
      assert.equal(await page.locator('header .status').textContent(), '✗ CRITICAL');
      assert.match((await page.locator('header .status-line').textContent()) ?? '', /2 of 4 features drifted/);
      // Rules: the fired critical ones first.
      const rules = page.locator('#rules li.rule');
      assert.equal(await rules.count(), report.rules.length);
      assert.equal(await rules.first().getAttribute('data-severity'), 'critical');
      assert.equal(await page.locator('#rules li.rule.fired').count(), report.rules.filter((r) => r.fired).length);
      // The drift table: one row per feature plus the prediction, PSI band and drift decision shown.
      const delay = page.locator('#drift tr[data-feature=delay]');
      assert.match((await delay.locator('[data-col=psi]').textContent()) ?? '', /major/);
      assert.equal(await delay.locator('[data-col=drifted]').textContent(), '✗ drifted');
      assert.equal(await page.locator('#drift tr[data-feature=distance] [data-col=drifted]').textContent(), 'stable');
      assert.equal(await page.locator('#drift tr[data-prediction]').count(), 1);
      // The selected feature's histogram: reference and current rects on the same bins.
      const bins = report.features.find((f) => f.name === 'delay')!.chart!.labels.length;
      assert.equal(await page.locator('[data-chart="feature-delay"] svg .mark-rect path').count(), 2 * bins, 'a reference and a current bar per bin');
      const heights = await page.locator('[data-chart="feature-delay"] svg .mark-rect path').evaluateAll((ps) => ps.map((p) => (p as SVGGraphicsElement).getBBox().height));
      assert.ok(heights.filter((x) => x > 1).length >= 10, `bars with height, got ${heights.join(', ')}`);
      assert.equal(await page.locator('[data-chart=prediction] svg .mark-rect path').count(), 2 * report.prediction!.chart!.labels.length);
      assert.deepEqual(await page.locator('[data-chart="feature-delay"] svg .role-legend-label text').allTextContents(), ['reference', 'current']);
      // Quality: the new airport, the missing distances, the invalid rows.
      assert.match((await page.locator('#quality li[data-problem=newCategories][data-feature=origin]').textContent()) ?? '', /NEW \(3,334\)/);
      assert.match((await page.locator('#quality li[data-problem=missing][data-feature=distance]').textContent()) ?? '', /5(\.0)?% missing/);
      assert.equal(await page.locator('#quality li[data-problem=invalid]').count(), 1);
      // Performance: every metric, the worse ones marked.
      assert.equal(await page.locator('#performance tbody tr').count(), report.performance!.metrics.length);
      assert.match((await page.locator('#performance tr[data-metric=auc]').textContent()) ?? '', /worse/);
      if (theme === 'dark')
        assert.equal(await page.locator('[data-chart="feature-delay"] svg .role-axis-label text').first().getAttribute('fill'), DARK_FOREGROUND, 'axis labels in the dark theme foreground');
      await shoot(page, `monitor-panel-${theme}`);
      assert.deepEqual(problems, []);
      await page.close();
    });

  it('selecting a feature (click, then the keyboard) draws its chart, posts selectFeature and keeps it in the webview state', async () => {
    const { page, problems } = await openPanel('light');
    await page.locator('#drift tr[data-feature=origin]').click();
    await page.waitForSelector('[data-chart="feature-origin"] svg .mark-rect path');
    assert.ok(report.features.find((f) => f.name === 'origin')!.chart!.labels.length > 20, 'more airports than bars');
    assert.equal(await page.locator('[data-chart="feature-origin"] svg .mark-rect path').count(), 2 * 20, "a reference and a current bar for each of the 19 largest airports and 'other'");
    const xLabels = await page.locator('[data-chart="feature-origin"] svg .role-axis-label text').allTextContents();
    assert.ok(xLabels.includes('other') && xLabels.includes('DFW'), xLabels.join(', '));
    assert.equal(await page.locator('#drift tr[data-feature=origin]').getAttribute('aria-selected'), 'true');
    await shoot(page, 'monitor-panel-origin-light');
    assert.equal(await page.locator('#drift tr[data-feature=delay]').getAttribute('aria-selected'), 'false');
    const posted = async () => (await page.evaluate(() => (window as unknown as Win).posted.filter((m) => m.type === 'selectFeature').map((m) => m.payload.name))) as string[];
    assert.deepEqual(await posted(), ['origin']);
    // Keyboard: the selected row has focus; ArrowDown moves to the next feature, Enter keeps it.
    await page.locator('#drift tr[data-feature=origin]').focus();
    await page.keyboard.press('ArrowDown');
    const next = await page.evaluate(() => (document.activeElement as HTMLElement).dataset.feature);
    assert.ok(next && next !== 'origin', `focus moved to the next row, got ${next}`);
    await page.waitForSelector(`[data-chart="feature-${next}"] svg .mark-rect path`);
    assert.deepEqual(await posted(), ['origin', next]);
    assert.equal(await page.locator('.feature-chart svg.marks').count(), 1, 'one chart at a time');
    // Reloaded (a hidden panel is destroyed), it comes back on the same feature.
    const state = await page.evaluate(() => (window as unknown as { acquireVsCodeApi(): { getState(): unknown } }).acquireVsCodeApi().getState());
    assert.deepEqual(state, { key: `${report.reference.source}|${report.current.source}|${report.createdAt}`, selected: next });
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('redraws its charts in the new colours when VS Code switches theme live', async () => {
    const { page, problems } = await openPanel('light');
    const fill = () => page.locator('[data-chart="feature-delay"] svg .role-axis-label text').first().getAttribute('fill');
    assert.notEqual(await fill(), DARK_FOREGROUND);
    await page.evaluate(() => document.body.classList.replace('vscode-light', 'vscode-dark'));
    await page.waitForFunction((fg) => document.querySelector('[data-chart="feature-delay"] svg .role-axis-label text')?.getAttribute('fill') === fg, DARK_FOREGROUND);
    await page.waitForFunction((fg) => document.querySelector('[data-chart=prediction] svg .role-axis-label text')?.getAttribute('fill') === fg, DARK_FOREGROUND);
    assert.equal(await page.locator('[data-chart="feature-delay"] svg.marks').count(), 1, 'redrawn, not added');
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const)
    it(`the cell output (${theme}) shows the compact report, and its button posts openMonitoring with the report`, async () => {
      const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const problems = await watchProblems(page);
      await page.goto(`${h.url}/renderer-${theme}`);
      await page.waitForFunction(() => typeof (window as unknown as Win).renderItem === 'function');
      await page.evaluate(([m, r]) => (window as unknown as Win).renderItem(m as string, r), [MONITOR_MIME, report] as const);
      await page.waitForSelector('#out .modelbook-monitor');
      assert.equal(await page.locator('#out .status').getAttribute('data-status'), 'critical');
      assert.equal(await page.locator('#out [data-part=rules] li.rule').count(), report.rules.filter((r) => r.fired).length, 'only the fired rules');
      assert.deepEqual(await page.locator('#out [data-part=drift] tbody tr[data-feature]').evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.feature)), [
        'delay',
        'origin',
        'destination',
        'distance',
      ]);
      assert.equal(await page.locator('#out [data-part=drift] tr[data-prediction]').count(), 1);
      assert.ok((await page.locator('#out [data-part=quality] li').count()) >= 4);
      assert.equal(await page.locator('#out [data-part=performance] tbody tr').count(), 6);
      assert.match((await page.locator('#out [data-part=performance] tbody tr').first().textContent()) ?? '', /worse/, 'worse metrics first');
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
      assert.ok(widths.doc <= widths.view, `no horizontal overflow (${widths.doc} > ${widths.view})`);
      await shoot(page, `monitor-cell-${theme}`);
      await page.locator('#out button.open-panel').click();
      const posted = await page.evaluate(() => (window as unknown as Win).rendererPosted.map((m) => m.type));
      assert.deepEqual(posted, ['monitorRendered', 'openMonitoring']);
      const sent = (await page.evaluate(() => (window as unknown as Win).rendererPosted[1].payload)) as { report: MonitorReport };
      assert.deepEqual(sent.report, report);
      assert.deepEqual(problems, []);
      await page.close();
    });
});
