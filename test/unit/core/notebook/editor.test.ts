import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../../paths';
import { parseNotebook } from '../../../../src/core/notebook/parse';
import { serializeNotebook } from '../../../../src/core/notebook/serialize';
import { fromEditorNotebook, toEditorNotebook, fromEditorOutput, type EditorNotebook } from '../../../../src/core/notebook/editor';
import { OutputCollector } from '../../../../src/core/notebook/outputs';
import { MIME } from '../../../../src/core/notebook/mime';

const enc = new TextEncoder();
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('core/notebook editor mapping', () => {
  it('maps a notebook onto editor cells and back without changing a byte', () => {
    for (const name of ['jupyter/rich.ipynb', 'workspace/basic.mlnb']) {
      const text = fixture(name);
      const editor = toEditorNotebook(parseNotebook(text));
      assert.equal(serializeNotebook(fromEditorNotebook(editor)), text, name);
    }
  });

  it('shows raw cells as code cells in the "raw" language and markdown as markup', () => {
    const editor = toEditorNotebook(parseNotebook(fixture('jupyter/rich.ipynb')));
    assert.equal(editor.cells[1].kind, 'markup');
    assert.equal(editor.cells[2].kind, 'code');
    assert.equal(editor.cells[2].languageId, 'raw');
  });

  it('stores streams, errors and rich data as VS Code output items', () => {
    const editor = toEditorNotebook(parseNotebook(fixture('jupyter/rich.ipynb')));
    const mimes = editor.cells[0].outputs.map((o) => o.items.map((i) => i.mime));
    assert.deepEqual(mimes, [[MIME.stdout], ['image/png', 'text/plain'], ['application/json', 'text/html', 'text/plain'], [MIME.error]]);
    const png = editor.cells[0].outputs[1].items[0].data;
    assert.deepEqual([...png.slice(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'base64 becomes the PNG bytes');
  });

  it('merges consecutive stdout items into one stream output, as VS Code shows them', () => {
    const outs = fromEditorOutput({
      items: [
        { mime: MIME.stdout, data: enc.encode('a\n') },
        { mime: MIME.stdout, data: enc.encode('b\n') },
      ],
    });
    const editor: EditorNotebook = {
      metadata: {},
      cells: [
        {
          kind: 'code',
          languageId: 'typescript',
          source: '',
          metadata: { id: 'x' },
          outputs: [{ items: [{ mime: MIME.stdout, data: enc.encode('a\n') }] }, { items: [{ mime: MIME.stdout, data: enc.encode('b\n') }] }],
        },
      ],
    };
    assert.equal(outs.length, 2);
    const nb = fromEditorNotebook(editor);
    assert.deepEqual(nb.cells[0].cell_type === 'code' && nb.cells[0].outputs, [{ output_type: 'stream', name: 'stdout', text: 'a\nb\n' }]);
  });

  it('records a code cell switched to JavaScript in metadata.vscode.languageId', () => {
    const editor: EditorNotebook = { metadata: {}, cells: [{ kind: 'code', languageId: 'javascript', source: '1', metadata: { id: 'x', metadata: {} }, outputs: [] }] };
    const nb = fromEditorNotebook(editor);
    assert.deepEqual(nb.cells[0].metadata, { vscode: { languageId: 'javascript' } });
    assert.equal(toEditorNotebook(nb).cells[0].languageId, 'javascript');
  });

  it('collects kernel output exactly as the VS Code path serializes it', () => {
    const c = new OutputCollector();
    c.stream('stdout', 'a');
    c.stream('stdout', 'b\n');
    c.display({ 'text/plain': 'epoch 1' }, 'progress');
    c.stream('stderr', 'warn\n');
    c.display({ 'text/plain': 'epoch 2' }, 'progress', true);
    c.result({ 'text/plain': '42' }, 3);
    c.error({ name: 'Error', message: 'x', stack: '' });
    assert.deepEqual(c.outputs, [
      { output_type: 'stream', name: 'stdout', text: 'ab\n' },
      { output_type: 'display_data', data: { 'text/plain': 'epoch 2' }, metadata: {} },
      { output_type: 'stream', name: 'stderr', text: 'warn\n' },
      { output_type: 'execute_result', data: { 'text/plain': '42' }, metadata: {}, execution_count: 3 },
      { output_type: 'error', ename: 'Error', evalue: 'x', traceback: ['Error: x'] },
    ]);
  });
});
