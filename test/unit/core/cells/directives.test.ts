import { strict as assert } from 'node:assert';
import { parseDirectives, DirectiveError } from '../../../../src/core/cells/directives';

describe('core/cells directives', () => {
  it('reads //% lines at the top of a cell, between comments and blank lines', () => {
    assert.deepEqual(parseDirectives('// train the model\n//% timeout 60\n\n//% allow-error\nawait fit()'), { timeoutSeconds: 60, skip: false, allowError: true });
    assert.deepEqual(parseDirectives('//% skip\nx'), { skip: true, allowError: false });
  });

  it('ignores //% after the first line of code', () => {
    assert.deepEqual(parseDirectives('x = 1\n//% timeout 5'), { skip: false, allowError: false });
  });

  it('rejects unknown directives and bad values, naming the line and the known ones', () => {
    assert.throws(
      () => parseDirectives('//% timeout\n'),
      (e: Error) => e instanceof DirectiveError && /line 1/.test(e.message) && /seconds/.test(e.message),
    );
    assert.throws(() => parseDirectives('\n//% timout 5'), /line 2: unknown directive "\/\/% timout".*\/\/% timeout/);
    assert.throws(() => parseDirectives('//% timeout -3'), /seconds/);
  });
});
