import { strict as assert } from 'node:assert';
import path from 'node:path';
import ts from 'typescript';
import { REPO } from '../paths';

/**
 * Type-checks one probe file placed in src/core (in memory only) with tsconfig.core.json's options
 * and ambient files, and returns its errors.
 */
function checkInCore(text: string): string[] {
  const configPath = path.join(REPO, 'tsconfig.core.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => assert.fail(ts.flattenDiagnosticMessageText(d.messageText, '\n')) })!;
  const probe = path.join(REPO, 'src/core/purityProbe.ts');
  const host = ts.createCompilerHost(config.options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (file, lang, ...rest) => (path.resolve(file) === probe ? ts.createSourceFile(file, text, lang) : getSourceFile(file, lang, ...rest));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (file) => path.resolve(file) === probe || fileExists(file);
  const ambient = config.fileNames.filter((f) => f.endsWith('.d.ts'));
  const program = ts.createProgram([...ambient, probe], config.options, host);
  return ts.getPreEmitDiagnostics(program, program.getSourceFile(probe)).map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' '));
}

describe('core purity (tsconfig.core.json)', function () {
  this.timeout(60_000);

  it('accepts the web-standard globals every runtime has: TextEncoder, setTimeout, console, AbortSignal, atob', () => {
    const errors = checkInCore(`
      export const bytes: Uint8Array = new TextEncoder().encode('x');
      export const text: string = new TextDecoder().decode(bytes);
      export const timer = setTimeout(() => console.log(performance.now(), atob(btoa('x'))), 0);
      clearTimeout(timer);
      export const stopped = (s: AbortSignal): boolean => s.aborted;
      export const copy = structuredClone({ a: 1 });
    `);
    assert.deepEqual(errors, []);
  });

  for (const [name, line] of [
    ['Buffer', "export const b = Buffer.from('x');"],
    ['process', 'export const e = process.env;'],
    ['require', "export const fs = require('fs');"],
    ['setImmediate', 'setImmediate(() => undefined);'],
    ['document (DOM)', 'export const d = document.title;'],
  ]) {
    it(`fails the build when core uses ${name}`, () => {
      const errors = checkInCore(line);
      assert.equal(errors.length, 1, errors.join('\n'));
      assert.match(errors[0], new RegExp(`Cannot find name '${name.split(' ')[0]}'`));
    });
  }
});
