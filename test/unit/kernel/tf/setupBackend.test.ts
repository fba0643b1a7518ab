import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { REPO } from '../../paths';

/**
 * Each case runs in its own Node process: TF.js keeps its backends in a process-wide registry and
 * the wasm backend cannot be initialised twice, so the cases would otherwise leak into each other
 * (and into the other test files mocha runs in this process).
 */
describe('setupTfBackend', function () {
  this.timeout(60_000);
  let dir: string;
  let compiled: string;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-setup-'));
    compiled = path.join(dir, 'setupBackend.js');
    await esbuild.build({ entryPoints: [path.join(REPO, 'src/kernel/tf/setupBackend.ts')], outfile: compiled, bundle: true, platform: 'node', format: 'cjs', packages: 'external', logLevel: 'error' });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Runs setupTfBackend with the given sources (JS source of an object) in a fresh process. */
  function scenario(sources: string): {
    report: { backend: string; simd?: boolean; cpuFallbackKernels?: string[]; attempts: { backend: string; ok: boolean; reason?: string }[] };
    backend: string;
    fallback?: string;
    sum: number;
  } {
    const code = `
      const tf = require('@tensorflow/tfjs');
      const { setupTfBackend, describeFallback } = require(${JSON.stringify(compiled)});
      const WASM_DIR = ${JSON.stringify(path.join(REPO, 'node_modules/@tensorflow/tfjs-backend-wasm/dist'))};
      const sources = ${sources};
      setupTfBackend(tf, sources).then((report) => {
        const sum = tf.sum(tf.tensor1d([1, 2, 3])).dataSync()[0];
        process.stdout.write('RESULT' + JSON.stringify({ report, backend: tf.getBackend(), fallback: describeFallback(report), sum }));
      }, (e) => { console.error(e); process.exit(1); });`;
    const r = spawnSync(process.execPath, ['-e', code], { cwd: REPO, encoding: 'utf8' });
    const out = r.stdout.split('RESULT')[1];
    assert.ok(out, `the scenario failed: ${r.stderr}`);
    return JSON.parse(out);
  }

  const noNode = 'loadTfjsNode: async () => undefined';
  const realWasm = "loadWasmBackend: async () => ({ module: require('@tensorflow/tfjs-backend-wasm'), wasmDir: WASM_DIR, from: 'node_modules' })";

  it('picks wasm with SIMD by default and covers the gradients wasm lacks with cpu kernels', () => {
    const r = scenario(`{ ${noNode}, ${realWasm} }`);
    assert.equal(r.backend, 'wasm');
    assert.equal(r.report.backend, 'wasm');
    assert.equal(r.report.simd, true);
    assert.ok(r.report.cpuFallbackKernels!.includes('Conv2DBackpropFilter'));
    assert.equal(r.fallback, undefined);
    assert.equal(r.sum, 6);
  });

  it('prefers tensorflow when the workspace has tfjs-node (simulated: a package that registers a "tensorflow" backend)', () => {
    // tfjs-node cannot be installed here (its install downloads libtensorflow); this fake does what
    // its import does for the setup: it registers a backend named 'tensorflow' (here the cpu kernels).
    const fakeNode = `loadTfjsNode: async () => {
      const { MathBackendCPU } = require('@tensorflow/tfjs-backend-cpu');
      tf.registerBackend('tensorflow', () => new MathBackendCPU(), 3);
      for (const k of tf.getKernelsForBackend('cpu')) tf.registerKernel({ ...k, backendName: 'tensorflow' });
      return {};
    }`;
    const r = scenario(`{ ${fakeNode}, ${realWasm} }`);
    assert.equal(r.backend, 'tensorflow');
    assert.deepEqual(r.report.attempts, [{ backend: 'tensorflow', ok: true }]);
    assert.equal(r.sum, 6);
  });

  it('falls back to wasm when tfjs-node is installed but the sandbox blocks its native addon', () => {
    const blocked = "loadTfjsNode: async () => { throw new Error('Cannot load native addon because loading addons is disabled.'); }";
    const r = scenario(`{ ${blocked}, ${realWasm} }`);
    assert.equal(r.backend, 'wasm');
    assert.match(r.report.attempts[0].reason!, /tfjs-node is installed but did not load: Cannot load native addon/);
  });

  it("notices when tf.setBackend('wasm') returns false and falls back to cpu, saying why", () => {
    // A wasm backend whose initialisation fails, as a missing or unreadable .wasm file makes it.
    const failing =
      "loadWasmBackend: async () => { tf.registerBackend('wasm', async () => { throw new Error('no .wasm here'); }, 2); return { module: { setWasmPaths() {} }, wasmDir: '/nowhere', from: 'test' }; }";
    const r = scenario(`{ ${noNode}, ${failing} }`);
    assert.equal(r.backend, 'cpu');
    assert.equal(r.report.attempts.find((a) => a.backend === 'wasm')!.ok, false);
    assert.match(r.fallback!, /runs on the cpu backend .*tf\.setBackend\('wasm'\) returned false/);
    assert.equal(r.sum, 6);
  });

  it('falls back to cpu when no wasm backend is available', () => {
    const r = scenario(`{ ${noNode}, loadWasmBackend: async () => undefined }`);
    assert.equal(r.backend, 'cpu');
    assert.match(r.fallback!, /tfjs-backend-wasm is not available/);
  });
});
