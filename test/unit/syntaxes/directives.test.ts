import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../paths';
import { DIRECTIVE_NAMES } from '../../../src/core/cells/directives';

describe('syntaxes/directives.tmLanguage.json', () => {
  const grammar = JSON.parse(fs.readFileSync(path.join(REPO, 'syntaxes/directives.tmLanguage.json'), 'utf8'));
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  // The pattern uses no Oniguruma-only syntax, so JavaScript's RegExp reads it the same way.
  const re = new RegExp(grammar.repository.directive.match);

  it('is injected into TypeScript and JavaScript under the scope package.json declares', () => {
    const entry = pkg.contributes.grammars.find((g: { path: string }) => g.path.endsWith('directives.tmLanguage.json'));
    assert.equal(entry.scopeName, grammar.scopeName);
    assert.deepEqual(entry.injectTo, ['source.ts', 'source.js']);
  });

  it('highlights every directive the kernel knows, and nothing else', () => {
    for (const name of DIRECTIVE_NAMES) assert.ok(re.test(`//% ${name} 60`), name);
    const m = re.exec('  //% timeout 60')!;
    assert.deepEqual([m[1], m[2], m[3].trim()], ['//%', 'timeout', '60']);
    assert.equal(re.test('// timeout 60'), false);
    assert.equal(re.test('//% timeouts'), false);
    assert.equal(re.test('const a = 1; //% skip'), false);
  });
});
