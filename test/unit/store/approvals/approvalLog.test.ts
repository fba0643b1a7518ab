import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildApprovalEntry } from '../../../../src/core/approvals/entry';
import { listApprovals, writeApproval } from '../../../../src/store/approvals/approvalLog';
import { GovernanceWorkspace } from '../../../../src/store/lineage/workspace';
import { sha256Hex } from '../../../../src/store/package/writePackage';

describe('the approvals log', () => {
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-approvals-'))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  const entry = (role: string) =>
    buildApprovalEntry({ by: { name: 'Ada', email: 'ada@example.com' }, role, at: '2026-12-07T10:00:00.000Z', subject: { run: { id: '01JGONE', recordHash: 'a'.repeat(64) } }, gates: [] }, sha256Hex);

  it('never overwrites an existing entry file', () => {
    const e = entry('risk');
    const rel = writeApproval(dir, e);
    const file = path.join(dir, rel);
    fs.writeFileSync(file, 'already here');
    assert.throws(() => writeApproval(dir, e), /exists already: approvals are never rewritten/);
    assert.equal(fs.readFileSync(file, 'utf8'), 'already here');
  });

  it('flags an entry edited after it was written, and one whose run is gone as older', () => {
    const rel = writeApproval(dir, entry('risk'));
    writeApproval(dir, entry('model-owner'));
    const file = path.join(dir, rel);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('"risk"', '"model-owner"'));
    const { states } = listApprovals(new GovernanceWorkspace(dir));
    const byFile = Object.fromEntries(states.map((s) => [s.file, s]));
    assert.equal(byFile[rel].status, 'tampered');
    const other = states.find((s) => s.file !== rel)!;
    assert.equal(other.status, 'older');
    assert.deepEqual(other.reasons, ['run 01JGONE is no longer in .modelbook/runs']);
  });
});
