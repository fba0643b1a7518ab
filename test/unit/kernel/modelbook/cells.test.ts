import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { KernelSession } from '../../../../src/kernel/host/session';
import { makeWorkspace, newSession, run } from '../helpers';

describe('kernel/modelbook data in cells (real sandboxed kernel)', function () {
  this.timeout(60_000);
  let ws: string;
  let session: KernelSession;

  before(() => {
    ws = makeWorkspace();
    fs.mkdirSync(path.join(ws, 'data'));
    fs.writeFileSync(path.join(ws, 'data', 'customers.csv'), 'id,email,age,churn\n1,ann@example.com,34,no\n2,bob@example.org,51,yes\n3,cy@example.net,,no\n4,dee@example.com,29,no\n');
    session = newSession(ws);
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('loads a workspace file by a path relative to the notebook and shows the reports richly', async () => {
    const load = await run(session, "import { readCSV, qualityReport, profile, scanPII } from 'modelbook';\nconst t = await readCSV('data/customers.csv');\nt.numRows()");
    assert.equal(load.status, 'ok', JSON.stringify(load));
    assert.equal(load.text, '4');
    const q = await run(session, "qualityReport(t, { label: 'churn', ignore: ['id'] })");
    assert.equal(q.status, 'ok', JSON.stringify(q));
    assert.match(String(q.result?.['text/html']), /Data quality/);
    assert.match(String(q.result?.['text/html']), /age<\/b> age is missing in 1 of 4 rows/);
    const pii = await run(session, 'scanPII(t).flagged');
    assert.match(pii.text ?? '', /email/);
    const p = await run(session, "JSON.stringify(profile(t).column('age'))");
    assert.match(p.text ?? '', /"mean":38/);
  });

  it('reports a malformed row with the file and line in the cell error', async () => {
    fs.writeFileSync(path.join(ws, 'data', 'bad.csv'), 'a,b\n1,2\n3,4,5\n');
    const r = await run(session, "await readCSV('data/bad.csv')");
    assert.equal(r.status, 'error');
    assert.match(JSON.stringify(r), /data\/bad\.csv line 3: 3 fields, expected 2/);
  });
});
