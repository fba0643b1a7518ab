import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_MAX_OUTPUT_BYTES } from '../../../src/core/notebook/outputLimit';
import { DEFAULT_MEMORY_LIMIT_MB } from '../../../src/kernel/host/limits';
import { DEFAULT_SANDBOX } from '../../../src/kernel/host/sandbox';
import { REPO } from '../paths';

// package.json cannot import the constants, so this test keeps its setting defaults equal to the
// defaults the CLI and the settings reader (vscode/config.ts) use: a VS Code user and a CLI user
// get the same kernel when they change nothing.
describe("package.json's setting defaults", () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { default: unknown }> } } };
  const defaults = manifest.contributes.configuration.properties;
  const expected: Record<string, unknown> = {
    'modelbook.kernel.memoryLimitMb': DEFAULT_MEMORY_LIMIT_MB,
    'modelbook.output.maxBytes': DEFAULT_MAX_OUTPUT_BYTES,
    ...Object.fromEntries(Object.entries(DEFAULT_SANDBOX).map(([k, v]) => [`modelbook.sandbox.${k}`, v])),
  };

  for (const [key, value] of Object.entries(expected)) {
    it(`gives ${key} the code's default (${JSON.stringify(value)})`, () => {
      assert.ok(key in defaults, `${key} is not contributed in package.json`);
      assert.deepEqual(defaults[key].default, value);
    });
  }
});
