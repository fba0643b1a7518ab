import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import type { KernelSession } from '../../../src/kernel/host/session';
import { makeWorkspace, newSession, run } from './helpers';

describe('kernel session (real kernel process)', function () {
  this.timeout(30_000);
  let ws: string;
  let session: KernelSession;

  before(() => {
    ws = makeWorkspace();
    session = newSession(ws);
  });
  after(() => {
    session.dispose();
    fs.rmSync(ws, { recursive: true, force: true });
  });

  it('keeps declarations across cells and lets a cell re-declare const', async () => {
    assert.equal((await run(session, 'const x: number = 1;\nlet y = 2;\nfunction f(a: number): number { return a + x; }\nclass K { v = 3 }')).status, 'ok');
    assert.equal((await run(session, 'const x = 10;')).status, 'ok');
    assert.equal((await run(session, 'f(y) + new K().v')).text, '15');
  });

  it('supports top-level await and numbers executions in order', async () => {
    const a = await run(session, 'const v = await new Promise<number>((r) => setTimeout(() => r(5), 20));\nv');
    const b = await run(session, 'v + 1');
    assert.equal(a.text, '5');
    assert.equal(b.text, '6');
    assert.equal(b.order, (a.order ?? 0) + 1);
  });

  it('imports ESM and CommonJS packages from the workspace, files, Node built-ins and the built-in modules', async () => {
    const r = await run(
      session,
      [
        "import greet, { hello } from 'esm-pkg';",
        "import { sub } from 'esm-pkg/sub';",
        "import cjs, { add } from 'cjs-pkg';",
        "import { local } from './local.mjs';",
        "import path from 'node:path';",
        "import * as aq from 'arquero';",
        "import { version, display } from 'modelbook';",
        'JSON.stringify([greet, hello("x"), sub, add(1, 2), cjs.version, local, path.sep, typeof aq.table, typeof version, typeof display])',
      ].join('\n'),
    );
    assert.equal(r.status, 'ok', JSON.stringify(r.error));
    assert.deepEqual(JSON.parse(r.text!.slice(1, -1)), [42, 'hello x', 'sub', 3, '1', 'from a file', '/', 'function', 'string', 'function']);
  });

  it('says which package is missing and how to install it', async () => {
    const r = await run(session, "import nope from 'no-such-package';");
    assert.equal(r.status, 'error');
    assert.match(r.error!.message, /Cannot find module "no-such-package".*npm install no-such-package/);
  });

  it('streams console output while the cell still runs', async () => {
    // The cell waits for a file the test writes only once the first line has arrived: without
    // live streaming it would never finish.
    const go = path.join(ws, 'go.flag');
    const source = `import fs from 'node:fs';\nconsole.log('first');\nwhile (!fs.existsSync(${JSON.stringify(go)})) await new Promise((r) => setTimeout(r, 10));\nconsole.error('second');`;
    const streams: [string, string][] = [];
    const r = await session.execute(source, {
      stream: (name, text) => {
        streams.push([name, text]);
        if (text === 'first\n') fs.writeFileSync(go, '1');
      },
    });
    assert.equal(r.status, 'ok');
    assert.deepEqual(streams, [
      ['stdout', 'first\n'],
      ['stderr', 'second\n'],
    ]);
  });

  it('keeps stdout, stderr and displays in the order the cell made them', async () => {
    const events: string[] = [];
    const r = await session.execute("import { display } from 'modelbook';\nconsole.log('a');\nconsole.error('e');\nconsole.log('b');\ndisplay('shown');\nconsole.log('c');\nconsole.error('f');\n1", {
      stream: (name, text) => events.push(`${name}:${text.trim()}`),
      display: (d) => events.push(`display:${String(d['text/plain'])}`),
    });
    assert.equal(r.status, 'ok');
    assert.deepEqual(events, ['stdout:a', 'stderr:e', 'stdout:b', "display:'shown'", 'stdout:c', 'stderr:f']);
  });

  it('shows rich values: tables, Vega-Lite, display() with live updates', async () => {
    const r = await run(
      session,
      [
        "import * as aq from 'arquero';",
        "import { display } from 'modelbook';",
        "display('epoch 1', { id: 'p' });",
        "display('epoch 2', { id: 'p', update: true });",
        'aq.table({ a: [1, 2], b: ["x", null] })',
      ].join('\n'),
    );
    const table = r.result!['application/vnd.modelbook.table+json'] as { columns: unknown; rows: unknown; totalRows: number };
    assert.deepEqual(table, {
      columns: [
        { name: 'a', type: 'number' },
        { name: 'b', type: 'string' },
      ],
      rows: [
        [1, 'x'],
        [2, null],
      ],
      totalRows: 2,
    });
    assert.equal(r.displays.length, 2);
    const chart = await run(session, "({ $schema: 'https://vega.github.io/schema/vega-lite/v5.json', mark: 'line' })");
    assert.ok(chart.result!['application/vnd.vegalite.v5+json']);
    assert.equal(chart.result!['text/plain'], '<Vega-Lite chart: line>');
  });

  it("reports errors at the cell's TypeScript line, through functions defined in earlier cells", async () => {
    await run(session, 'interface P { n: number }\n\nfunction explode(p: P): never {\n  throw new RangeError(`bad ${p.n}`);\n}');
    const r = await run(session, 'const t: string = "x";\nexplode({ n: 3 });');
    assert.equal(r.status, 'error');
    assert.equal(r.error!.name, 'RangeError');
    assert.equal(r.error!.line, 4);
    assert.match(r.error!.stack, /at explode \(Cell In\[\d+\], line 4:9\)/);
    assert.match(r.error!.stack, /at Cell In\[\d+\], line 2:1/);
    assert.match(r.error!.stack, /> 4 \| {3}throw new RangeError/);
    assert.doesNotMatch(r.error!.stack, /kernel\.js|node:internal|modelbook:step/);
  });

  it('reports TypeScript syntax errors at the cell line without running anything', async () => {
    const r = await run(session, 'const ok = 1;\nconst broken: = 2;');
    assert.equal(r.error!.name, 'SyntaxError');
    assert.equal(r.error!.line, 2);
    assert.equal(r.error!.column, 15);
    assert.equal((await run(session, 'typeof ok')).text, "'undefined'");
  });

  it("reports an unknown //% directive as the cell's error", async () => {
    const r = await run(session, '//% timout 3\n1');
    assert.equal(r.error!.name, 'DirectiveError');
  });

  it('survives errors thrown later by background code', async () => {
    await run(session, "setTimeout(() => { throw new Error('late'); }, 10);");
    await new Promise((r) => setTimeout(r, 50));
    assert.equal((await run(session, '1 + 1')).text, '2');
  });
});
