import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { LangWorkerClient } from '../../../../src/store/lang/workerClient';
import { isLangRequest, isLangResponse } from '../../../../src/store/lang/workerGuards';
import { DIST } from '../../paths';

const TYPES = path.join(DIST, 'types');
const cells = (...sources: string[]) => sources.map((source, i) => ({ id: `c${i + 1}`, source }));

describe('the language worker (dist/langWorker.js)', function () {
  this.timeout(60_000);
  let ws: string;
  let outside: string;
  let client: LangWorkerClient;
  let uri: string;
  before(function () {
    if (!fs.existsSync(path.join(TYPES, 'modelbook.d.ts'))) this.skip(); // dist/types comes from `node esbuild.mjs --types` (npm test builds it)
  });
  beforeEach(() => {
    ws = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-langw-')));
    outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-langw-outside-')));
    uri = pathToFileURL(path.join(ws, 'nb.mlnb')).href;
    client = new LangWorkerClient(DIST, { typesRoot: TYPES, roots: [ws] });
  });
  afterEach(async () => {
    await client.close();
    fs.rmSync(ws, { recursive: true, force: true });
    fs.rmSync(outside, { recursive: true, force: true });
  });

  it('type-checks a notebook across cells and answers hover, completion and definition', async () => {
    await client.request('update', { notebook: uri, version: 1, cells: cells("import { LogisticRegression } from 'modelbook';\nconst rate = 0.5;", 'const x = 1;', 'const s: string = rate;\nrat') });
    const d = await client.request('diagnostics', { notebook: uri });
    const err = d.find((e) => e.code === 2322);
    assert.ok(err, JSON.stringify(d));
    assert.deepEqual([err.cellId, err.line, err.character], ['c3', 0, 6]);
    const hover = await client.request('quickInfo', { notebook: uri, cellId: 'c3', line: 0, character: 19 });
    assert.match(hover?.text ?? '', /const rate: 0\.5/);
    const items = await client.request('completions', { notebook: uri, cellId: 'c3', line: 1, character: 3 });
    assert.match(items.find((i) => i.name === 'rate')?.detail ?? '', /rate: 0\.5/);
    assert.ok(items.some((i) => i.name === 'LogisticRegression'));
    assert.deepEqual(await client.request('definition', { notebook: uri, cellId: 'c3', line: 0, character: 19 }), [{ cellId: 'c1', line: 1, character: 6 }]);
  });

  it('reads nothing outside the workspace and the shipped types, whatever a cell references', async () => {
    fs.writeFileSync(path.join(outside, 'secret.d.ts'), 'declare const leaked: number;\n');
    fs.writeFileSync(path.join(outside, 'mod.ts'), 'export const fromOutside = 1;\n');
    fs.writeFileSync(path.join(ws, 'inside.ts'), 'export const fromInside = 1;\n');
    fs.symlinkSync(path.join(outside, 'mod.ts'), path.join(ws, 'link.ts'));
    const rel = path.relative(ws, outside);
    const source = [
      `/// <reference path="${path.join(outside, 'secret.d.ts')}" />`,
      `import { fromOutside } from '${rel}/mod';`,
      "import { fromOutside as viaLink } from './link';",
      "import { fromInside } from './inside';",
      'const n: number = leaked;',
      'const ok: string = fromInside;',
    ].join('\n');
    await client.request('update', { notebook: uri, version: 1, cells: cells(source) });
    const messages = (await client.request('diagnostics', { notebook: uri })).map((e) => e.message);
    assert.ok(
      messages.some((m) => /Cannot find name 'leaked'/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /Cannot find module '.*mod'/.test(m)),
      messages.join('\n'),
    );
    assert.ok(
      messages.some((m) => /Cannot find module '\.\/link'/.test(m)),
      messages.join('\n'),
    );
    // The workspace's own files still resolve and type-check.
    assert.ok(
      messages.some((m) => /Type 'number' is not assignable to type 'string'/.test(m)),
      messages.join('\n'),
    );
  });

  it('answers a malformed request with an error and keeps serving', async () => {
    const worker = new Worker(path.join(DIST, 'langWorker.js'), { workerData: { typesRoot: TYPES, roots: [ws] } });
    try {
      const answer = (m: unknown) =>
        new Promise<unknown>((resolve) => {
          worker.once('message', resolve);
          worker.postMessage(m);
        });
      assert.deepEqual(await answer({ requestId: 1, method: 'update', params: { notebook: uri, version: 1, cells: [{ id: 1, source: 'x' }] } }), {
        requestId: 1,
        error: 'internal: malformed request to the language worker',
      });
      assert.deepEqual(await answer({ requestId: 2, method: 'readFile', params: { notebook: uri } }), { requestId: 2, error: 'internal: malformed request to the language worker' });
      assert.deepEqual(await answer({ requestId: 3, method: 'update', params: { notebook: uri, version: 1, cells: [] } }), { requestId: 3, method: 'update', result: null });
    } finally {
      await worker.terminate();
    }
  });

  it('applies a cell edit sent alone, refuses an out-of-order one, and gives one cell’s diagnostics on request', async () => {
    await client.request('update', { notebook: uri, version: 1, cells: cells('const a = 1;', 'const b = a;', 'const c = 2;') });
    await client.request('edit', { notebook: uri, version: 3, cells: [{ id: 'c2', source: 'const b: string = a;' }] });
    await assert.rejects(client.request('edit', { notebook: uri, version: 2, cells: [{ id: 'c2', source: 'const b = a;' }] }), /out-of-order/);
    await assert.rejects(client.request('edit', { notebook: uri, version: 4, cells: [{ id: 'nope', source: '' }] }), /no code cell/);
    const only = await client.request('diagnostics', { notebook: uri, cellIds: ['c2'] });
    assert.deepEqual(
      only.map((e) => [e.cellId, e.code]),
      [['c2', 2322]],
    );
    // A restarted worker gets the edited text.
    await (client as unknown as { worker: Worker }).worker.terminate();
    assert.deepEqual(
      (await client.request('diagnostics', { notebook: uri })).map((e) => [e.cellId, e.code]),
      [['c2', 2322]],
    );
  });

  it('starts again with the notebooks it had when the worker stops', async () => {
    await client.request('update', { notebook: uri, version: 1, cells: cells('const a = 1;', 'const b: string = a;') });
    await (client as unknown as { worker: Worker }).worker.terminate();
    const d = await client.request('diagnostics', { notebook: uri });
    assert.deepEqual(
      d.map((e) => [e.cellId, e.code]),
      [['c2', 2322]],
    );
  });
});

describe('language worker message guards', () => {
  it('accept well-formed requests and answers, and refuse the rest', () => {
    assert.ok(isLangRequest({ requestId: 1, method: 'completions', params: { notebook: 'u', cellId: 'c', line: 0, character: 3 } }));
    assert.ok(!isLangRequest({ requestId: 1, method: 'completions', params: { notebook: 'u', cellId: 'c', line: -1, character: 3 } }));
    assert.ok(!isLangRequest({ requestId: 1, method: 'toString', params: { notebook: 'u' } }));
    assert.ok(isLangResponse({ requestId: 1, method: 'definition', result: [{ cellId: 'c', line: 0, character: 1 }] }, 'definition'));
    assert.ok(!isLangResponse({ requestId: 1, method: 'definition', result: [{ line: 0, character: 1 }] }, 'definition'));
    assert.ok(!isLangResponse({ requestId: 1, method: 'quickInfo', result: null }, 'definition'));
    assert.ok(isLangResponse({ requestId: 1, error: 'no such cell' }, 'definition'));
  });
});
