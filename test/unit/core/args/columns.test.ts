import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { fromBigInts } from '../../../../src/core/args/columns';
import { LogisticRegression } from '../../../../src/core/models/linear/logisticRegression';
import { Ridge } from '../../../../src/core/models/linear/ridge';
import { evaluatePredictions } from '../../../../src/core/evaluation/evaluate/fromPredictions';
import { rocCurve } from '../../../../src/core/evaluation/curves/rocCurve';
import { accuracyScore } from '../../../../src/core/evaluation/metrics/accuracy';

const TOO_BIG = 2n ** 60n;
/** The refusal: names the function, the argument and the row, and says how to convert the column. */
const refusal = (fn: string, name: string, row: number) =>
  new RegExp(
    `${fn.replace('.', '\\.')}: ${name.replace('.', '\\.')}\\[${row}\\] is ${TOO_BIG}n, beyond the integers a number holds exactly .*Array\\.from\\(col, Number\\).*Array\\.from\\(col, String\\)`,
  );

// A small binary problem as an int64 table would hold it: labels 0/1 and a count feature.
const xs = [0.5, 1.2, 1.9, 2.4, 3.1, 3.3, 4.0, 4.8, 5.2, 6.1];
const labels = [0, 0, 0, 1, 0, 1, 1, 1, 1, 1];
const counts = [3, 5, 8, 9, 12, 14, 15, 19, 21, 24];
const x = aq.table({ x: xs });
const scores = xs.map((v) => v / 7);

describe('fromBigInts: 64-bit integer columns as numbers', () => {
  it('turns a BigInt64Array or BigUint64Array of safe integers into a Float64Array of the same values', () => {
    assert.deepEqual(fromBigInts('f', 'y', new BigInt64Array([0n, 1n, -5n, 2n ** 53n - 1n])), new Float64Array([0, 1, -5, 2 ** 53 - 1]));
    assert.deepEqual(fromBigInts('f', 'y', new BigUint64Array([7n, 0n])), new Float64Array([7, 0]));
  });

  it('converts the bigints of a plain array and leaves its other values alone', () => {
    assert.deepEqual(fromBigInts('f', 'y', [1n, 'a', 2, null]), [1, 'a', 2, null]);
  });

  it('returns arrays without bigints, and non-arrays, unchanged (the same object)', () => {
    const plain = [1, 2, 3];
    const typed = new Float32Array([1, 2]);
    assert.equal(fromBigInts('f', 'y', plain), plain);
    assert.equal(fromBigInts('f', 'y', typed), typed);
    assert.equal(fromBigInts('f', 'y', 'churn'), 'churn');
  });

  it('refuses a bigint beyond ±(2^53 − 1), naming the function, the argument and the row', () => {
    assert.throws(() => fromBigInts('rocCurve', 'yTrue', new BigInt64Array([1n, 2n, TOO_BIG])), refusal('rocCurve', 'yTrue', 2));
    assert.throws(() => fromBigInts('f', 'y', new BigInt64Array([-(2n ** 53n)])), /f: y\[0\] is -9007199254740992n/);
    assert.throws(() => fromBigInts('f', 'y', [0, 2n ** 53n]), /f: y\[1\] is 9007199254740992n/);
  });
});

describe('BigInt columns in the public API', () => {
  it('a classifier fit on BigInt64Array labels (and int64 sample weights) equals the fit on numbers', async () => {
    const asNumbers = await new LogisticRegression().fit(x, labels, { sampleWeight: counts });
    const asBigInts = await new LogisticRegression().fit(x, BigInt64Array.from(labels, BigInt), { sampleWeight: BigInt64Array.from(counts, BigInt) });
    assert.deepEqual(asBigInts.classes, [0, 1]);
    assert.deepEqual(asBigInts.coef, asNumbers.coef);
    assert.deepEqual(await asBigInts.predict(x), await asNumbers.predict(x));
  });

  it('a classifier fit on a too-large label says which row and how to convert', async () => {
    const y = BigInt64Array.from(labels, BigInt);
    y[4] = TOO_BIG;
    await assert.rejects(new LogisticRegression().fit(x, y), refusal('LogisticRegression.fit', 'y', 4));
  });

  it('a classifier fit on a table label column of int64 values reads them as numbers', async () => {
    const t = aq.table({ x: xs, churn: BigInt64Array.from(labels, BigInt) });
    const model = await new LogisticRegression().fit(t, 'churn');
    assert.deepEqual(model.classes, [0, 1]);
  });

  it('a regressor fit on a BigInt64Array target equals the fit on numbers (it used to die serializing a BigInt)', async () => {
    const asNumbers = await new Ridge().fit(x, counts);
    const asBigInts = await new Ridge().fit(x, BigInt64Array.from(counts, BigInt));
    assert.deepEqual(asBigInts.coef, asNumbers.coef);
    assert.equal(asBigInts.intercept, asNumbers.intercept);
  });

  it('a regressor fit on a too-large target says which row and how to convert', async () => {
    const y = BigUint64Array.from(counts, BigInt);
    y[9] = TOO_BIG;
    await assert.rejects(new Ridge().fit(x, y), refusal('Ridge.fit', 'y', 9));
  });

  it('evaluatePredictions reads int64 labels and groups as numbers', async () => {
    const ev = await evaluatePredictions({ yTrue: labels, yScore: scores, groups: { count: counts.map((c) => c % 2) } }, { bootstrap: false, slices: ['count'] });
    const ev64 = await evaluatePredictions(
      { yTrue: BigInt64Array.from(labels, BigInt), yScore: scores, groups: { count: BigInt64Array.from(counts, (c) => BigInt(c % 2)) } },
      { bootstrap: false, slices: ['count'] },
    );
    assert.equal(ev64.metric('auc')?.value, ev.metric('auc')?.value);
    assert.deepEqual(ev64.view.slices, ev.view.slices);
  });

  it('evaluatePredictions refuses a too-large label, naming yTrue and the row', async () => {
    const y = BigInt64Array.from(labels, BigInt);
    y[0] = TOO_BIG;
    await assert.rejects(evaluatePredictions({ yTrue: y, yScore: scores }), refusal('evaluatePredictions', 'yTrue', 0));
  });

  it('rocCurve on BigInt64Array labels equals rocCurve on numbers, and refuses a too-large label', () => {
    const curve = rocCurve(labels, scores);
    const curve64 = rocCurve(BigInt64Array.from(labels, BigInt), scores, { sampleWeight: new BigInt64Array(labels.length).fill(1n) });
    assert.deepEqual(curve64.fpr, curve.fpr);
    assert.deepEqual(curve64.tpr, curve.tpr);
    const y = BigInt64Array.from(labels, BigInt);
    y[7] = -TOO_BIG;
    assert.throws(() => rocCurve(y, scores), /rocCurve: yTrue\[7\] is -1152921504606846976n, beyond/);
  });

  it('a too-large sample weight is refused as sampleWeight', () => {
    const w = new BigInt64Array(labels.length).fill(1n);
    w[3] = TOO_BIG;
    assert.throws(() => accuracyScore(labels, labels, { sampleWeight: w }), refusal('accuracyScore', 'sampleWeight', 3));
  });
});
