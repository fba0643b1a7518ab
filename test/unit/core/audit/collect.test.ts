import { strict as assert } from 'node:assert';
import type { AuditFacts } from '../../../../src/core/audit/contract';
import { collectAudit } from '../../../../src/core/audit/collect';
import { renderAudit } from '../../../../src/core/audit/render';

const good = (): AuditFacts => ({
  subject: 'models/churn',
  pii: { scanned: [{ file: 'data/churn.csv', identifiers: [], sensitive: [{ column: 'gender', what: 'gender' }] }], unscanned: [] },
  fairness: { declared: ['gender'], declaredBy: 'governance', evaluated: ['gender'], evaluationRun: '01JEVAL' },
  card: { path: 'models/churn/card.md', packagePath: 'models/churn' },
  lineage: { kind: 'modelbook.lineage', version: 1, subject: { kind: 'package', ref: 'models/churn' }, nodes: [], gaps: [], complete: true },
  approvals: { required: ['risk'], missing: [], older: [], ref: 'models/churn' },
});

describe('collectAudit', () => {
  it('passes when every check passes', () => {
    const r = collectAudit(good());
    assert.equal(r.passed, true);
    assert.match(renderAudit(r, 'text'), /^PASS pii +no identifier columns in data\/churn.csv; sensitive attributes by name: gender/m);
  });

  it('fails each check with its fix', () => {
    const f = good();
    f.pii.scanned[0].identifiers = [{ column: 'email', what: 'email' }];
    f.fairness.evaluated = [];
    f.card = { packagePath: 'models/churn' };
    f.lineage = { ...f.lineage, gaps: ["the package's evaluation run 01JEVAL is not in .modelbook/runs: commit it"], complete: false };
    f.approvals = { required: ['risk'], missing: ['risk'], older: ['risk'], ref: 'models/churn' };
    const r = collectAudit(f);
    assert.equal(r.passed, false);
    const fixes = Object.fromEntries(r.checks.map((c) => [c.name, c.fix]));
    assert.match(fixes.pii!, /drop or pseudonymise email/);
    assert.match(fixes.fairness!, /slices: \["gender"\]/);
    assert.match(fixes.card!, /models\/churn\/card.md/);
    assert.match(fixes.lineage!, /commit it/);
    assert.equal(fixes.approvals, 'npx modelbook approve models/churn --role risk');
    assert.match(renderAudit(r, 'md'), /\| ❌ fail \| approvals \| no current approval from risk \(risk approved an older version\)/);
  });

  it('without declared attributes takes the evaluation’s slices; with none, fails', () => {
    const f = good();
    f.fairness = { declared: [], declaredBy: 'none', evaluated: ['Sex'], evaluationRun: '01JEVAL' };
    assert.equal(collectAudit(f).checks[1].passed, true);
    f.fairness.evaluated = [];
    assert.equal(collectAudit(f).checks[1].passed, false);
    f.pii = { scanned: [], unscanned: ['data/gone.csv'] };
    assert.match(collectAudit(f).checks[0].detail, /not found or not readable: data\/gone.csv/);
  });
});
