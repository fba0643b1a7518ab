import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from '../../paths';
import { parseNotebook, NotebookFormatError, createNotebook } from '../../../../src/core/notebook/parse';
import { serializeNotebook, splitLines } from '../../../../src/core/notebook/serialize';
import { stringifyStable } from '../../../../src/core/notebook/stableJson';

const fixture = (name: string) => readFileSync(path.join(FIXTURES, name), 'utf8');

describe('core/notebook format', () => {
  it('writes byte-for-byte what Jupyter writes (sorted keys, indent 1, lines as lists)', () => {
    const text = fixture('workspace/basic.mlnb');
    assert.equal(serializeNotebook(parseNotebook(text)), text);
  });

  it('round-trips a Jupyter notebook with outputs, attachments and unknown metadata losslessly', () => {
    const text = fixture('jupyter/rich.ipynb');
    const once = serializeNotebook(parseNotebook(text));
    assert.equal(once, text);
    const nb = parseNotebook(once);
    assert.deepEqual(nb.metadata.custom_tool, { keep: ['me', 1] });
    assert.equal(nb.cells[1].cell_type, 'markdown');
  });

  it('keeps keys nbformat does not define, at notebook and cell level', () => {
    const raw = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: [{ cell_type: 'code', id: 'a', metadata: {}, source: 'x', outputs: [], execution_count: null, future_key: 1 }], extra_top: 'kept' };
    const back = JSON.parse(serializeNotebook(parseNotebook(JSON.stringify(raw))));
    assert.equal(back.extra_top, 'kept');
    assert.equal(back.cells[0].future_key, 1);
  });

  it('gives cells without ids stable ids, the same on every read', () => {
    const raw = JSON.stringify({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [{ cell_type: 'code', metadata: {}, source: 'a', outputs: [], execution_count: null }, { cell_type: 'code', metadata: {}, source: 'a', outputs: [], execution_count: null }] });
    const a = parseNotebook(raw);
    const b = parseNotebook(raw);
    assert.equal(a.cells[0].id, b.cells[0].id);
    assert.notEqual(a.cells[0].id, a.cells[1].id);
    assert.equal(a.nbformat_minor, 5);
  });

  it('opens an empty file as a new notebook with the Modelbook kernelspec', () => {
    const nb = parseNotebook('');
    assert.deepEqual(nb, createNotebook());
    assert.equal((nb.metadata.kernelspec as { name: string }).name, 'modelbook');
  });

  it('rejects malformed files with a message naming the problem and the fix', () => {
    assert.throws(() => parseNotebook('{"cells": [', 'churn.mlnb'), (e: Error) => e instanceof NotebookFormatError && /churn\.mlnb is not valid JSON/.test(e.message) && /will not overwrite/.test(e.message));
    assert.throws(() => parseNotebook('{"nbformat": 3, "cells": []}', 'old.mlnb'), /nbformat 3.*nbconvert/);
    assert.throws(() => parseNotebook('{"nbformat": 4, "cells": [{"cell_type": "widget"}]}', 'w.mlnb'), /cell 1 has cell_type "widget"/);
    assert.throws(() => parseNotebook('[1]', 'a.mlnb'), /one JSON object/);
  });

  it('splits text into lines the way Python splitlines(True) does for \\n', () => {
    assert.deepEqual(splitLines(''), []);
    assert.deepEqual(splitLines('a'), ['a']);
    assert.deepEqual(splitLines('a\n'), ['a\n']);
    assert.deepEqual(splitLines('a\n\nb'), ['a\n', '\n', 'b']);
  });

  it('stringifies with sorted keys, empty containers inline, non-finite numbers as null', () => {
    assert.equal(stringifyStable({ b: [], a: {}, c: [1, { z: 1, y: NaN }] }), '{\n "a": {},\n "b": [],\n "c": [\n  1,\n  {\n   "y": null,\n   "z": 1\n  }\n ]\n}');
  });
});
