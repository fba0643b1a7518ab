import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, watchProblems, type Harness } from './harness';
import { THEME_CSS } from './monitorThemes';
import type { Lineage } from '../../src/core/lineage/contract';
import { isLineageFromWebview } from '../../src/vscode/webview/guards';

const FIT = '01JD5Z8X1Q2W3E4R5T6Y7Z8V9W';
const EVAL = '01JD5Z9A1Q2W3E4R5T6Y7Z8V9X';

/** A chain with every link, as collectLineage gives it for an exported, carded, approved and registered model. */
const FULL: Lineage = {
  kind: 'modelbook.lineage',
  version: 1,
  subject: { kind: 'run', ref: EVAL },
  nodes: [
    { kind: 'data', id: 'eec11533da9eb47f', label: 'penguins.json (train)', status: 'ok', detail: '200 rows × 5 columns' },
    { kind: 'data', id: '3f2a9c1b7d4e8f60', label: 'penguins.json (test)', status: 'ok', detail: '133 rows × 5 columns' },
    { kind: 'pipeline', id: FIT, label: 'StandardScaler → LogisticRegression', status: 'ok', detail: 'code 9a8b7c6d5e4f' },
    { kind: 'fit', id: FIT, label: 'Pipeline(LogisticRegression)', status: 'ok', detail: '2026-12-01T10:00:00.000Z' },
    { kind: 'evaluation', id: EVAL, label: 'penguin sex', status: 'ok', detail: 'gates 2/2 passed' },
    { kind: 'package', id: 'models/penguins', label: 'penguins (models/penguins)', status: 'ok', detail: 'content 4c1d2e3f4a5b' },
    { kind: 'card', id: 'models/penguins/card.md', label: 'card.md', status: 'ok', detail: 'sha256 0a1b2c3d4e5f' },
    { kind: 'review', id: 'rv-1', label: 'approve by Cy Peer', status: 'ok', detail: '2026-12-03T09:00:00.000Z' },
    { kind: 'approval', id: '20261201T090000000Z-ab12cd34ef56.json', label: 'risk by Ana Risk', status: 'older', detail: '2026-12-01T09:00:00.000Z; the card changed' },
    { kind: 'approval', id: '20261202T090000000Z-0f1e2d3c4b5a.json', label: 'model-owner by Bo Owner', status: 'ok', detail: '2026-12-02T09:00:00.000Z' },
    { kind: 'registry', id: 'penguins@2', label: 'penguins v2 (production)', status: 'ok', detail: 'models/penguins' },
  ],
  gaps: [],
  gapKinds: [],
  complete: true,
};

const NO_FIT = `evaluation run ${EVAL} does not name the fit run of its model (.modelbook/artifacts/${EVAL}/export/source.json): evaluate a model fitted in the notebook, or commit the artifacts`;
const BROKEN_PKG = 'package models/penguins cannot be trusted: model/model.json changed since export; re-export it';

/** A package whose evaluation names no fit run and whose model file changed after export. */
const BROKEN: Lineage = {
  kind: 'modelbook.lineage',
  version: 1,
  subject: { kind: 'package', ref: 'models/penguins' },
  nodes: [
    { kind: 'data', id: 'eec11533da9eb47f', label: 'train', status: 'ok', detail: '200 rows (from the package manifest)' },
    { kind: 'evaluation', id: EVAL, label: 'penguin sex', status: 'ok', detail: 'gates 2/2 passed' },
    { kind: 'package', id: 'models/penguins', label: 'models/penguins', status: 'broken', detail: 'model/model.json changed since export' },
  ],
  gaps: [NO_FIT, BROKEN_PKG],
  gapKinds: ['fit', 'package'],
  complete: false,
};

const PANEL = (theme: string) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/media/panel.css"><style>${THEME_CSS}</style></head>
<body class="${theme}"><div id="root"></div><script type="module" src="/test/webview/pages/panel-page.js?bundle=lineage"></script></body></html>`;

type Posted = { type: string; payload: Record<string, unknown> };
type Win = { posted: Posted[]; sendToPanel(m: unknown): void };

/** Where SCREENSHOTS=dir asks for the 1280×800 screenshots of each view and theme. */
const shotsDir = process.env.SCREENSHOTS;

describe('webview/lineage: the Lineage panel in Chromium', function () {
  this.timeout(60_000);
  let h: Harness;

  before(async () => {
    h = await startHarness({ '/light': PANEL('vscode-light'), '/dark': PANEL('vscode-dark') });
  });
  after(async () => h?.close());

  async function open(theme: 'light' | 'dark', lineage: Lineage): Promise<{ page: Page; problems: string[]; rendered: Posted['payload'] }> {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/${theme}`);
    await page.waitForFunction(() => (window as unknown as Win).posted?.some((m) => m.type === 'ready'));
    await page.evaluate((l) => (window as unknown as Win).sendToPanel({ type: 'setData', payload: { lineage: l } }), lineage as unknown);
    const rendered = await page.waitForFunction(() => (window as unknown as Win).posted.find((m) => m.type === 'rendered')?.payload);
    return { page, problems, rendered: (await rendered.jsonValue()) as Posted['payload'] };
  }

  async function shoot(page: Page, name: string): Promise<void> {
    if (!shotsDir) return;
    fs.mkdirSync(shotsDir, { recursive: true });
    await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
  }

  for (const theme of ['light', 'dark'] as const)
    it(`draws a full chain left to right with a box per link and solid edges (${theme}); no CSP violation`, async () => {
      const { page, problems, rendered } = await open(theme, FULL);
      assert.deepEqual(rendered, {
        subject: EVAL,
        nodes: ['data:ok', 'data:ok', 'pipeline:ok', 'fit:ok', 'evaluation:ok', 'package:ok', 'card:ok', 'review:ok', 'approval:older', 'approval:ok', 'registry:ok'],
        edges: 10,
        dashedEdges: 0,
      });
      assert.ok(isLineageFromWebview({ type: 'rendered', payload: rendered }), 'the host accepts what it reports');
      assert.equal(await page.locator('svg.lineage-graph g.node').count(), FULL.nodes.length);
      assert.equal(await page.locator('svg.lineage-graph path.edge').count(), 10);
      assert.equal(await page.locator('svg.lineage-graph path.edge.dashed').count(), 0);
      assert.match((await page.locator('header .summary').textContent()) ?? '', /Complete/);
      // Left to right: every layer's boxes start right of the previous layer's.
      const xs = await page.locator('svg.lineage-graph g.node').evaluateAll((gs) => gs.map((g) => [(g as SVGGElement).dataset.kind, g.getBoundingClientRect().x] as const));
      const x = (kind: string) => xs.find(([k]) => k === kind)![1];
      assert.ok(x('data') < x('pipeline') && x('pipeline') < x('fit') && x('fit') < x('evaluation') && x('evaluation') < x('package') && x('package') < x('card') && x('card') < x('registry'));
      // Each box says its kind, short id and status.
      const fit = page.locator('g.node[data-kind=fit]');
      assert.equal(await fit.locator('text.kind').textContent(), 'TRAINING RUN');
      assert.equal(await fit.locator('text.id').textContent(), '01JD5Z8X…8V9W');
      assert.equal(await fit.locator('text.status').textContent(), '✓ ok');
      assert.equal(await page.locator('g.node[data-kind=data] text.id').first().textContent(), 'eec11533da9e');
      assert.equal(await page.locator('g.node[data-kind=approval][data-status=older] text.status').textContent(), '~ older');
      // The graph fits a 1280-pixel panel.
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
      assert.ok(widths.doc <= widths.view, `no horizontal overflow (${widths.doc} > ${widths.view})`);
      await shoot(page, `lineage-full-${theme}`);
      assert.deepEqual(problems, []);
      await page.close();
    });

  for (const theme of ['light', 'dark'] as const)
    it(`draws a broken chain (${theme}): dashed red boxes with the fix text, dashed edges to them, the gaps listed`, async () => {
      const { page, problems, rendered } = await open(theme, BROKEN);
      assert.deepEqual(rendered, { subject: 'models/penguins', nodes: ['data:ok', 'fit:missing', 'evaluation:ok', 'package:broken'], edges: 3, dashedEdges: 3 });
      const gapBox = page.locator('g.node[data-key=gap-fit]');
      assert.equal(await gapBox.getAttribute('data-status'), 'missing');
      assert.equal(await gapBox.locator('text.status').textContent(), '✗ missing');
      const fix = await gapBox.locator('text.fix').allTextContents();
      assert.ok(fix.length > 2, 'the fix is wrapped over several lines');
      assert.match(fix.join(' '), /does not name the fit run/);
      assert.equal(await gapBox.locator('rect.box').evaluate((r) => getComputedStyle(r).strokeDasharray), '6px, 4px');
      const red = await page.evaluate(() => getComputedStyle(document.body).getPropertyValue('--vscode-errorForeground').trim());
      assert.equal(await gapBox.locator('rect.box').evaluate((r) => getComputedStyle(r).stroke), hexToRgb(red));
      assert.match((await page.locator('g.node[data-kind=package] text.fix').allTextContents()).join(' '), /cannot be trusted/);
      assert.equal(await page.locator('path.edge.dashed').count(), 3);
      assert.deepEqual(await page.locator('section.gaps li').allTextContents(), [NO_FIT, BROKEN_PKG]);
      assert.match((await page.locator('header .summary').textContent()) ?? '', /2 missing links/);
      await shoot(page, `lineage-broken-${theme}`);
      assert.deepEqual(problems, []);
      await page.close();
    });

  it('a click on a run’s box posts openRun with its id, which the host’s guard accepts; a click elsewhere posts nothing', async () => {
    const { page, problems } = await open('light', FULL);
    await page.locator('g.node[data-kind=package]').click();
    await page.locator('g.node[data-kind=data]').first().click();
    await page.locator('g.node[data-kind=evaluation]').click();
    await page.locator('g.node[data-kind=fit]').focus();
    await page.keyboard.press('Enter');
    const posted = await page.evaluate(() => (window as unknown as Win).posted.filter((m) => m.type === 'openRun'));
    assert.deepEqual(posted, [
      { type: 'openRun', payload: { runId: EVAL } },
      { type: 'openRun', payload: { runId: FIT } },
    ]);
    for (const m of posted) assert.ok(isLineageFromWebview(m), 'the host accepts it');
    assert.ok(!isLineageFromWebview({ type: 'openRun', payload: { runId: 'models/penguins' } }), 'and refuses anything but a run id');
    assert.deepEqual(problems, []);
    await page.close();
  });
});

function hexToRgb(hex: string): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgb(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255})`;
}
