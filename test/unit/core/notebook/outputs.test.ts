import { strict as assert } from 'node:assert';
import { createNotebook, parseNotebook } from '../../../../src/core/notebook/parse';
import { serializeNotebook } from '../../../../src/core/notebook/serialize';
import { OutputCollector } from '../../../../src/core/notebook/outputs';
import type { CodeCell, Output } from '../../../../src/core/notebook/contract';

/** The outputs as written to a file and read back by the notebook reader. */
function roundTrip(outputs: Output[]): Output[] {
  const cell: CodeCell = { cell_type: 'code', id: 'c', metadata: {}, source: 'x', execution_count: 1, outputs };
  return (parseNotebook(serializeNotebook(createNotebook([cell]))).cells[0] as CodeCell).outputs;
}

describe('core/notebook OutputCollector', () => {
  it('stores a display whose values the reader would refuse so the notebook still opens, with a note naming each MIME type', () => {
    const c = new OutputCollector();
    const cycle: Record<string, unknown> = { a: 1 };
    cycle.self = cycle;
    c.display({ 'text/html': 42, 'text/plain': 'kept' });
    c.display({ 'image/png': {} });
    c.display({ 'application/json': cycle, 'image/svg+xml': null, 'image/png': 'not base64!' });
    c.result({ 'application/vnd.vegalite.v5+json': { n: 10n } }, 1);
    const back = roundTrip(c.outputs);
    const display = back.filter((o) => o.output_type === 'display_data');
    assert.deepEqual(
      display.map((o) => o.output_type === 'display_data' && o.data),
      [{ 'text/html': '42', 'text/plain': 'kept' }],
    );
    assert.equal(
      back.some((o) => o.output_type === 'execute_result'),
      false,
      'nothing storable was left of the result',
    );
    const notes = back
      .filter((o) => o.output_type === 'stream' && o.name === 'stderr')
      .map((o) => (o as { text: string }).text)
      .join('');
    assert.match(notes, /converted the text\/html value of a display: a text type needs a string, got a number \(42\); it is stored as text\./);
    assert.match(notes, /dropped the image\/png value of a display: a binary type needs a base64 string, got an object\./);
    assert.match(notes, /dropped the application\/json value of a display: it cannot be written as JSON \(Converting circular structure/);
    assert.match(notes, /dropped the image\/svg\+xml value of a display: a text type needs a string, got null\./);
    assert.match(notes, /dropped the image\/png value of a display: a binary type needs base64 text/);
    assert.match(notes, /dropped the application\/vnd\.vegalite\.v5\+json value of a display: it cannot be written as JSON \(Do not know how to serialize a BigInt\)/);
  });

  it('drops JSON nested deeper than nbformat reads, and a display that is not a bundle, with a note', () => {
    const c = new OutputCollector();
    let deep: unknown = 1;
    for (let i = 0; i < 2000; i++) deep = [deep];
    c.display({ 'application/json': deep, 'text/plain': '[[…]]' });
    c.display('<b>hi</b>' as never);
    const back = roundTrip(c.outputs);
    assert.deepEqual(
      back.map((o) => o.output_type),
      ['stream', 'display_data', 'stream'],
    );
    assert.match((back[0] as { text: string }).text, /application\/json value of a display: it nests deeper than 1000 levels, more than notebook readers \(nbformat\) accept\.\n$/);
    assert.equal((back[2] as { text: string }).text, 'Modelbook dropped a display: its data must be an object of MIME type → value, got a string.\n');
  });

  it('stores JSON values as the file will hold them: dates as ISO strings, NaN as null', () => {
    const c = new OutputCollector();
    c.display({ 'application/json': { when: new Date(Date.UTC(2024, 0, 2)), x: NaN, gone: undefined } });
    assert.deepEqual(c.outputs, [{ output_type: 'display_data', data: { 'application/json': { when: '2024-01-02T00:00:00.000Z', x: null } }, metadata: {} }]);
  });
});

describe('core/notebook serializeNotebook', () => {
  it('never writes a text or binary value the reader refuses, whoever built the outputs', () => {
    const outputs: Output[] = [{ output_type: 'display_data', data: { 'text/html': 42, 'image/png': {}, 'text/plain': ['a', 'b'] }, metadata: {} }];
    assert.deepEqual(roundTrip(outputs), [{ output_type: 'display_data', data: { 'text/html': '42', 'text/plain': 'ab' }, metadata: {} }]);
  });
});
