import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { CardSource, ModelCard } from '../../../../src/core/card/contract';
import { collectStakeholderReport } from '../../../../src/core/report/collect';
import { collectReportCharts } from '../../../../src/core/report/charts';
import type { ReportLine, StakeholderReport } from '../../../../src/core/report/contract';
import { applyRule, fillLine } from '../../../../src/core/report/numbers';
import { renderReportHtml, renderReportMarkdown } from '../../../../src/core/report/render';
import { findWorseGroups, twoProportionP } from '../../../../src/core/report/worseGroups';
import { FIXTURES } from '../../paths';

/** Made by the real card code on the bundled penguins (test/fixtures/card/make-card.mjs). */
const card = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'card/penguins.card.json'), 'utf8')) as ModelCard;
const PENGUINS = { who: 'penguins', flags: 'calls male', positive: 'are male', negative: 'are female' };

/** The card's value at a source: every Sourced number of the card, by run and field. */
function cardValues(c: ModelCard): Map<string, number> {
  const out = new Map<string, number>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (typeof v === 'object' && v !== null) {
      const o = v as { value?: unknown; source?: CardSource };
      if (o.source && typeof o.source.runId === 'string' && typeof o.value === 'number') out.set(`${o.source.runId} ${o.source.field}`, o.value);
      Object.values(v).forEach(walk);
    }
  };
  walk(c);
  return out;
}

const lines = (r: StakeholderReport, id: string): ReportLine[] => r.sections.find((s) => s.id === id)!.lines;

/** The card with one Species group made much worse (its accuracy lowered, its rows kept). */
function withWorseGentoo(c: ModelCard, accuracy: number): ModelCard {
  const copy = JSON.parse(JSON.stringify(c)) as ModelCard;
  const species = copy.sections.quantitativeAnalyses.slicings.find((s) => s.columns[0] === 'Species')!;
  species.groups.find((g) => g.key === 'Gentoo')!.metrics.accuracy.value = accuracy;
  return copy;
}

describe('core/report: the stakeholder report', () => {
  it('says how often it is right per 100 with the 95% interval, in the given words, from the card’s precision, recall, false positive rate and accuracy', () => {
    const r = collectStakeholderReport(card, PENGUINS);
    const said = lines(r, 'right').map((l) => fillLine(l));
    const m = (name: string) => card.sections.metrics.metrics.find((x) => x.name === name)!;
    const p100 = (v: number) => Math.round(100 * v);
    const precision = m('precision');
    assert.equal(said[0], `It was tested on ${card.sections.evaluationData.data[0].rows.value} penguins it had not seen while learning.`);
    // The counts at the threshold first (the evaluation record's confusion), then the same as rates per 100.
    const c = card.sections.metrics.confusion!;
    assert.ok(c.kind === 'binary');
    assert.equal(said[1], `Of the ${c.tp.value + c.fn.value} penguins that are male, it calls male ${c.tp.value} (${p100(c.tp.value / (c.tp.value + c.fn.value))}%) and misses ${c.fn.value}.`);
    assert.equal(said[2], `Of the ${c.tp.value + c.fp.value} penguins it calls male, ${c.fp.value} were wrong: they are female.`);
    assert.equal(said[3], `Out of 100 penguins it calls male, about ${p100(precision.value.value!)} are male (95% CI ${p100(precision.interval!.low.value)}–${p100(precision.interval!.high.value)}).`);
    assert.equal(said[3], 'Out of 100 penguins it calls male, about 91 are male (95% CI 85–96).');
    assert.match(said[4], /^Of 100 penguins that are male, it calls male about 88 \(95% CI 81–95\)\.$/);
    assert.match(said[5], /^Of 100 penguins that are female, it wrongly calls male about 8 \(95% CI 4–14\)\.$/);
    assert.equal(said[6], 'Overall it is right about 90 times in 100 (95% CI 85–94).');
  });

  it('words a multiclass evaluation per class (its precision and recall are averages over the classes), never as flags and positives', () => {
    const multi = JSON.parse(JSON.stringify(card)) as ModelCard;
    multi.sections.metrics.task = 'multiclass';
    delete multi.sections.metrics.confusion;
    multi.sections.metrics.metrics = multi.sections.metrics.metrics.filter((m) => m.name !== 'falsePositiveRate');
    const r = collectStakeholderReport(multi);
    const said = lines(r, 'right').map((l) => fillLine(l));
    assert.deepEqual(said.slice(1), [
      'When it names a class, it is right about 91 times in 100, on average over the classes (95% CI 85–96).',
      'Of 100 cases of a class, it names that class for about 88, on average over the classes (95% CI 81–95).',
      'Overall it is right about 90 times in 100 (95% CI 85–94).',
    ]);
    const chart = collectReportCharts(multi, r).find((c) => JSON.stringify(c.spec).includes('Out of 100'));
    assert.match(JSON.stringify(chart?.spec), /right when it names a class/);
    assert.doesNotMatch(JSON.stringify(chart?.spec), /flags|positives/);
  });

  it('every number in its sentences is its rule applied to the card value at its source, and no other number is typed into a sentence', () => {
    const r = collectStakeholderReport(card, PENGUINS);
    const values = cardValues(card);
    const prose = [card.problem && Object.values(card.problem), ...Object.values(card.sections).flatMap((s) => Object.values(s).filter((v) => typeof v === 'string'))]
      .flat()
      .filter((x): x is string => typeof x === 'string' && x !== '');
    const gateNames = card.sections.metrics.gates.map((g) => g.name);
    let checked = 0;
    for (const l of r.sections.flatMap((s) => s.lines)) {
      for (const n of l.numbers) {
        assert.equal(n.text, applyRule(n.value, n.rule));
        if (n.sources.length === 1) {
          const v = values.get(`${n.sources[0].runId} ${n.sources[0].field}`);
          assert.equal(v, n.value, `${n.sources[0].field}: the card holds ${v}, the report says ${n.value}`);
          checked++;
        }
      }
      // What is left of a sentence once the numbers, people's prose and gate rules are taken out holds no digit but the fixed "100", "95%" and "5%".
      let rest = l.template.replace(/\{\d+\}/g, '');
      for (const p of [...prose, ...gateNames].sort((a, b) => b.length - a.length)) rest = rest.split(p).join('');
      assert.doesNotMatch(rest.replace(/\b100\b|\b95%|\b5%/g, ''), /\d/, `a typed number in: ${l.template}`);
    }
    assert.ok(checked >= 15, `numbers checked against the card: ${checked}`);
  });

  it('finds no significantly worse group on the penguins (Chinstrap is lowest but within chance) and names the small group', () => {
    const found = findWorseGroups(card);
    assert.deepEqual(found.worse, []);
    assert.deepEqual(found.tested, [['Island'], ['Species']]);
    const said = lines(collectStakeholderReport(card, PENGUINS), 'worse').map((l) => fillLine(l));
    assert.ok(said.includes('The lowest is Species Chinstrap: right about 85 times in 100, on 33 penguins.'), said.join('\n'));
    assert.ok(said.includes('Too few to judge for Island: Torgersen (27).'), said.join('\n'));
  });

  it('a group significantly below the rest is named with its size, its rate, the others’ rate and the p-value (the two-proportion test equals scipy’s)', () => {
    assert.ok(Math.abs(twoProportionP(0.7, 200, 0.85, 800) / 7.866606982436396e-7 - 1) < 1e-9, 'scipy: 2·norm.sf(|z|) with the pooled variance');
    assert.ok(Math.abs(twoProportionP(33 / 40, 40, 0.9, 300) - 0.15249676401550716) < 1e-12);
    const worse = withWorseGentoo(card, 0.5);
    const found = findWorseGroups(worse);
    assert.deepEqual(
      found.worse.map((w) => w.group.key),
      ['Gentoo'],
    );
    const species = worse.sections.quantitativeAnalyses.slicings.find((s) => s.columns[0] === 'Species')!;
    const others = species.groups.filter((g) => g.key !== 'Gentoo');
    const restRows = others.reduce((a, g) => a + g.rows.value, 0);
    const rest = others.reduce((a, g) => a + g.metrics.accuracy.value! * g.rows.value, 0) / restRows;
    assert.equal(found.worse[0].restRows, restRows);
    assert.ok(Math.abs(found.worse[0].rest - rest) < 1e-12);
    const said = lines(collectStakeholderReport(worse, PENGUINS), 'worse').map((l) => fillLine(l));
    assert.equal(
      said[0],
      `For Species Gentoo (62 penguins) it is right about 50 times in 100, against about ${Math.round(100 * rest)} for the other ${restRows} — a gap unlikely to be chance (p = ${applyRule(found.worse[0].pValue, 'number')}).`,
    );
  });

  it('calls out prose that is not written instead of leaving it blank, and a failed gate', () => {
    const copy = JSON.parse(JSON.stringify(card)) as ModelCard;
    copy.sections.ethicalConsiderations.prose = '';
    copy.missing = ['ethicalConsiderations.prose'];
    copy.sections.metrics.gates[1].passed.value = false;
    const r = collectStakeholderReport(copy);
    const risks = lines(r, 'risks').map((l) => fillLine(l));
    assert.ok(risks.includes('Ethical considerations: not written yet — the model card lists it as missing.'));
    assert.ok(risks.includes('Check before release FAILED: accuracy >= 0.75 (it measured 0.8982).'));
    assert.match(renderReportMarkdown(r), /_The model card is missing required prose: ethicalConsiderations\.prose\._/);
    assert.match(fillLine(lines(r, 'right')[3]), /^Out of 100 cases it flags, about 91 are positive/, 'the default words');
  });

  it('has at most three charts, and Markdown and HTML are the same bytes for the same card; the HTML has no script and names no URL', () => {
    const r = collectStakeholderReport(card, PENGUINS);
    assert.deepEqual(
      collectReportCharts(card, r).map((c) => c.id),
      ['right', 'groups', 'importance'],
    );
    const again = collectStakeholderReport(JSON.parse(JSON.stringify(card)) as ModelCard, PENGUINS);
    assert.equal(renderReportMarkdown(again), renderReportMarkdown(r));
    const html = renderReportHtml(r, { right: '<svg><g></g></svg>' });
    assert.equal(renderReportHtml(again, { right: '<svg><g></g></svg>' }), html);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /https?:|file:|data:|\bsrc=|\bhref=/i);
    assert.match(html, /<span class="n" title="[0-9A-Z]{26} metrics\.precision">91<\/span>/);
  });
});
