import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { hashCells } from '../../../../src/core/runs/codeHash';
import { collectRunContext } from '../../../../src/store/runs/context';
import { tempWorkspace } from './processes';

describe('store/runs collectRunContext', () => {
  it('gives the workspace-relative notebook, cell, code hash, libraries and backend', () => {
    const ws = tempWorkspace();
    const ctx = collectRunContext({
      workspaceDir: ws,
      notebookPath: path.join(ws, 'nb', 'churn.mlnb'),
      cellId: 'c3',
      cellSources: ['a', 'b'],
      libraries: { arquero: '8.0.3' },
      backend: 'wasm',
      git: false,
    });
    assert.deepEqual(ctx, { notebook: 'nb/churn.mlnb', cellId: 'c3', codeHash: hashCells(['a', 'b']), libraries: { arquero: '8.0.3' }, backend: 'wasm' });
    assert.equal(collectRunContext({ workspaceDir: ws }).git, undefined, 'no repository, no git info');
    fs.rmSync(ws, { recursive: true, force: true });
    assert.throws(() => collectRunContext({} as never), /needs \{ workspaceDir \}/);
  });

  it('hashes cell code so that order and boundaries matter', () => {
    assert.notEqual(hashCells(['ab', 'c']), hashCells(['a', 'bc']));
    assert.notEqual(hashCells(['a', 'b']), hashCells(['b', 'a']));
    assert.equal(hashCells(['x']), hashCells(['x']));
    assert.match(hashCells([]), /^[0-9a-f]{16}$/);
  });
});
