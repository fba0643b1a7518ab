import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { KernelSession } from '../../../../src/kernel/host/session';
import { makeWorkspace, newSession, readRunRecords } from '../helpers';

/**
 * A kernel killed in the middle of a recorded run cannot mark the run itself; the host, which sees
 * the kernel end, does, at once (not 30 s later when the heartbeat goes stale).
 */
describe('attack: the kernel dies while a recorded run is training', function () {
  this.timeout(60_000);
  let ws: string;
  let session: KernelSession;
  beforeEach(() => {
    ws = makeWorkspace();
    session = newSession(ws, { notebookPath: path.join(ws, 'n.mlnb') });
  });
  afterEach(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  const records = () => readRunRecords<{ status: string; kind: string; error?: { message: string } }>(ws);
  /** Starts a recorded fit whose first progress report runs `onProgress`; resolves `reached` then. */
  const startFit = (onProgress: string) => {
    let reached!: () => void;
    const reachedP = new Promise<void>((r) => (reached = r));
    const result = session.execute(
      `import { MLPClassifier } from 'modelbook';\nawait new MLPClassifier({ hiddenLayerSizes: [4], maxIter: 5, seed: 1 }).fit([[0, 1], [1, 0], [1, 1], [0, 0]], [0, 1, 1, 0], { onProgress: () => { console.log('training'); ${onProgress} } });`,
      { stream: (_, text) => text.includes('training') && reached() },
    );
    return { reached: reachedP, result };
  };

  it('a restart marks the run interrupted by the time it returns', async () => {
    const { reached, result } = startFit('while (true) {}');
    await reached;
    assert.deepEqual(
      records().map((r) => r.status),
      ['running'],
    );
    await session.restart();
    const [fit] = records();
    assert.equal(fit.status, 'interrupted');
    assert.match(fit.error!.message, /kernel stopped before the run ended: the kernel was restarted/);
    assert.equal((await result).status, 'died');
  });

  it('a crash (the kernel killed outright) marks it by the time the cell reports', async () => {
    const { result } = startFit("process.kill(process.pid, 'SIGKILL');");
    const r = await result;
    assert.equal(r.status, 'died');
    const [fit] = records();
    assert.equal(fit.status, 'interrupted');
    assert.match(fit.error!.message, /killed by SIGKILL/);
  });
});
