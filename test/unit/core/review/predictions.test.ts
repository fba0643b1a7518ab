import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { hashString16, rowIdHashes, rowHashes } from '../../../../src/core/data/fingerprint';
import { keepPredictions, type EvaluatedRows } from '../../../../src/core/review/keepPredictions';
import { encodePredictions } from '../../../../src/core/review/encodePredictions';
import { decodePredictions, PredictionsFormatError } from '../../../../src/core/review/decodePredictions';
import { evaluatePredictions, _evaluatePredictionsWithRows } from '../../../../src/core/evaluation/evaluate/fromPredictions';
import { _evaluateWithRows } from '../../../../src/core/evaluation/evaluate/fromModel';
import { LogisticRegression } from '../../../../src/core/models';

function binaryRows(n: number, offset = 0): EvaluatedRows {
  const rowIds = Array.from({ length: n }, (_, i) => hashString16(`row ${i + offset}`));
  const yScore = Float64Array.from({ length: n }, (_, i) => (((i + offset) * 7919) % 1000) / 1000);
  return {
    rowIds,
    identity: { kind: 'hash' },
    task: 'binary',
    classes: ['no', 'yes'],
    positiveLabel: 'yes',
    yTrue: rowIds.map((_, i) => ((i + offset) % 3 ? 'yes' : 'no')),
    yPred: Array.from(yScore, (s) => (s >= 0.5 ? 'yes' : 'no')),
    yScore,
    slices: { sex: rowIds.map((_, i) => ((i + offset) % 2 ? 'F' : i % 5 ? 'M' : null)) },
    features: { age: Float64Array.from({ length: n }, (_, i) => 20 + ((i + offset) % 50)), city: rowIds.map((_, i) => ((i + offset) % 4 ? 'Oslo' : 'Bergen')) },
  };
}

describe('core/data rowIdHashes', () => {
  it('gives the same 16-hex id to the same row in any order, and extends rowHashes', () => {
    const t = aq.table({ a: [1, 2, 3], b: ['x', 'y', 'z'] });
    const ids = rowIdHashes(t);
    assert.ok(ids.every((h) => /^[0-9a-f]{16}$/.test(h)));
    assert.deepEqual(rowIdHashes(t.orderby(aq.desc('a'))), [...ids].reverse());
    const h = rowHashes(t);
    assert.equal(Math.floor(h[0]! / 2 ** 21), parseInt(ids[0]!.slice(0, 8), 16));
  });
});

describe('core/review keepPredictions', () => {
  it('keeps every row up to the limit, in order', () => {
    const rows = binaryRows(1000);
    const set = keepPredictions(rows, { maxRows: 1000 });
    assert.deepEqual(set.rowIds, rows.rowIds);
    assert.equal(set.totalRows, 1000);
    assert.deepEqual(set.features!.city!.slice(0, 4), ['Bergen', 'Oslo', 'Oslo', 'Oslo']);
  });

  it('above the limit keeps exactly maxRows rows chosen by row hash: the same rows when reordered or extended', () => {
    const a = keepPredictions(binaryRows(5000), { maxRows: 1000 });
    assert.equal(a.rowIds.length, 1000);
    assert.equal(a.totalRows, 5000);
    const shuffled = binaryRows(5000);
    const order = shuffled.rowIds.map((_, i) => i).reverse();
    const reordered: EvaluatedRows = {
      ...shuffled,
      rowIds: order.map((i) => shuffled.rowIds[i]!),
      yTrue: order.map((i) => shuffled.yTrue[i]!),
      yPred: order.map((i) => shuffled.yPred[i]!),
      yScore: Float64Array.from(order, (i) => shuffled.yScore![i]!),
      slices: undefined,
      features: undefined,
    };
    const b = keepPredictions(reordered, { maxRows: 1000 });
    assert.deepEqual(new Set(b.rowIds), new Set(a.rowIds));
    // A head that evaluated 2% more rows keeps mostly the same rows (a bottom-k sample).
    const c = keepPredictions(binaryRows(5100), { maxRows: 1000 });
    const shared = c.rowIds.filter((id) => new Set(a.rowIds).has(id)).length;
    assert.ok(shared >= 950, `only ${shared} shared rows`);
  });

  it('drops feature values, not rows, when they exceed the cell budget', () => {
    const set = keepPredictions(binaryRows(1000), { maxFeatureCells: 1999 });
    assert.equal(set.features, undefined);
    assert.equal(set.rowIds.length, 1000);
  });
});

describe('core/review encodePredictions / decodePredictions', () => {
  it('round-trips a binary set with slices and features through Arrow IPC', () => {
    const set = keepPredictions(binaryRows(2000));
    const bytes = encodePredictions(set);
    assert.equal(new TextDecoder().decode(bytes.subarray(0, 6)), 'ARROW1');
    const back = decodePredictions(bytes);
    assert.deepEqual(back.rowIds, set.rowIds);
    assert.deepEqual(back.yTrue, set.yTrue);
    assert.deepEqual(back.yPred, set.yPred);
    assert.deepEqual(Array.from(back.yScore!), Array.from(set.yScore!));
    assert.deepEqual(back.slices, set.slices);
    assert.deepEqual(back.features, set.features);
    assert.deepEqual([back.task, back.positiveLabel, back.classes, back.totalRows, back.identity], ['binary', 'yes', ['no', 'yes'], 2000, { kind: 'hash' }]);
  });

  it('round-trips regression values and a named id column', () => {
    const set = keepPredictions({ rowIds: ['c1', 'Zürich-2'], identity: { kind: 'column', column: 'customerId' }, task: 'regression', yTrue: [1.5, -2], yPred: [1.25, 0.1] });
    const back = decodePredictions(encodePredictions(set));
    assert.deepEqual(back, { rowIds: ['c1', 'Zürich-2'], identity: { kind: 'column', column: 'customerId' }, task: 'regression', yTrue: [1.5, -2], yPred: [1.25, 0.1], totalRows: 2 });
  });

  it('refuses bytes that are not a predictions file, naming the source', () => {
    assert.throws(
      () => decodePredictions(new Uint8Array([1, 2, 3]), 'x.predictions'),
      (e: unknown) => e instanceof PredictionsFormatError && /x\.predictions is not a Modelbook predictions file/.test((e as Error).message),
    );
    const unaligned = new Uint8Array(encodePredictions(keepPredictions(binaryRows(3)))).length;
    const shifted = new Uint8Array(unaligned + 3);
    shifted.set(encodePredictions(keepPredictions(binaryRows(3))), 3);
    assert.equal(decodePredictions(shifted.subarray(3)).rowIds.length, 3, 'a view at an unaligned offset');
    const plain = encodePredictions(keepPredictions(binaryRows(3)));
    plain[plain.length - 11] ^= 0xff; // break the footer
    assert.throws(() => decodePredictions(plain), PredictionsFormatError);
  });
});

describe('core/evaluation evaluated rows', () => {
  it('evaluate with idColumn keys the rows by it, keeps it out of the features, and checks it', async () => {
    const t = aq.table({ id: ['a', 'b', 'c', 'd', 'e', 'f'], x: [0, 1, 2, 3, 4, 5], y: [0, 0, 0, 1, 1, 1] });
    const model = await new LogisticRegression({ seed: 1 }).fit(t.select('x'), t.array('y') as number[]);
    const { rows } = await _evaluateWithRows(model, t, { label: 'y', idColumn: 'id', bootstrap: false });
    const set = keepPredictions(rows());
    assert.deepEqual(set.rowIds, ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.deepEqual(set.identity, { kind: 'column', column: 'id' });
    assert.deepEqual(Object.keys(set.features!), ['x']);
    assert.deepEqual(set.yTrue, ['0', '0', '0', '1', '1', '1']);
    assert.equal(set.yScore!.length, 6);
    const dup = t.derive({ id: () => 'same' });
    await assert.rejects(_evaluateWithRows(model, dup, { label: 'y', idColumn: 'id' }), /idColumn "id" repeats the id "same"/);
    await assert.rejects(_evaluateWithRows(model, t, { label: 'y', idColumn: 'nope' }), /idColumn must name a column of testData/);
    await assert.rejects(_evaluateWithRows(model, { x: t.select('x'), y: t.array('y') as number[] }, { idColumn: 'id' }), /idColumn names a column of a test table/);
  });

  it('without an id column, identical rows get distinct ids and a reordered table the same ids', async () => {
    const t = aq.table({ x: [0, 1, 1, 5], y: [0, 1, 1, 1] });
    const model = await new LogisticRegression({ seed: 1 }).fit(t.select('x'), t.array('y') as number[]);
    const a = keepPredictions((await _evaluateWithRows(model, t, { label: 'y', bootstrap: false })).rows());
    assert.equal(new Set(a.rowIds).size, 4);
    const b = keepPredictions((await _evaluateWithRows(model, t.orderby(aq.desc('x')), { label: 'y', bootstrap: false })).rows());
    assert.deepEqual(new Set(b.rowIds), new Set(a.rowIds));
  });

  it('multiclass keeps the predicted class and its probability; evaluatePredictions uses ids when given', async () => {
    const proba = { classes: ['a', 'b', 'c'], rows: 3, data: new Float64Array([0.7, 0.2, 0.1, 0.1, 0.3, 0.6, 0.2, 0.5, 0.3]) };
    const { rows } = await _evaluatePredictionsWithRows({ yTrue: ['a', 'c', 'c'], yProba: proba, ids: [10, 11, 12] }, { bootstrap: false });
    const set = keepPredictions(rows());
    assert.deepEqual([set.task, set.yPred, Array.from(set.yScore!), set.rowIds], ['multiclass', ['a', 'c', 'b'], [0.7, 0.6, 0.5], ['10', '11', '12']]);
    await assert.rejects(evaluatePredictions({ yTrue: [1, 0], yScore: [0.2, 0.9], ids: ['x', 'x'] }), /ids must be unique/);
  });
});
