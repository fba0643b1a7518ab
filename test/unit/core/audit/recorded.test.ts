import { strict as assert } from 'node:assert';
import type { AuditFacts } from '../../../../src/core/audit/contract';
import { collectAudit } from '../../../../src/core/audit/collect';
import { collectRecordedPII } from '../../../../src/core/audit/recorded';
import { renderAudit } from '../../../../src/core/audit/render';
import { collectModelCard } from '../../../../src/core/card/collect';
import { renderCardMarkdown } from '../../../../src/core/card/renderMarkdown';
import { collectPIIFindingRefs } from '../../../../src/core/runs/structure';
import { cardInputs, IDS } from '../card/cardFixture';

/** The card fixture with the fit's training data carrying a recorded PII scan: e-mail addresses in 'contact', 'sex' by name. */
function withPII() {
  const inputs = cardInputs();
  const pii = collectPIIFindingRefs([
    { column: 'contact', name: { kind: 'identifier' }, values: [{ kind: 'email' }] },
    { column: 'sex', name: { kind: 'sensitiveAttribute' }, values: [] },
  ]);
  inputs.fit!.data[0].findings = [...pii, ...(inputs.fit!.data[0].findings ?? [])];
  return inputs;
}

describe('core/audit: the PII scans recorded with the data used', () => {
  it('the card lists the recorded PII of the training data', () => {
    const card = collectModelCard(withPII());
    assert.deepEqual(card.sections.trainingData.data[0].pii, [
      { kind: 'pii-email', severity: 'error', column: 'contact' },
      { kind: 'pii-sensitiveAttribute', severity: 'info', column: 'sex' },
    ]);
    assert.match(renderCardMarkdown(card), /pii-email\(contact\) error/);
  });

  it("fails the audit's PII line with the fix when a recorded scan found an identifier", () => {
    const inputs = withPII();
    const recorded = collectRecordedPII([inputs.evaluation, inputs.fit!]);
    assert.deepEqual(recorded, [
      { file: `test data of evaluation run ${IDS.evaluation}`, identifiers: [], sensitive: [] },
      { file: `train data of fit run ${IDS.fit}`, identifiers: [{ column: 'contact', what: 'email' }], sensitive: [{ column: 'sex', what: 'sex' }] },
    ]);
    const facts: AuditFacts = {
      subject: 'churn.mlnb',
      pii: { scanned: recorded, unscanned: [] },
      fairness: { declared: ['sex'], declaredBy: 'problem', evaluated: ['sex'], evaluationRun: IDS.evaluation },
      card: { path: 'modelCard() in churn.mlnb', missingSections: [] },
      lineage: { kind: 'modelbook.lineage', version: 1, subject: { kind: 'run', ref: IDS.evaluation }, nodes: [], gaps: [], complete: true },
      approvals: { required: [], missing: [], older: [], ref: IDS.evaluation },
    };
    const report = collectAudit(facts);
    const pii = report.checks.find((c) => c.name === 'pii')!;
    assert.equal(pii.passed, false);
    assert.match(pii.detail, new RegExp(`train data of fit run ${IDS.fit}: contact \\(email\\)`));
    assert.match(pii.fix!, /drop or pseudonymise contact/);
    assert.equal(report.passed, false);
    assert.match(renderAudit(report, 'text'), /^FAIL pii/m);
  });

  it('passes when the recorded scans found no identifier (sensitive attributes by name are allowed)', () => {
    const inputs = cardInputs();
    inputs.fit!.data[0].findings = collectPIIFindingRefs([{ column: 'sex', name: { kind: 'sensitiveAttribute' }, values: [] }]);
    const scanned = collectRecordedPII([inputs.fit!]);
    const check = collectAudit({
      subject: 'churn.mlnb',
      pii: { scanned, unscanned: [] },
      fairness: { declared: [], declaredBy: 'none', evaluated: ['sex'], evaluationRun: IDS.evaluation },
      card: {},
      lineage: { kind: 'modelbook.lineage', version: 1, subject: { kind: 'run', ref: IDS.evaluation }, nodes: [], gaps: [], complete: true },
      approvals: { required: [], missing: [], older: [], ref: IDS.evaluation },
    }).checks[0];
    assert.equal(check.passed, true);
    assert.match(check.detail, /sensitive attributes by name: sex/);
  });
});
