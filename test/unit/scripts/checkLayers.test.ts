import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from '../paths';

// The checker is plain ESM JavaScript (it runs before anything is built).
const load = () => import(path.join(REPO, 'scripts/check-layers.mjs')) as Promise<{ checkLayers: (root: string) => string[] }>;

describe('scripts/check-layers', () => {
  let root: string;
  const put = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-layers-'))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('accepts the project tree as it is', async () => {
    const { checkLayers } = await load();
    assert.deepEqual(checkLayers(REPO), []);
  });

  it('rejects vscode outside src/vscode, Node in core, core importing outward, value imports in protocol', async () => {
    put('src/core/a.ts', "import fs from 'node:fs';\nimport { x } from '../kernel/x';\nexport const a = 1;");
    put('src/kernel/x.ts', "import * as vscode from 'vscode';\nexport const x = 1;");
    put('src/protocol/p.ts', "import { a } from '../core/a';\nimport type { x } from '../kernel/x';");
    put('webview/w.ts', "import path from 'path';");
    put('src/vscode/ok.ts', "import * as vscode from 'vscode';\nimport fs from 'node:fs';\nimport { a } from '../core/a';");
    const { checkLayers } = await load();
    const problems = checkLayers(root);
    assert.equal(problems.length, 6, problems.join('\n'));
    assert.ok(problems.some((p) => /src\/core\/a\.ts: imports 'node:fs'/.test(p)));
    assert.ok(problems.some((p) => /src\/core\/a\.ts: imports '..\/kernel\/x': src\/core may import only from src\/core/.test(p)));
    assert.ok(problems.some((p) => /src\/kernel\/x\.ts: imports 'vscode': only src\/vscode/.test(p)));
    assert.ok(problems.some((p) => /src\/protocol\/p\.ts: imports '..\/core\/a': src\/protocol holds type-only/.test(p)));
    assert.ok(problems.some((p) => /src\/protocol\/p\.ts: imports '..\/kernel\/x'/.test(p)));
    assert.ok(problems.some((p) => /webview\/w\.ts: imports 'path'/.test(p)));
  });
});
