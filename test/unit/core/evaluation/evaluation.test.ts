import { strict as assert } from 'node:assert';
import { evaluatePredictions } from '../../../../src/core/evaluation/evaluatePredictions';
import { Evaluation } from '../../../../src/core/evaluation/evaluation';
import { MIME_BUNDLE } from '../../../../src/core/display/mimeBundle';
import { richBundle } from '../../../../src/core/display/mimeBundle';
import { penguins } from './cases';

describe('core/evaluation Evaluation (reports and display)', () => {
  let ev: Evaluation;
  before(async () => {
    ev = await evaluatePredictions(
      { yTrue: penguins.sex, yScore: penguins.pMale, groups: { species: penguins.species } },
      { positiveLabel: 'MALE', name: 'sex model', baseline: { yScore: penguins.pMaleBaseline }, gates: ['auc >= 0.9', 'recall[species] >= 0.95'], bootstrap: { resamples: 100, seed: 1 } },
    );
  });

  it('shows itself in a cell as self-contained HTML plus text', () => {
    const bundle = richBundle(ev) as Record<string, string>;
    assert.deepEqual(Object.keys(bundle).sort(), ['text/html', 'text/plain']);
    const html = bundle['text/html'];
    assert.ok(!/<script/i.test(html) && !/ src=|href=/.test(html), 'no scripts, no external resources');
    assert.match(html, /Evaluation: sex model/);
    assert.match(html, /FAILED: 1\/2 gates/);
    assert.match(html, /✓ pass.*auc &gt;= 0\.9/s);
    assert.match(html, /✗ fail.*recall\[species\] &gt;= 0\.95/s);
    assert.match(html, /<svg[^>]*aria-label="ROC curve"/);
    assert.match(bundle['text/plain'], /^Evaluation of sex model \(binary, 333 rows/);
    assert.equal(ev[MIME_BUNDLE]()['text/plain'], String(ev));
  });

  it('writes Markdown with metrics, intervals, the baseline difference, gates and slices', () => {
    const md = ev.toMarkdown();
    assert.match(md, /^## Evaluation: sex model/);
    assert.match(md, /\*\*FAILED: 1\/2 gates\*\*/);
    assert.match(md, /\| ROC AUC \| 0\.95\d+ \| \[0\.9\d+, 0\.9\d+\] \| 0\.67\d+ \| 0\.28\d+ \|/);
    assert.match(md, /### Slice: species/);
    assert.match(md, /\| equalizedOddsDifference \| /);
  });

  it('escapes HTML in names and labels', async () => {
    const e = await evaluatePredictions({ yTrue: ['<b>', 'x', '<b>', 'x'], yScore: [0.9, 0.1, 0.8, 0.3] }, { positiveLabel: '<b>', name: '<img onerror=1>', bootstrap: false });
    assert.ok(!e.toHTML().includes('<img') && e.toHTML().includes('&lt;img onerror=1&gt;'));
  });

  it('round-trips through JSON and refuses other documents', () => {
    const back = Evaluation.fromJSON(JSON.parse(JSON.stringify(ev)));
    assert.deepEqual(back.view, ev.view);
    assert.equal(back.toMarkdown(), ev.toMarkdown());
    assert.throws(() => Evaluation.fromJSON({ kind: 'other' }), /not an evaluation view/);
    assert.throws(() => Evaluation.fromJSON({ ...ev.view, version: 99 }), /version 99 is not supported/);
  });

  it('answers metric, metrics, passed and atThreshold', () => {
    assert.equal(ev.passed, false);
    assert.equal(ev.metrics.auc, ev.metric('auc')?.value);
    const at = ev.atThreshold(0.5);
    assert.equal(at.recall, ev.metrics.recall);
    assert.ok(ev.charts.roc && ev.charts.slices.length === 1);
  });
});
