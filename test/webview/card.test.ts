import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startHarness, watchProblems, type Harness } from './harness';
import { DARK_FOREGROUND, THEME_CSS } from './monitorThemes';
import { CARD_SECTIONS, MODEL_CARD_MIME, type ModelCard } from '../../src/core/card/contract';
import { formatNumber } from '../../src/core/text/number';
import { isModelCard } from '../../src/vscode/webview/guards';

/** Made by the real card code on the bundled Palmer penguins (test/fixtures/card/make-card.mjs). */
const FIXTURE = path.join(__dirname, '../../../test/fixtures/card/penguins.card.json');

const PANEL = (theme: string) => `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/media/panel.css"><style>${THEME_CSS}</style></head>
<body class="${theme}"><div id="root"></div><script type="module" src="/test/webview/pages/panel-page.js?bundle=card"></script></body></html>`;
const RENDERER = (theme: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><style>${THEME_CSS}</style></head><body class="${theme}"><div id="out"></div><script type="module" src="/test/webview/pages/renderer-page.js"></script></body></html>`;

type Posted = { type: string; payload: Record<string, unknown> };
type Win = { posted: Posted[]; rendererPosted: Posted[]; sendToPanel(m: unknown): void; renderItem(mime: string, data: unknown): Promise<void> };

/** Where SCREENSHOTS=dir asks for the 1280×800 screenshots of each view and theme. */
const shotsDir = process.env.SCREENSHOTS;

/** The fixture with its ethics prose left unwritten, listed as missing the way collectModelCard lists it. */
function withoutEthics(card: ModelCard): ModelCard {
  const copy = JSON.parse(JSON.stringify(card)) as ModelCard;
  copy.sections.ethicalConsiderations = { ...copy.sections.ethicalConsiderations, prose: '', missing: ['prose'] };
  copy.missing = ['ethicalConsiderations.prose'];
  return copy;
}

/**
 * The fixture with a declared attribute the evaluation kept no slice of (listed without metrics, as
 * collectCardFairness lists it) and two sign-offs from the approvals log: a current one with a role,
 * and one of an older version of the card.
 */
function withUnmeasuredAndSignOffs(card: ModelCard): ModelCard {
  const copy = JSON.parse(JSON.stringify(card)) as ModelCard;
  const q = copy.sections.quantitativeAnalyses;
  q.fairness = [...(q.fairness ?? []), { attribute: 'Tag', declared: true, reason: 'not-sliced' }];
  const headRunIds = [copy.sections.modelDetails.evaluationRunId];
  copy.sections.caveatsAndRecommendations.reviews = [
    { id: 'approval-1', reviewer: 'Ana Risk', verdict: 'approve', createdAt: '2026-12-01T09:00:00.000Z', headRunIds, role: 'risk', status: 'older' },
    { id: 'approval-2', reviewer: 'Bo Owner', verdict: 'approve', createdAt: '2026-12-02T09:00:00.000Z', headRunIds, role: 'model-owner' },
    { id: 'review-1', reviewer: 'Cy Peer', verdict: 'request-changes', createdAt: '2026-12-03T09:00:00.000Z', headRunIds },
  ];
  return copy;
}

/** The fixture with the session's checkpoint results and an export whose lifecycle gate was overridden. */
function withCheckpoints(card: ModelCard): ModelCard {
  const copy = JSON.parse(JSON.stringify(card)) as ModelCard;
  const runId = copy.sections.modelDetails.evaluationRunId;
  copy.sections.caveatsAndRecommendations.checkpoints = [
    { id: 'data-quality', title: 'Data quality', passed: true, problems: [], runId },
    { id: 'fairness', title: 'Fairness', passed: false, problems: ['the recall gap on Sex is 0.14, over the 0.1 limit'], runId },
  ];
  copy.sections.caveatsAndRecommendations.lifecycleOverrides = [{ step: 'export', reason: 'demo build for the review meeting', missing: ['fairness'], source: runId }];
  return copy;
}

describe('webview/card: Model Card panel and compact card in Chromium', function () {
  this.timeout(60_000);
  let h: Harness;
  let card: ModelCard;

  before(async () => {
    card = JSON.parse(fs.readFileSync(FIXTURE, 'utf8')) as ModelCard;
    assert.ok(isModelCard(card), 'the fixture is a card of this version');
    h = await startHarness({ '/light': PANEL('vscode-light'), '/dark': PANEL('vscode-dark'), '/renderer-light': RENDERER('vscode-light'), '/renderer-dark': RENDERER('vscode-dark') });
  });
  after(async () => h?.close());

  async function openPanel(theme: 'light' | 'dark', shown = card): Promise<{ page: Page; problems: string[]; rendered: Posted['payload'] }> {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/${theme}`);
    await page.waitForFunction(() => (window as unknown as Win).posted?.some((m) => m.type === 'ready'));
    await page.evaluate((c) => (window as unknown as Win).sendToPanel({ type: 'setData', payload: { card: c } }), shown as unknown);
    const rendered = await page.waitForFunction(() => (window as unknown as Win).posted.find((m) => m.type === 'rendered')?.payload);
    return { page, problems, rendered: (await rendered.jsonValue()) as Posted['payload'] };
  }

  async function shoot(page: Page, name: string, scrollTo?: string): Promise<void> {
    if (!shotsDir) return;
    fs.mkdirSync(shotsDir, { recursive: true });
    if (scrollTo) {
      await page.locator(scrollTo).evaluate((e) => e.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
      return;
    }
    await page.screenshot({ path: path.join(shotsDir, `${name}.png`) });
    await page.screenshot({ path: path.join(shotsDir, `${name}-full.png`), fullPage: true });
  }

  for (const theme of ['light', 'dark'] as const)
    it(`draws every Mitchell section, the Annex IV table and the charts with marks from the penguins card in the ${theme} theme; no CSP violation`, async () => {
      const { page, problems, rendered } = await openPanel(theme);
      assert.deepEqual(rendered.sections, [...CARD_SECTIONS.map((s) => s.id), 'annexIv']);
      assert.deepEqual(rendered.missing, [], 'the fixture card has all its prose');
      assert.deepEqual(rendered.charts, ['metrics', 'slices-Island', 'slices-Species', 'importance']);
      for (const { id, title } of CARD_SECTIONS) assert.equal(await page.locator(`section#${id} > h2`).textContent(), title);
      assert.equal(await page.locator('header h1').textContent(), 'Model card: penguin sex');
      assert.match((await page.locator('header .objective').textContent()) ?? '', /sex of a penguin/);
      // Metrics: one row per recorded metric, its value and both interval ends linked to the evaluation run.
      const metrics = card.sections.metrics.metrics;
      assert.equal(await page.locator('#metrics table.metrics tbody tr').count(), metrics.length);
      const auc = metrics.find((m) => m.name === 'auc')!;
      const aucLinks = page.locator('#metrics tr[data-metric=auc] button.run-link');
      assert.deepEqual(await aucLinks.evaluateAll((bs) => bs.map((b) => (b as HTMLElement).dataset.field)), ['metrics.auc', 'intervals.auc.low', 'intervals.auc.high']);
      assert.equal(await aucLinks.first().getAttribute('data-run'), auc.value.source.runId);
      assert.equal(await aucLinks.first().textContent(), '0.9644');
      assert.equal(await page.locator('#metrics li.gate.pass').count(), 2);
      // Data, slices (small groups flagged), importance, ethics, caveats, Annex IV.
      assert.equal(await page.locator('#evaluationData tr[data-role=test] button.run-link').textContent(), String(card.sections.evaluationData.data[0].rows.value));
      assert.equal(await page.locator('#trainingData ol li').count(), 1, 'the scaler before the estimator');
      assert.equal(await page.locator('#quantitativeAnalyses [data-slicing=Island] tr[data-group=Torgersen][data-small=true]').count(), 1);
      assert.match((await page.locator('#quantitativeAnalyses [data-slicing=Species] h3').textContent()) ?? '', /sensitive attribute/);
      // Fairness: a row per sensitive attribute, each of its four metrics linked to its source in the evaluation run.
      const fairness = card.sections.quantitativeAnalyses.fairness ?? [];
      assert.ok(fairness.length > 0 && fairness.every((f) => f.metrics), 'the fixture measured fairness (a binary task sliced by a declared attribute)');
      const fairRows = page.locator('#quantitativeAnalyses table.fairness tbody tr');
      assert.deepEqual(
        await fairRows.evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.attribute)),
        fairness.map((f) => f.attribute),
      );
      for (const f of fairness) {
        const row = page.locator(`#quantitativeAnalyses table.fairness tr[data-attribute=${f.attribute}]`);
        assert.match((await row.locator('td').first().textContent()) ?? '', f.declared ? /\(declared\)/ : /^[^(]*$/);
        assert.equal(await row.locator('td').nth(1).textContent(), String(f.groups));
        const links = await row.locator('button.run-link').evaluateAll((bs) => bs.map((b) => ({ run: (b as HTMLElement).dataset.run, field: (b as HTMLElement).dataset.field, text: b.textContent })));
        assert.deepEqual(
          links,
          Object.values(f.metrics!).map((m) => ({ run: m.source.runId, field: m.source.field, text: formatNumber(m.value) })),
        );
      }
      assert.equal(await page.locator('#quantitativeAnalyses table.fairness thead th').nth(2).textContent(), 'Demographic parity diff.');
      assert.equal(await page.locator('[data-chart=metrics] svg .mark-symbol path').count(), metrics.filter((m) => m.value.value !== null).length, 'a point per metric');
      assert.equal(await page.locator('[data-chart=slices-Species] svg .mark-rect path').count(), 3, 'a bar per species');
      assert.equal(await page.locator('[data-chart=importance] svg .mark-rect path').count(), 3, 'a bar per feature');
      assert.match((await page.locator('#ethicalConsiderations > .prose').textContent()) ?? '', /No people are affected/);
      // The split in words, not the record's JSON with its lineage fingerprints.
      const split = (await page.locator('#trainingData dl.facts dd').last().textContent()) ?? '';
      assert.match(split, /^trainTestSplit: .*seed 7.*stratify Sex.*\(this run used the train part\)$/);
      assert.doesNotMatch(split, /[{"]|parts/);
      assert.equal(await page.locator('#annexIv tbody tr').count(), card.annexIv.length);
      const links = await page.locator('button.run-link').count();
      assert.equal(rendered.links, links);
      assert.ok(links > 60, `every number is a link (${links})`);
      if (theme === 'dark')
        assert.equal(await page.locator('[data-chart=metrics] svg .role-axis-label text').first().getAttribute('fill'), DARK_FOREGROUND, 'axis labels in the dark theme foreground');
      await shoot(page, `card-panel-${theme}`);
      await shoot(page, `card-training-${theme}`, '#trainingData');
      assert.deepEqual(problems, []);
      await page.close();
    });

  for (const theme of ['light', 'dark'] as const)
    it(`says why a sensitive attribute was not measured, and shows each sign-off's role and whether it approved an older version (${theme})`, async () => {
      const { page, problems } = await openPanel(theme, withUnmeasuredAndSignOffs(card));
      const unmeasured = page.locator('#quantitativeAnalyses table.fairness tr[data-attribute=Tag]');
      assert.equal(await unmeasured.getAttribute('data-measured'), 'false');
      assert.equal(await unmeasured.locator('td.not-measured').textContent(), 'not measured: the evaluation kept no slice of this column');
      assert.equal(await unmeasured.locator('button.run-link').count(), 0, 'no number, so no link');
      assert.equal(await page.locator('#quantitativeAnalyses table.fairness tr[data-measured=true]').count(), card.sections.quantitativeAnalyses.fairness!.length);
      const reviews = await page.locator('#caveatsAndRecommendations li[data-review]').evaluateAll((ls) => ls.map((l) => l.textContent));
      assert.deepEqual(reviews, [
        '✓ approved (older version) by Ana Risk as risk, 2026-12-01T09:00:00.000Z',
        '✓ approved by Bo Owner as model-owner, 2026-12-02T09:00:00.000Z',
        '✗ changes requested by Cy Peer, 2026-12-03T09:00:00.000Z',
      ]);
      assert.equal(await page.locator('#caveatsAndRecommendations li[data-status=older] .older').count(), 1);
      await shoot(page, `card-fairness-${theme}`, '#quantitativeAnalyses [data-part=fairness]');
      await shoot(page, `card-signoffs-${theme}`, '#caveatsAndRecommendations');
      assert.deepEqual(problems, []);
      await page.close();
    });

  for (const theme of ['light', 'dark'] as const)
    it(`lists the checkpoint results and the lifecycle override with its reason under Caveats and Recommendations (${theme})`, async () => {
      const { page, problems } = await openPanel(theme, withCheckpoints(card));
      assert.deepEqual(await page.locator('#caveatsAndRecommendations ul.checkpoints li').allTextContents(), [
        '✓ Data quality (data-quality): passed',
        '✗ Fairness (fairness): the recall gap on Sex is 0.14, over the 0.1 limit',
      ]);
      assert.equal(await page.locator('#caveatsAndRecommendations ul.lifecycle-overrides li').textContent(), 'export overridden (missing fairness): demo build for the review meeting');
      await shoot(page, `card-checkpoints-${theme}`, '#caveatsAndRecommendations');
      assert.deepEqual(problems, []);
      await page.close();
    });

  for (const theme of ['light', 'dark'] as const)
    it(`shows the evaluation's confusion matrix under Metrics, each count a link to the record's confusion field (${theme})`, async () => {
      const { page, problems } = await openPanel(theme);
      const c = card.sections.metrics.confusion!;
      assert.ok(c.kind === 'binary', 'the penguins evaluation recorded its binary confusion');
      const table = page.locator('#metrics table.confusion');
      const titles = await page.locator('#metrics .sub h3').allTextContents();
      assert.ok(titles.includes('Confusion matrix at threshold 0.5 (rows)'), titles.join(' | '));
      const rows = await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.children).map((td) => td.textContent)));
      const f = (x: { value: number }) => formatNumber(x.value);
      assert.deepEqual(rows, [
        [c.negativeLabel, f(c.tn), f(c.fp), formatNumber(c.tn.value + c.fp.value)],
        [c.positiveLabel, f(c.fn), f(c.tp), formatNumber(c.fn.value + c.tp.value)],
      ]);
      await table.locator('tbody tr').nth(1).locator('button.run-link').nth(1).click();
      const posted = await page.evaluate(() => (window as unknown as Win).posted.filter((m) => m.type === 'openRun').map((m) => m.payload));
      assert.deepEqual(posted, [c.tp.source]);
      await shoot(page, `card-confusion-${theme}`, '#metrics .sub:has(table.confusion)');
      assert.deepEqual(problems, []);
      await page.close();
    });

  it('a clicked number posts openRun with its run and field; a section left unwritten is called out in place and in the header', async () => {
    const { page, problems, rendered } = await openPanel('light', withoutEthics(card));
    assert.deepEqual(rendered.missing, ['ethicalConsiderations.prose']);
    assert.match((await page.locator('#ethicalConsiderations .missing').textContent()) ?? '', /Missing: ethical considerations/);
    assert.match((await page.locator('header .missing').textContent()) ?? '', /ethical considerations/);
    assert.equal(await page.locator('nav.toc a.has-missing').textContent(), 'Ethical Considerations');
    await page.locator('#quantitativeAnalyses [data-slicing=Species] tr[data-group=Gentoo] button.run-link').first().click();
    const species = card.sections.quantitativeAnalyses.slicings.find((s) => s.columns[0] === 'Species')!;
    const posted = await page.evaluate(() => (window as unknown as Win).posted.filter((m) => m.type === 'openRun').map((m) => m.payload));
    assert.deepEqual(posted, [species.groups.find((g) => g.key === 'Gentoo')!.rows.source]);
    assert.deepEqual(problems, []);
    await page.close();
  });

  for (const theme of ['light', 'dark'] as const)
    it(`the cell output (${theme}) shows the compact card; its numbers post openRun and "Open card" posts openCard with the card`, async () => {
      const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
      const problems = await watchProblems(page);
      await page.goto(`${h.url}/renderer-${theme}`);
      await page.waitForFunction(() => typeof (window as unknown as Win).renderItem === 'function');
      await page.evaluate(([m, c]) => (window as unknown as Win).renderItem(m as string, c), [MODEL_CARD_MIME, card as unknown] as const);
      await page.waitForSelector('#out .modelbook-card');
      assert.match((await page.locator('#out .header strong').textContent()) ?? '', /penguin sex/);
      assert.match((await page.locator('#out [data-part=details]').textContent()) ?? '', /Pipeline\(StandardScaler → LogisticRegression\)/);
      assert.deepEqual(await page.locator('#out [data-part=metrics] tbody tr').evaluateAll((rs) => rs.map((r) => (r as HTMLElement).dataset.metric)), ['auc', 'accuracy', 'f1', 'precision', 'recall']);
      assert.equal(await page.locator('#out [data-part=gates] li.gate').count(), 2);
      assert.equal(await page.locator('#out [data-part=missing]').count(), 0, 'nothing missing');
      const widths = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, view: window.innerWidth }));
      assert.ok(widths.doc <= widths.view, `no horizontal overflow (${widths.doc} > ${widths.view})`);
      await shoot(page, `card-cell-${theme}`);
      await page.locator('#out [data-part=metrics] tr[data-metric=precision] button.run-link').first().click();
      await page.locator('#out button.open-panel').click();
      const posted = await page.evaluate(() => (window as unknown as Win).rendererPosted);
      assert.deepEqual(
        posted.map((m) => m.type),
        ['cardRendered', 'openRun', 'openCard'],
      );
      assert.deepEqual(posted[1].payload, card.sections.metrics.metrics.find((m) => m.name === 'precision')!.value.source);
      assert.deepEqual((posted[2].payload as { card: ModelCard }).card, card);
      assert.deepEqual(problems, []);
      await page.close();
    });

  it('the cell output calls out the required prose that is missing', async () => {
    const page = await h.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = await watchProblems(page);
    await page.goto(`${h.url}/renderer-light`);
    await page.waitForFunction(() => typeof (window as unknown as Win).renderItem === 'function');
    await page.evaluate(([m, c]) => (window as unknown as Win).renderItem(m as string, c), [MODEL_CARD_MIME, withoutEthics(card) as unknown] as const);
    await page.waitForSelector('#out [data-part=missing]');
    assert.match((await page.locator('#out [data-part=missing]').textContent()) ?? '', /Missing: ethical considerations/);
    assert.equal(await page.locator('#out .missing-count').textContent(), '1 required section missing');
    const rendered = await page.evaluate(() => (window as unknown as Win).rendererPosted.find((m) => m.type === 'cardRendered')?.payload);
    assert.deepEqual((rendered as { missing: string[] }).missing, ['ethicalConsiderations.prose']);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
