import { strict as assert } from 'node:assert';
import { completionContext, isModuleCell, topLevelNames } from '../../../../src/core/cells/completionContext';

describe('core/cells completionContext', () => {
  it('reads the name chain before the cursor', () => {
    assert.deepEqual(completionContext('const p = model.predictPr'), { path: ['model'], prefix: 'predictPr' });
    assert.deepEqual(completionContext('model.'), { path: ['model'], prefix: '' });
    assert.deepEqual(completionContext('  report.metrics.au'), { path: ['report', 'metrics'], prefix: 'au' });
    assert.deepEqual(completionContext('x = model?.co'), { path: ['model'], prefix: 'co' });
    assert.deepEqual(completionContext('f(mod'), { path: [], prefix: 'mod' });
  });

  it('offers nothing inside strings and comments, after calls and indexes, or with nothing typed', () => {
    for (const line of ["console.log('a.b", 'const s = `x ${y', '// model.', 'f().', 'a[0].', 'x = ', '"done".']) assert.equal(completionContext(line), undefined, line);
  });

  it('tells module cells (top-level import/export) from scripts', () => {
    assert.ok(isModuleCell("import { readCSV } from 'modelbook';\nconst t = 1"));
    assert.ok(isModuleCell("import 'side-effect';"));
    assert.ok(isModuleCell('export const x = 1;'));
    assert.ok(!isModuleCell('const m = await import("m");\nconsole.log("import x from y")'));
  });

  it('collects the names a cell declares at the top level, imports included', () => {
    const names = topLevelNames(
      "import * as aq from 'arquero';\nimport tf, { tensor as t, type Rank } from '@tensorflow/tfjs';\nconst { a, b: c, d = 1 } = f();\nlet [p, q] = g();\nasync function h() {}\nclass K {}\nexport const e = 2;\n  if (x) { const inner = 1; }",
    );
    assert.deepEqual([...names].sort(), ['K', 'Rank', 'a', 'aq', 'c', 'd', 'e', 'h', 'p', 'q', 't', 'tf'].sort());
  });
});
