import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import { collectModelCard } from '../../../../src/core/card/collect';
import { collectCardFairness } from '../../../../src/core/card/fairness';
import { renderCardJson } from '../../../../src/core/card/renderJson';
import { renderCardMarkdown } from '../../../../src/core/card/renderMarkdown';
import { renderCardMct } from '../../../../src/core/card/renderMct';
import { demographicParityDifference, demographicParityRatio, equalizedOddsDifference, equalOpportunityDifference } from '../../../../src/core/evaluation/fairness/fairness';
import { renderCardReport } from '../../../../src/store/card/renderCardReport';
import { REPO } from '../../paths';
import { cardInputs, IDS } from './cardFixture';

describe('core/card: fairness per sensitive attribute', () => {
  it("equals core's fairness functions on the same kept predictions, each number sourced to the evaluation", () => {
    const inputs = cardInputs();
    const set = inputs.predictions!;
    const card = collectModelCard(inputs);
    const [sex] = card.sections.quantitativeAnalyses.fairness!;
    assert.equal(sex.attribute, 'sex');
    assert.equal(sex.declared, true);
    assert.equal(sex.groups, 3, 'female, male and (missing)');
    const options = { sensitiveFeatures: set.slices!.sex, positiveLabel: 'yes' };
    const expected = {
      demographicParityDifference: demographicParityDifference(set.yTrue as string[], set.yPred as string[], options).value,
      demographicParityRatio: demographicParityRatio(set.yTrue as string[], set.yPred as string[], options).value,
      equalizedOddsDifference: equalizedOddsDifference(set.yTrue as string[], set.yPred as string[], options).value,
      equalOpportunityDifference: equalOpportunityDifference(set.yTrue as string[], set.yPred as string[], options).value,
    };
    for (const [name, value] of Object.entries(expected)) {
      assert.ok(Number.isFinite(value), `${name} is defined on the fixture`);
      const got = sex.metrics![name as keyof typeof expected];
      assert.equal(got.value, value, name);
      assert.deepEqual(got.source, { runId: IDS.evaluation, field: `predictions.fairness.sex.${name}` });
    }
  });

  it('measures every slice when no attribute is declared, and says why a declared one has no numbers', () => {
    const set = cardInputs().predictions!;
    assert.deepEqual(
      collectCardFairness(set, 'R', []).map((f) => [f.attribute, f.declared, f.metrics !== undefined]),
      [['sex', false, true]],
    );
    assert.deepEqual(
      collectCardFairness(set, 'R', ['age', 'sex']).map((f) => [f.attribute, f.reason ?? 'measured']),
      [
        ['age', 'not-sliced'],
        ['sex', 'measured'],
      ],
    );
    assert.deepEqual(
      collectCardFairness({ ...set, task: 'multiclass' }, 'R', ['sex']).map((f) => f.reason),
      ['not-binary'],
    );
  });

  it('shows in Markdown, HTML, our JSON (Ajv strict) and the Model Card Toolkit export', async () => {
    const inputs = cardInputs();
    inputs.problem!.params.sensitiveAttributes = ['sex', 'age'];
    const card = collectModelCard(inputs);
    const value = card.sections.quantitativeAnalyses.fairness!.find((f) => f.attribute === 'sex')!.metrics!.demographicParityDifference.value!;
    const md = renderCardMarkdown(card);
    assert.match(md, /Fairness/);
    assert.match(md, /Demographic parity diff\./);
    assert.match(md, /sex \(declared\)/);
    assert.match(md, /age \(declared\).*not measured: the evaluation kept no slice of this column/);
    assert.match(md, new RegExp(`${IDS.evaluation} predictions\\.fairness\\.sex`));
    const html = await renderCardReport(card);
    assert.match(html, /Equal opportunity diff\./);
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'model-card.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const doc = JSON.parse(renderCardJson(card)) as { sections: { quantitativeAnalyses: { fairness: unknown[] } } };
    assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
    assert.equal(doc.sections.quantitativeAnalyses.fairness.length, 2);
    const mct = JSON.parse(renderCardMct(card)) as { quantitative_analysis: { performance_metrics: { type: string; value: number; slice?: string }[] } };
    assert.deepEqual(
      mct.quantitative_analysis.performance_metrics.find((m) => m.type === 'demographicParityDifference'),
      { type: 'demographicParityDifference', value, slice: 'sex' },
    );
  });
});
