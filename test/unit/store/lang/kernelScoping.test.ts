import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { NotebookLanguageService } from '../../../../src/store/lang/languageService';
import { run, useKernel } from '../../kernel/helpers';
import { DIST } from '../../paths';

/**
 * The same cells in a real kernel and in the language service: where the kernel can see a name
 * the service must too (with the type of the value the kernel holds), and where the kernel throws a
 * ReferenceError the service must report the name as unknown. Each case uses its own names, since
 * the kernel's globals outlive a case.
 */
interface ScopeCase {
  what: string;
  cells: string[];
  /** The last cell is a name; what `typeof` says of it in the kernel, and what the service's hover says of it. */
  probe?: { kernelTypeof: string; hover: RegExp };
}

const CASES: ScopeCase[] = [
  { what: 'declared before: visible with its type', cells: ["const sA = 'abc';", 'const other = 1;', 'sA'], probe: { kernelTypeof: 'string', hover: /^const sA: "abc"$/ } },
  {
    what: 'a const re-declared in a later cell: allowed, the later type wins',
    cells: ['const rB = 1;', "const rB = 'now text';", 'rB'],
    probe: { kernelTypeof: 'string', hover: /^const rB: "now text"$/ },
  },
  { what: 'a cell re-run (the same const declared twice)', cells: ['const qC = 1;', 'const qC = 1;', 'qC'], probe: { kernelTypeof: 'number', hover: /^const qC: 1$/ } },
  {
    what: 'an import in cell 1 is usable in cell 3',
    cells: ["import { trainTestSplit as splitD } from 'modelbook';", 'const unrelatedD = 2;', 'splitD'],
    probe: { kernelTypeof: 'function', hover: /function splitD\(data: ColumnTable/ },
  },
  { what: 'a let reassigned by a later cell', cells: ['let nE = 1;', 'nE = 5;', 'nE'], probe: { kernelTypeof: 'number', hover: /^let nE: number$/ } },
  { what: 'a function declared in an earlier cell', cells: ['function fF(): number { return 3; }', 'fF()', 'fF'], probe: { kernelTypeof: 'function', hover: /function fF\(\): number/ } },
  { what: 'a class declared in an earlier cell', cells: ['class KG { v = 1; }', 'new KG().v', 'KG'], probe: { kernelTypeof: 'function', hover: /class KG/ } },
  { what: 'destructured names', cells: ["const { aH, bH } = { aH: 1, bH: 'x' };", 'bH'], probe: { kernelTypeof: 'string', hover: /^const bH: string$/ } },
  { what: 'a name declared only in a LATER cell is unknown in an earlier one', cells: ['laterI + 1', 'const laterI = 2;'] },
  { what: 'a name declared in a block or a function is not a global', cells: ['{ const hiddenJ = 1; }\nfunction gJ() { const innerJ = 2; return innerJ; }', 'hiddenJ', 'innerJ'] },
  { what: 'top-level await in a declaration', cells: ['const vK = await Promise.resolve([1, 2]);', 'vK'], probe: { kernelTypeof: 'object', hover: /^const vK: number\[\]$/ } },
];

const UNKNOWN_NAME = new Set([2304, 2552]); // Cannot find name 'x' (did you mean …?)

describe('language service scoping agrees with the kernel (real kernel process)', function () {
  this.timeout(90_000);
  const k = useKernel();
  const lang = new NotebookLanguageService({ typesRoot: path.join(DIST, 'types') });
  before(function () {
    if (!fs.existsSync(path.join(DIST, 'types', 'modelbook.d.ts'))) this.skip(); // dist/types comes from `node esbuild.mjs --types` (npm test builds it)
  });

  for (const c of CASES) {
    it(c.what, async () => {
      const uri = path.join(k.ws, `${c.cells[0].replace(/\W/g, '').slice(0, 12)}.mlnb`);
      lang.update(
        uri,
        c.cells.map((source, i) => ({ id: `c${i}`, source })),
      );
      const diagnostics = lang.diagnostics(uri);
      for (const [i, source] of c.cells.entries()) {
        const r = await run(k.session, source);
        const kernelSees = !(r.status === 'error' && r.error?.name === 'ReferenceError');
        const unknown = diagnostics.filter((d) => d.cellId === `c${i}` && UNKNOWN_NAME.has(d.code));
        assert.equal(r.status === 'ok' || !kernelSees, true, `cell ${i + 1} failed in the kernel for another reason: ${JSON.stringify(r.error)}`);
        assert.equal(
          unknown.length === 0,
          kernelSees,
          `cell ${i + 1} (${source}): kernel ${kernelSees ? 'sees every name' : `throws ${r.error?.message}`}, service says ${JSON.stringify(unknown.map((d) => d.message))}`,
        );
      }
      assert.deepEqual(
        diagnostics.filter((d) => !UNKNOWN_NAME.has(d.code)),
        [],
      );
      if (c.probe) {
        const name = c.cells[c.cells.length - 1];
        assert.equal((await run(k.session, `typeof ${name}`)).text, `'${c.probe.kernelTypeof}'`);
        const hover = lang.quickInfo(uri, `c${c.cells.length - 1}`, 0, 0)?.text ?? '';
        assert.match(hover, c.probe.hover);
      }
    });
  }
});
