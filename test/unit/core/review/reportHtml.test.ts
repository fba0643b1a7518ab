import { strict as assert } from 'node:assert';
import { renderDiffHtml } from '../../../../src/core/review/reportHtml';
import { renderDiffReport } from '../../../../src/store/review/renderDiffReport';
import { loadDiffFixture } from './diffFixture';

describe('core/review renderDiffHtml (the self-contained HTML report)', () => {
  const diff = loadDiffFixture();

  it('has the verdict and every section of every pair, and escapes what the diff carries', () => {
    const html = renderDiffHtml(diff);
    assert.ok(html.includes('head is significantly worse on auc (−0.0309 [−0.0451, −0.0178])'));
    for (const i of [0, 1]) for (const s of ['metrics', 'flips', 'slices', 'params', 'model', 'data', 'gates', 'environment']) assert.ok(html.includes(`id="${s}-${i}"`), `section ${s}-${i}`);
    assert.ok(html.includes('id="code"') && html.includes('c-features'));
    assert.ok(!html.includes('<script>alert(1)</script>'), 'a row id from the data is escaped');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.includes('north &amp; &lt;east&gt;'));
    assert.match(html, /<tr class="newly-failing"><td><code>auc &gt;= 0\.85<\/code>/, 'the newly failing gate comes first, highlighted');
    assert.match(html, /@media print/);
    assert.match(html, /5,422 right and 1,010 wrong on both sides/, 'the flip matrix diagonal in words');
  });

  it('with charts: inline SVG, no script, no URL', async function () {
    this.timeout(30_000);
    const html = await renderDiffReport(diff);
    assert.equal((html.match(/<svg/g) ?? []).length, 8); // forest, ROC, PR, flips, slices · forest, flips, slices
    const curves = html.slice(html.indexOf('id="curves-0"'), html.indexOf('id="flips-0"'));
    assert.ok(curves.includes('data-chart="roc-0"') && curves.includes('data-chart="pr-0"'), 'ROC and PR side by side');
    assert.match(curves, /head \(AUC 0\.8426\)/);
    assert.match(curves, /base \(AUC 0\.8801\)/, 'base overlaid on head');
    assert.match(curves, /on the 7,043 rows both evaluated/);
    assert.equal(html.includes('id="curves-1"'), false, 'a pair without curves has no curves section');
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /https?:\/\//, 'nothing to fetch, not even a namespace URL');
    assert.doesNotMatch(html, /<link|@import|url\(/i);
  });
});
