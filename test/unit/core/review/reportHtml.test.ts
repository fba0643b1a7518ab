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
  });

  it('with charts: inline SVG, no script, no URL', async function () {
    this.timeout(30_000);
    const html = await renderDiffReport(diff);
    assert.equal((html.match(/<svg/g) ?? []).length, 6);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /https?:\/\//, 'nothing to fetch, not even a namespace URL');
    assert.doesNotMatch(html, /<link|@import|url\(/i);
  });
});
