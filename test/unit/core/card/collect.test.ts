import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import Ajv from 'ajv';
import { collectModelCard } from '../../../../src/core/card/collect';
import { ANNEX_IV_ITEMS, type CardSource, type ModelCard } from '../../../../src/core/card/contract';
import { checkProblem } from '../../../../src/core/card/prose';
import { renderCardHf } from '../../../../src/core/card/renderHf';
import { renderCardJson } from '../../../../src/core/card/renderJson';
import { renderCardMarkdown } from '../../../../src/core/card/renderMarkdown';
import { renderCardMct } from '../../../../src/core/card/renderMct';
import { renderCardReport } from '../../../../src/store/card/renderCardReport';
import type { RunRecord } from '../../../../src/core/runs/contract';
import { FIXTURES, REPO } from '../../paths';
import { cardInputs, IDS } from './cardFixture';

/** Every `{ value, source }` in the card, with the path where it sits. */
function sourced(v: unknown, at = 'card', out: { at: string; value: unknown; source: CardSource }[] = []) {
  if (Array.isArray(v)) v.forEach((x, i) => sourced(x, `${at}[${i}]`, out));
  else if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    if ('value' in o && 'source' in o) out.push({ at, value: o.value, source: o.source as CardSource });
    else for (const [k, x] of Object.entries(o)) sourced(x, `${at}.${k}`, out);
  }
  return out;
}

/** A run record's field at a dotted path such as 'intervals.auc.low' or 'data[0].fingerprint.rows'. */
function fieldOf(record: RunRecord, field: string): unknown {
  return field
    .replace(/\[(\d+)\]/g, '.$1')
    .split('.')
    .reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], record);
}

describe('core/card: collectModelCard', () => {
  it('takes every number from a run record: each sourced value equals the field its source names', () => {
    const inputs = cardInputs();
    const card = collectModelCard(inputs);
    const records = new Map([inputs.evaluation, inputs.fit!, inputs.problem!, inputs.card!].map((r) => [r.id, r]));
    const all = sourced(card);
    assert.ok(all.length > 20, `${all.length} sourced values`);
    let checked = 0;
    for (const { at, value, source } of all) {
      assert.ok(card.runIds.includes(source.runId), `${at}: ${source.runId} is one of the card's runs`);
      if (source.field.startsWith('predictions.')) continue; // recomputed from the kept predictions, checked below
      assert.deepEqual(value, fieldOf(records.get(source.runId)!, source.field), `${at} = ${source.runId} ${source.field}`);
      checked++;
    }
    assert.ok(checked >= 12, `${checked} compared with their records`);
    assert.deepEqual(
      card.sections.metrics.metrics.map((m) => [m.name, m.value.value, m.interval?.low.value ?? null, m.interval?.high.value ?? null]),
      [
        ['accuracy', 0.8, null, null],
        ['auc', 0.8712, 0.79, 0.93],
        ['logLoss', null, null, null],
      ],
    );
    assert.equal(card.sections.metrics.threshold?.value, 0.42);
  });

  it('recomputes per-slice results from the kept predictions, with group sizes and small groups flagged', () => {
    const card = collectModelCard(cardInputs());
    const [bySex] = card.sections.quantitativeAnalyses.slicings;
    assert.deepEqual(bySex.columns, ['sex']);
    assert.equal(bySex.sensitive, true);
    assert.deepEqual(
      bySex.groups.map((g) => [g.key, g.rows.value, g.small]),
      [
        ['(missing)', 5, true],
        ['female', 40, false],
        ['male', 25, true],
      ],
    );
    const female = Array.from({ length: 40 }, (_, i) => i);
    const right = female.filter((i) => (i % 3 === 0 ? 'yes' : 'no') === (i % 5 === 0 ? 'yes' : 'no')).length;
    assert.equal(bySex.groups[1].metrics.accuracy.value, right / 40);
    assert.equal(bySex.gaps.accuracy, null, 'one large group: no gap');
  });

  it('lists required prose that is missing, per section and in total, and the Annex IV items it leaves open', () => {
    const card = collectModelCard(cardInputs({ intendedUse: 'Rank customers.', limitations: '  ' }));
    assert.deepEqual(card.missing, ['ethicalConsiderations.prose', 'caveatsAndRecommendations.limitations']);
    assert.deepEqual(card.sections.ethicalConsiderations.missing, ['prose']);
    assert.deepEqual(collectModelCard(cardInputs()).missing, []);
    const noCard = collectModelCard({ ...cardInputs(), card: undefined });
    assert.deepEqual(noCard.missing, ['intendedUse.primary', 'ethicalConsiderations.prose', 'caveatsAndRecommendations.limitations']);
    assert.equal(card.annexIv.length, ANNEX_IV_ITEMS.length);
    const row = (id: string) => card.annexIv.find((r) => r.item === id)!;
    assert.equal(row('8').status, 'unanswered');
    assert.match(row('8').note!, /declaration of conformity/);
    assert.equal(row('2(g)').status, 'answered');
    assert.equal(row('3').status, 'partial', 'limitations and ethics are not written');
    assert.match(renderCardMarkdown(card), /Missing required prose:\*\* ethicalConsiderations\.prose, caveatsAndRecommendations\.limitations/);
  });

  it('refuses a problem definition with a field left empty, naming it', () => {
    assert.throws(() => checkProblem({ objective: 'x', target: 'y', users: 'z', decision: '', successCriteria: 's', constraints: 'c' }), /problem: write decision/);
    assert.throws(() => checkProblem({ objective: 'x', colour: 'red' }), /unknown field "colour"/);
  });
});

describe('core/card: formats', () => {
  const card: ModelCard = collectModelCard(cardInputs());

  it('writes the same bytes for the same runs in every format', async () => {
    const again = collectModelCard(cardInputs());
    assert.equal(renderCardMarkdown(again), renderCardMarkdown(card));
    assert.equal(renderCardJson(again), renderCardJson(card));
    assert.equal(renderCardMct(again), renderCardMct(card));
    assert.equal(renderCardHf(again), renderCardHf(card));
    assert.equal(await renderCardReport(again), await renderCardReport(card));
  });

  it('JSON validates against schemas/model-card.schema.json (Ajv strict) and a broken card does not', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'model-card.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const doc = JSON.parse(renderCardJson(card)) as Record<string, unknown>;
    assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
    assert.equal(validate({ ...doc, missing: 'none' }), false);
  });

  it('lists review records and current or older sign-offs (with the role) in the reviews section, leaves tampered ones out, and still validates', () => {
    const entry = (role: string, at: string) => ({
      kind: 'modelbook.approval' as const,
      formatVersion: 1 as const,
      by: { name: `${role} person`, email: `${role}@example.com` },
      role,
      at,
      subject: { run: { id: IDS.evaluation, recordHash: 'ab'.repeat(32) } },
      gates: [],
      hash: 'cd'.repeat(32),
    });
    const withReviews = collectModelCard({
      ...cardInputs(),
      reviews: [
        {
          version: 1,
          id: '01JD0000000000000000000RV1',
          reviewer: { name: 'Grace', email: 'g@example.com' },
          verdict: 'approve',
          base: { runIds: [] },
          head: { runIds: [IDS.evaluation] },
          diffHash: '',
          createdAt: '2026-03-02T10:00:00.000Z',
        },
      ],
      approvals: [
        { file: '.modelbook/approvals/20260303T100000000Z-aaaaaaaaaaaa.json', entry: entry('risk', '2026-03-03T10:00:00.000Z'), status: 'older', reasons: ['run changed'] },
        { file: '.modelbook/approvals/20260304T100000000Z-bbbbbbbbbbbb.json', entry: entry('model-owner', '2026-03-04T10:00:00.000Z'), status: 'current', reasons: [] },
        { file: '.modelbook/approvals/20260305T100000000Z-cccccccccccc.json', entry: entry('forged', '2026-03-05T10:00:00.000Z'), status: 'tampered', reasons: ['edited'] },
      ],
    });
    assert.deepEqual(
      withReviews.sections.caveatsAndRecommendations.reviews.map((r) => [r.reviewer, r.role ?? '', r.status ?? '', r.headRunIds]),
      [
        ['Grace', '', '', [IDS.evaluation]],
        ['risk person', 'risk', 'older', [IDS.evaluation]],
        ['model-owner person', 'model-owner', '', [IDS.evaluation]],
      ],
    );
    const md = renderCardMarkdown(withReviews);
    assert.match(md, /\| risk person \| risk \| approve \(an older version\) \| 2026-03-03T10:00:00.000Z \|/);
    assert.doesNotMatch(md, /forged/);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'model-card.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    assert.ok(validate(JSON.parse(renderCardJson(withReviews))), JSON.stringify(validate.errors, null, 2));
  });

  it('the Model Card Toolkit export validates against the toolkit’s v0.0.2 schema', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'mct', 'model_card.schema.json'), 'utf8')) as Record<string, unknown>;
    // The toolkit's own file refers to "#definitions/graphic" (no slash), which no validator resolves; nothing we write uses graphics.
    const fixed = JSON.parse(JSON.stringify(schema).replace('"#definitions/graphic"', '"#/definitions/graphic"')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(fixed);
    const doc = JSON.parse(renderCardMct(card)) as { quantitative_analysis: { performance_metrics: { type: string; value: number; slice?: string }[] } };
    assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
    const metrics = doc.quantitative_analysis.performance_metrics;
    assert.deepEqual(
      metrics.find((m) => m.type === 'auc (95% CI low)'),
      { type: 'auc (95% CI low)', value: 0.79 },
    );
    assert.ok(metrics.some((m) => m.slice === 'sex=female' && m.type === 'accuracy'));
    assert.equal(validate({ ...doc, extra: 1 }), false);
  });

  it('Hugging Face README front matter carries model-index with the recorded metrics', () => {
    const hf = renderCardHf(card);
    const front = hf.slice(0, hf.indexOf('\n---\n'));
    assert.match(front, /model-index:\n {2}- name: "churn"/);
    assert.match(front, /- type: "auc"\n {12}value: 0\.8712\n {12}name: "auc \(95% CI 0\.79–0\.93\)"/);
    assert.doesNotMatch(front, /logLoss/, 'a metric that could not be computed is left out');
  });

  it('HTML is self-contained: inline SVG charts, no script, no URL, print CSS', async () => {
    const html = await renderCardReport(card);
    assert.match(html, /<div data-chart="metrics"><svg/);
    assert.match(html, /<div data-chart="slices-sex"><svg/);
    assert.doesNotMatch(html, /<script|https?:\/\//i);
    assert.match(html, /@media print/);
    assert.match(html, new RegExp(IDS.evaluation));
  });
});
