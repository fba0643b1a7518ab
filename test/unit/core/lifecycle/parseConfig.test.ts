import { strict as assert } from 'node:assert';
import { mergeLifecycle, notebookLifecycle, parseLifecycleConfig } from '../../../../src/core/lifecycle/parseConfig';
import { parseGovernance } from '../../../../src/core/approvals/entry';

describe('core/lifecycle: the lifecycle declaration', () => {
  it('reads a notebook’s metadata.modelbook.lifecycle, team ids included, and nothing when it declares none', () => {
    assert.deepEqual(notebookLifecycle({ modelbook: { lifecycle: { export: ['data-quality', 'our-own-check', 'data-quality'], promote: [] } } }, 'titanic.mlnb'), {
      export: ['data-quality', 'our-own-check'],
      promote: [],
    });
    assert.equal(notebookLifecycle({}, 'titanic.mlnb'), undefined);
    assert.equal(notebookLifecycle({ modelbook: { other: 1 } }, 'titanic.mlnb'), undefined);
  });

  it('refuses a bad value naming the file, the field and the fix', () => {
    const cases: [unknown, RegExp][] = [
      [['data-quality'], /titanic\.mlnb: metadata\.modelbook\.lifecycle is not an object; fix it to list checkpoint ids per step, e\.g\. \{"export": \[/],
      [{ export: 'data-quality' }, /metadata\.modelbook\.lifecycle \.export is not a list of checkpoint ids \(strings\)/],
      [{ export: ['fairness', 3] }, /\.export is not a list of checkpoint ids/],
      [{ export: [''] }, /\.export has an empty checkpoint id/],
      [{ deploy: ['fairness'] }, /has an unknown step "deploy" \(the steps are "export" and "promote"\)/],
    ];
    for (const [value, message] of cases) assert.throws(() => notebookLifecycle({ modelbook: { lifecycle: value } }, 'titanic.mlnb'), message);
  });

  it('governance.json declares one for every notebook, checked the same way', () => {
    assert.deepEqual(parseGovernance('{"requiredRoles":["risk"],"lifecycle":{"promote":["beats-baseline"]}}', '.modelbook/governance.json'), {
      requiredRoles: ['risk'],
      lifecycle: { promote: ['beats-baseline'] },
    });
    assert.deepEqual(parseGovernance('{"requiredRoles":[]}', '.modelbook/governance.json'), { requiredRoles: [] });
    assert.throws(
      () => parseGovernance('{"lifecycle":{"export":[true]}}', '.modelbook/governance.json'),
      /^RangeError: \.modelbook\/governance\.json: lifecycle \.export is not a list of checkpoint ids/,
    );
  });

  it('the notebook’s and the workspace’s declarations add up', () => {
    assert.deepEqual(mergeLifecycle({ export: ['data-quality'] }, undefined, { export: ['fairness', 'data-quality'], promote: ['beats-baseline'] }), {
      export: ['data-quality', 'fairness'],
      promote: ['beats-baseline'],
    });
    assert.deepEqual(mergeLifecycle(undefined, {}), {});
    assert.deepEqual(parseLifecycleConfig({}, 'f', 'lifecycle'), {});
  });
});
