import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { approvalFileName, buildApprovalEntry, compareApproval, missingRoles, parseApprovalEntry, parseGovernance } from '../../../../src/core/approvals/entry';

const sha = (t: string) => createHash('sha256').update(t).digest('hex');
const by = { name: 'Ada Lovelace', email: 'ada@example.com' };
const subject = {
  run: { id: '01JEVAL', recordHash: 'a'.repeat(64) },
  package: { path: 'models/churn', name: 'churn', contentHash: 'b'.repeat(64) },
  card: { path: 'models/churn/card.md', hash: 'c'.repeat(64) },
};
const entry = () => buildApprovalEntry({ by, role: 'risk', at: '2026-12-07T10:00:00.000Z', note: 'thresholds ok', subject, gates: [{ name: 'auc >= 0.8', passed: true }] }, sha);

describe('approval entries', () => {
  it('carry the hash of their own content; an edited entry reads as tampered', () => {
    const e = entry();
    assert.equal(parseApprovalEntry(JSON.stringify(e), sha).tampered, false);
    const edited = { ...e, role: 'model-owner' };
    assert.equal(parseApprovalEntry(JSON.stringify(edited), sha).tampered, true);
    assert.equal(compareApproval(edited, true, {}).status, 'tampered');
    assert.equal(approvalFileName(e), `20261207T100000000Z-${e.hash.slice(0, 12)}.json`);
  });

  it('approved an older version when the run record, the package or the card changed, naming which', () => {
    const e = entry();
    assert.deepEqual(compareApproval(e, false, { run: 'a'.repeat(64), package: 'b'.repeat(64), card: 'c'.repeat(64) }), { status: 'current', reasons: [] });
    const older = compareApproval(e, false, { run: 'a'.repeat(64), package: 'b'.repeat(64), card: 'd'.repeat(64) });
    assert.equal(older.status, 'older');
    assert.deepEqual(older.reasons, ['card models/churn/card.md changed since']);
    assert.deepEqual(compareApproval(e, false, { package: null }).reasons, ['package models/churn is no longer there']);
    const noCard = buildApprovalEntry({ by, role: 'risk', at: '2026-12-07T10:00:00.000Z', subject: { package: subject.package }, gates: [] }, sha);
    assert.deepEqual(compareApproval(noCard, false, { package: 'b'.repeat(64), card: 'e'.repeat(64) }).reasons, ['package models/churn got a card since']);
  });

  it('missing roles count only current approvals; bad roles and governance files are refused with the fix', () => {
    assert.deepEqual(
      missingRoles(
        ['model-owner', 'risk'],
        [
          { role: 'risk', status: 'current' },
          { role: 'model-owner', status: 'older' },
        ],
      ),
      ['model-owner'],
    );
    assert.throws(() => buildApprovalEntry({ by, role: 'Risk Officer', at: 'x', subject, gates: [] }, sha), /is not a role name/);
    assert.deepEqual(parseGovernance('{"requiredRoles":["risk"]}', 'g.json'), { requiredRoles: ['risk'] });
    assert.throws(() => parseGovernance('{"requiredRoles":"risk"}', 'g.json'), /expected e.g. \{"requiredRoles"/);
  });
});
