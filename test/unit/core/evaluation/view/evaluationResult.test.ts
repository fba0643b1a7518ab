import { strict as assert } from 'node:assert';
import { evaluatePredictions } from '../../../../../src/core/evaluation/evaluate/fromPredictions';
import { Evaluation } from '../../../../../src/core/evaluation/view/evaluationResult';
import { MIME_BUNDLE } from '../../../../../src/core/display/mimeBundle';
import { richBundle } from '../../../../../src/core/display/mimeBundle';
import { penguins } from '../cases';

describe('core/evaluation Evaluation (reports and display)', () => {
  let ev: Evaluation;
  before(async () => {
    ev = await evaluatePredictions(
      { yTrue: penguins.sex, yScore: penguins.pMale, groups: { species: penguins.species } },
      { positiveLabel: 'MALE', name: 'sex model', baseline: { yScore: penguins.pMaleBaseline }, gates: ['auc >= 0.9', 'recall[species] >= 0.95'], bootstrap: { resamples: 100, seed: 1 } },
    );
  });

  it('shows itself in a cell as the evaluation view for the renderer, plus self-contained HTML and text', () => {
    const bundle = richBundle(ev) as Record<string, string>;
    assert.deepEqual(Object.keys(bundle).sort(), ['application/vnd.modelbook.evaluation+json', 'text/html', 'text/plain']);
    assert.deepEqual(JSON.parse(JSON.stringify(bundle['application/vnd.modelbook.evaluation+json'])), JSON.parse(JSON.stringify(ev.view)));
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

  it('keeps the view a cell output carries bounded: a 1M-row evaluation weighs about as much as a 10k-row one', async () => {
    const weigh = async (n: number) => {
      let seed = 7;
      const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const yTrue = new Array<number>(n);
      const yScore = new Float64Array(n);
      const group = new Array<string>(n);
      for (let i = 0; i < n; i++) {
        yTrue[i] = rand() < 0.3 ? 1 : 0;
        yScore[i] = 0.3 * yTrue[i] + 0.7 * rand();
        group[i] = `g${i % 5}`;
      }
      const e = await evaluatePredictions({ yTrue, yScore, groups: { group } }, { bootstrap: false });
      return JSON.stringify(e[MIME_BUNDLE]()['application/vnd.modelbook.evaluation+json']).length;
    };
    const small = await weigh(10_000);
    const large = await weigh(1_000_000);
    assert.ok(large < 200_000, `1M rows: ${large} bytes`);
    assert.ok(large < small * 1.5, `1M rows: ${large} bytes vs 10k rows: ${small} bytes`);
  });
});
