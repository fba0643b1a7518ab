import { strict as assert } from 'node:assert';
import vm from 'node:vm';
import { rewriteCell } from '../../../../src/core/cells/rewrite';

/** A plain driver for the generator a self-lowered cell hands to `__async` (the kernel's adds interrupts). */
function driveGenerator(self: unknown, args: unknown, gen: (...a: unknown[]) => Generator<unknown, unknown, unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const it = gen.apply(self, (args ?? []) as unknown[]);
    const step = (method: 'next' | 'throw', v?: unknown) => {
      let r: IteratorResult<unknown>;
      try {
        r = it[method](v);
      } catch (e) {
        reject(e);
        return;
      }
      if (r.done) resolve(r.value);
      else
        Promise.resolve(r.value).then(
          (x) => step('next', x),
          (e) => step('throw', e),
        );
    };
    step('next');
  });
}

/** Runs rewritten cells one after another in one context, as the kernel does. */
function kernel(modules: Record<string, unknown> = {}) {
  const imported: string[] = [];
  const ctx = vm.createContext({
    __async: driveGenerator,
    __mb: {
      import: async (spec: string) => {
        imported.push(spec);
        return modules[spec];
      },
      defaultOf: (m: Record<string, unknown>) => ('default' in m ? m.default : m),
      named: (m: Record<string, unknown>, n: string) => m[n],
    },
  });
  ctx.globalThis = ctx;
  return {
    imported,
    ctx,
    run: async (js: string) => {
      const r = rewriteCell(js);
      const value = await vm.runInContext(r.code, ctx);
      return { ...r, value };
    },
  };
}

describe('core/cells rewriteCell', () => {
  it('keeps top-level declarations for later cells, and lets a cell that declares const run again', async () => {
    const k = kernel();
    await k.run('const x = 1; let y = 2; var z = 3;');
    await k.run('const x = 10;');
    assert.equal((await k.run('x + y + z')).value, 15);
  });

  it('publishes functions (hoisted within the cell) and classes', async () => {
    const k = kernel();
    await k.run('const early = f(2);\nfunction f(a) { return a * 2; }\nclass Box { constructor(v) { this.v = v; } }');
    assert.equal((await k.run('f(3) + early + new Box(5).v')).value, 15);
  });

  it('handles destructuring patterns and resets `let x;`', async () => {
    const k = kernel();
    await k.run('const { a, b: [c, ...rest], d = 4 } = { a: 1, b: [2, 3, 4] };');
    assert.deepEqual(plain((await k.run('[a, c, rest, d]')).value), [1, 2, [3, 4], 4]);
    await k.run('let a;');
    assert.equal((await k.run('a')).value, undefined);
  });

  it('supports top-level await', async () => {
    const k = kernel();
    const r = await k.run('const v = await Promise.resolve(7);\nv * 2');
    assert.equal(r.value, 14);
    assert.deepEqual(r.declared, ['v']);
  });

  it('routes static and dynamic imports through the kernel resolver', async () => {
    const k = kernel({ m: { default: 'D', named: 'N' }, side: {} });
    await k.run("import d, { named as n } from 'm';\nimport * as ns from 'm';\nimport 'side';");
    assert.deepEqual(plain((await k.run('[d, n, ns.named]')).value), ['D', 'N', 'N']);
    const dyn = await k.run("(await import('m')).named");
    assert.equal(dyn.value, 'N');
    assert.deepEqual(k.imported, ['m', 'm', 'side', 'm']);
  });

  it('returns the last expression, but not an assignment or a declaration', () => {
    assert.equal(rewriteCell('1 + 1').hasResult, true);
    assert.equal(rewriteCell('let x = 1').hasResult, false);
    assert.equal(rewriteCell('let x; x = 2').hasResult, false);
    assert.equal(rewriteCell('console.log(1);').hasResult, true);
  });

  it('drops export keywords', async () => {
    const k = kernel();
    await k.run('export const e = 5;\nexport function g() { return e; }\nexport { e as ee };');
    assert.equal((await k.run('g()')).value, 5);
  });

  it('does not join a rewritten declaration with a following line that starts with ( or [', async () => {
    const k = kernel();
    await k.run('let arr\n[1, 2].forEach((v) => (arr = v))');
    assert.equal((await k.run('arr')).value, 2);
  });

  it('lowers plain cells itself and leaves cells with async functions to esbuild', () => {
    assert.equal(rewriteCell('const v = await f();\nv').lowered, true);
    assert.match(rewriteCell('const v = await f();').code, /function\* \(\)/);
    assert.equal(rewriteCell('async function g() { await 1; }').lowered, false);
    assert.equal(rewriteCell('const h = async () => 1;').lowered, false);
    assert.equal(rewriteCell('for await (const x of xs) {}').lowered, false);
    assert.equal(rewriteCell('class A { async m() {} }').lowered, false);
  });

  it('keeps await precedence when it becomes yield', async () => {
    const k = kernel();
    assert.equal((await k.run('await Promise.resolve(2) * 3 + (await Promise.resolve(1))')).value, 7);
  });

  it('produces a source map back to the input', () => {
    const r = rewriteCell('const a = 1;\nb', 'c.js');
    const map = JSON.parse(r.map);
    assert.deepEqual(map.sources, ['c.js']);
    assert.ok(map.mappings.length > 0);
  });
});

/** Values from the vm context have that realm's prototypes; compare their data. */
function plain(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v));
}

describe('core/cells rewriteCell result', () => {
  it('returns a parenthesized last expression (an object literal)', async () => {
    const ctx = vm.createContext({ __async: driveGenerator });
    const r = rewriteCell('({ a: 1 });');
    assert.deepEqual(plain(await vm.runInContext(r.code, ctx)), { a: 1 });
  });
});
