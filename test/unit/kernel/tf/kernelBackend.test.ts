import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import type { KernelSession } from '../../../../src/kernel/host/session';
import type { MimeBundle } from '../../../../src/core/notebook/contract';
import { makeWorkspace, newSession, run } from '../helpers';
import { linkTfPackages, makeDist, NODE_MODULES } from './helpers';

/** A cell prelude: 2,000 rows of 4 features with a nonlinear label, the same on every run. */
const DATA = `
let s = 7; const r = () => (s = (s * 16807) % 2147483647) / 2147483647 - 0.5;
const x: number[][] = []; const y: string[] = [];
for (let i = 0; i < 2000; i++) { const row = [r(), r(), r(), r()]; x.push(row); y.push(row[0] * row[1] + 0.2 * row[2] > 0 ? 'up' : 'down'); }`;

describe('TF.js backend in the sandboxed kernel', function () {
  this.timeout(120_000);
  const cleanup: string[] = [];
  const sessions: KernelSession[] = [];
  after(() => {
    for (const s of sessions) s.dispose();
    for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
  });
  const open = async (withWasmBundle: boolean, prepare?: (ws: string) => void, allowRead: string[] = []) => {
    const ws = makeWorkspace();
    prepare?.(ws);
    const dist = await makeDist(withWasmBundle);
    cleanup.push(ws, dist);
    const s = newSession(ws, { distDir: dist, sandbox: { allowRead } });
    sessions.push(s);
    return s;
  };
  const stderrOf = (r: { streams: { name: string; text: string }[] }) =>
    r.streams
      .filter((x) => x.name === 'stderr')
      .map((x) => x.text)
      .join('');

  describe("with Modelbook's bundled wasm backend", () => {
    let s: KernelSession;
    before(async () => {
      s = await open(true);
    });

    it('runs TF.js on wasm with SIMD', async () => {
      const r = await run(s, "import * as tf from '@tensorflow/tfjs';\n[tf.getBackend(), await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')].join(' ')");
      assert.equal(r.status, 'ok', JSON.stringify(r.error));
      assert.equal(r.text, "'wasm true'", r.streams.map((x) => x.text).join(''));
    });

    it('trains an MLP on the fused kernel, reports the backend and shows one live chart updated in place', async () => {
      const displays: { data: MimeBundle; id?: string; update?: boolean }[] = [];
      const r = await s.execute(
        `${DATA}\nimport { MLPClassifier } from 'modelbook';\nconst clf = new MLPClassifier({ hiddenLayerSizes: [16], maxIter: 20, batchSize: 32, seed: 1 });\nawait clf.fit(x, y);\n[clf.summary().backend, clf.nIter, await clf.score(x, y) > 0.8].join(' ')`,
        {
          display: (data, id, update) => displays.push({ data, ...(id ? { id } : {}), ...(update ? { update } : {}) }),
        },
      );
      assert.equal(r.status, 'ok', JSON.stringify(r.error));
      assert.equal(r.result?.['text/plain'], "'fused-wasm-simd 20 true'");
      assert.ok(displays.length >= 2, `expected a first display and a final update, got ${displays.length}`);
      assert.ok(displays[0].id && displays.every((d) => d.id === displays[0].id));
      assert.equal(displays[0].update, undefined);
      assert.ok(displays.slice(1).every((d) => d.update === true));
      const last = displays[displays.length - 1].data;
      assert.match(String(last['text/plain']), /MLPClassifier · 20 epochs · loss .* stopped: maxIter .* backend fused-wasm-simd/);
      assert.ok(last['application/vnd.vegalite.v5+json']);
    });

    it('trains with TF.js ops on the wasm backend when asked (engine: "tfjs")', async () => {
      const r = await run(
        s,
        "const viaTf = new MLPClassifier({ hiddenLayerSizes: [16], maxIter: 3, batchSize: 64, seed: 1, engine: 'tfjs', progress: false });\nawait viaTf.fit(x, y);\nviaTf.summary().backend",
      );
      assert.equal(r.status, 'ok', JSON.stringify(r.error));
      assert.equal(r.text, "'wasm'");
    });

    it('stops a fit at the next batch on interrupt and keeps the partly trained model', async () => {
      const pending = s.execute(
        "const long = new MLPClassifier({ hiddenLayerSizes: [16], maxIter: 100000, batchSize: 32, seed: 1, progress: false });\nawait long.fit(x, y, { onProgress: (p) => { if (p.epoch === 2) console.log('ready'); } });",
        {
          stream: (_n, text) => {
            if (text.includes('ready')) s.interrupt();
          },
        },
      );
      const r = await pending;
      assert.equal(r.status, 'interrupted');
      const after = await run(s, "await new Promise((r) => setTimeout(r, 50));\n[long.history!.stopReason, long.nIter >= 2, long.nIter < 1000, (await long.predict(x.slice(0, 3))).length].join(' ')");
      assert.equal(after.status, 'ok', JSON.stringify(after.error));
      assert.equal(after.text, "'interrupted true true 3'");
    });
  });

  it("uses the workspace's own tfjs-backend-wasm with its own .wasm files", async () => {
    const s = await open(false, (ws) => linkTfPackages(ws, ['tfjs', 'tfjs-backend-wasm']), [NODE_MODULES]);
    const r = await run(s, "import * as tf from '@tensorflow/tfjs';\ntf.getBackend()");
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.equal(r.text, "'wasm'", stderrOf(r));
  });

  it('falls back to cpu with a warning that names the missing piece', async () => {
    const s = await open(false);
    const r = await run(s, "import * as tf from '@tensorflow/tfjs';\ntf.getBackend()");
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.equal(r.text, "'cpu'");
    assert.match(stderrOf(r), /cpu backend .*tfjs-backend-wasm is not available/);
  });
});
