import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { Bucketizer } from '../../../../src/core/features/bucketizer';
import { categoricalColumns, numericColumns } from '../../../../src/core/features/columns';
import { CustomStep } from '../../../../src/core/features/customStep';
import { MinMaxScaler } from '../../../../src/core/features/minMaxScaler';
import { OneHotEncoder } from '../../../../src/core/features/oneHotEncoder';
import { OrdinalEncoder } from '../../../../src/core/features/ordinalEncoder';
import { DropColumns, SelectColumns } from '../../../../src/core/features/selectColumns';
import { SimpleImputer } from '../../../../src/core/features/simpleImputer';
import { StandardScaler } from '../../../../src/core/features/standardScaler';
import { stepFromJSON } from '../../../../src/core/features/stepRegistry';
import { CATEGORICAL, NUMERIC, penguinsTable, sklearnFeatures } from './reference';
import { runPython } from '../linalg/python';

/** A table's columns as rows (null for NaN), for comparison with sklearn's 2-D output. */
function rowsOf(t: aq.ColumnTable, columns = t.columnNames()): unknown[][] {
  const cols = columns.map((c) => t.array(c) as ArrayLike<unknown>);
  return Array.from({ length: t.numRows() }, (_, i) => cols.map((v) => (typeof v[i] === 'number' && Number.isNaN(v[i]) ? null : v[i])));
}

function assertClose(actual: unknown[][], expected: unknown[][], tol: number, what: string): void {
  assert.equal(actual.length, expected.length, `${what}: row count`);
  actual.forEach((row, i) =>
    row.forEach((v, j) => {
      const e = expected[i][j];
      if (typeof v === 'number' && typeof e === 'number') assert.ok(Math.abs(v - e) <= tol * Math.max(1, Math.abs(e)), `${what}[${i}][${j}]: ${v} vs ${e}`);
      else assert.deepEqual(v, e, `${what}[${i}][${j}]`);
    }),
  );
}

describe('core/features steps', () => {
  it('StandardScaler and MinMaxScaler match scikit-learn on penguins, missing values passing through', function () {
    const sk = sklearnFeatures(this);
    const t = penguinsTable();
    const s = new StandardScaler({ columns: NUMERIC }).fit(t);
    assert.deepEqual(Object.keys(s.statistics), NUMERIC);
    NUMERIC.forEach((c, j) => {
      assert.ok(Math.abs(s.statistics[c].mean - sk.standard.mean[j]) < 1e-12 * Math.abs(sk.standard.mean[j]));
      assert.ok(Math.abs(s.statistics[c].scale - sk.standard.scale[j]) < 1e-12 * sk.standard.scale[j]);
    });
    assertClose(rowsOf(s.transform(t), NUMERIC), sk.standard.out, 1e-12, 'standard');
    assertClose(rowsOf(new MinMaxScaler().fitTransform(t), NUMERIC), sk.minmax, 1e-12, 'minmax');
  });

  it('SimpleImputer matches scikit-learn for mean, median, most frequent and constant', function () {
    const sk = sklearnFeatures(this);
    const t = penguinsTable();
    assertClose(rowsOf(new SimpleImputer({ strategy: 'mean' }).fitTransform(t), NUMERIC), sk.impute.mean, 1e-12, 'mean');
    assertClose(rowsOf(new SimpleImputer({ strategy: 'median' }).fitTransform(t), NUMERIC), sk.impute.median, 1e-12, 'median');
    const mf = new SimpleImputer({ strategy: 'mostFrequent', columns: [...CATEGORICAL, ...NUMERIC] });
    assertClose(rowsOf(mf.fitTransform(t), [...CATEGORICAL, ...NUMERIC]), sk.impute.mostFrequent, 0, 'mostFrequent');
    assertClose(rowsOf(new SimpleImputer({ strategy: 'constant', columns: CATEGORICAL }).fitTransform(t), CATEGORICAL), sk.impute.constant, 0, 'constant');
    assert.deepEqual(mf.statistics.Sex, 'MALE');
  });

  it('OneHotEncoder matches scikit-learn (names, values, missing as a category, drop first)', function () {
    const sk = sklearnFeatures(this);
    const t = penguinsTable();
    const out = new OneHotEncoder({ columns: CATEGORICAL, handleUnknown: 'ignore' }).fitTransform(t);
    const names = sk.onehot.names.map((n) => n.replace(/_nan$/, '_null'));
    assert.deepEqual(
      out.columnNames().filter((c) => /^(Island|Sex)_/.test(c)),
      names,
    );
    assertClose(rowsOf(out, names), sk.onehot.out, 0, 'onehot');
    const first = new OneHotEncoder({ columns: CATEGORICAL, drop: 'first' }).fitTransform(t);
    const firstNames = sk.onehotFirst.names.map((n) => n.replace(/_nan$/, '_null'));
    assertClose(rowsOf(first, firstNames), sk.onehotFirst.out, 0, 'onehot drop first');
  });

  it('OneHotEncoder refuses or ignores unseen categories as asked', () => {
    const train = aq.table({ c: ['a', 'b'] });
    const test = aq.table({ c: ['a', 'z'] });
    assert.throws(() => new OneHotEncoder().fit(train).transform(test), /"z" \(row 1\), which was not seen in fit.*handleUnknown: 'ignore'/);
    const out = new OneHotEncoder({ handleUnknown: 'ignore' }).fit(train).transform(test);
    assert.deepEqual(rowsOf(out), [
      [1, 0],
      [0, 0],
    ]);
    assert.deepEqual(rowsOf(new OneHotEncoder({ drop: 'ifBinary' }).fitTransform(train)), [[0], [1]]);
  });

  it('OrdinalEncoder matches scikit-learn and encodes unknowns when asked', function () {
    const sk = sklearnFeatures(this);
    const t = penguinsTable();
    assertClose(rowsOf(new OrdinalEncoder({ columns: CATEGORICAL }).fitTransform(t), CATEGORICAL), sk.ordinal, 0, 'ordinal');
    const enc = new OrdinalEncoder({ handleUnknown: 'useEncodedValue', unknownValue: -1, categories: { size: ['S', 'M', 'L'] } }).fit(aq.table({ size: ['M'] }));
    assert.deepEqual(rowsOf(enc.transform(aq.table({ size: ['L', 'S', 'XL'] }))), [[2], [0], [-1]]);
  });

  it('OrdinalEncoder treats a missing value outside the categories as unknown, as scikit-learn 1.2', function () {
    const test = ['a', 'b', null, 'c'];
    const ref = runPython<{ fixed: number[]; fixedNan: number[]; seen: number[]; unseen: number[] }>(
      this,
      `from sklearn.preprocessing import OrdinalEncoder
X = np.array([[v if v is not None else np.nan] for v in data['test']], dtype=object)
def enc(fit, **kw):
    e = OrdinalEncoder(handle_unknown='use_encoded_value', unknown_value=-1, **kw).fit(np.array([[v if v is not None else np.nan] for v in fit], dtype=object))
    return [None if np.isnan(v) else v for v in e.transform(X).ravel()]
out({'fixed': enc(['a', 'b'], categories=[['a', 'b']]), 'fixedNan': enc(['a', 'b'], categories=[['a', 'b', np.nan]]), 'seen': enc(['a', 'b', None]), 'unseen': enc(['a', 'b'])})`,
      { test },
    );
    const codes = (fit: (string | null)[], categories?: (string | null)[]) =>
      rowsOf(
        new OrdinalEncoder({ columns: ['x'], handleUnknown: 'useEncodedValue', unknownValue: -1, categories: categories ? { x: categories } : null })
          .fit(aq.table({ x: fit }))
          .transform(aq.table({ x: test })),
      ).map(([v]) => v);
    assert.deepEqual(codes(['a', 'b'], ['a', 'b']), ref.fixed);
    assert.deepEqual(ref.fixed, [0, 1, -1, -1]);
    assert.deepEqual(codes(['a', 'b'], ['a', 'b', null]), ref.fixedNan);
    assert.deepEqual(codes(['a', 'b', null]), ref.seen);
    assert.deepEqual(codes(['a', 'b']), ref.unseen);
    // With handleUnknown 'error' a missing value stays NaN (documented difference: scikit-learn raises).
    const strict = new OrdinalEncoder({ columns: ['x'], categories: { x: ['a', 'b'] } }).fit(aq.table({ x: ['a'] }));
    assert.deepEqual(rowsOf(strict.transform(aq.table({ x: [null] }))), [[null]]);
  });

  it('Bucketizer matches KBinsDiscretizer (quantile and uniform) and takes fixed edges', function () {
    const sk = sklearnFeatures(this);
    const complete = penguinsTable()
      .filter(aq.escape((d: Record<string, unknown>) => NUMERIC.every((c) => d[c] !== null)))
      .reify();
    for (const strategy of ['quantile', 'uniform'] as const) {
      const b = new Bucketizer({ columns: NUMERIC, bins: 4, strategy }).fit(complete);
      NUMERIC.forEach((c, j) => {
        const edges = sk.kbins[strategy].edges[j].slice(1, -1);
        assert.ok(
          b.cuts[c].every((v, k) => Math.abs(v - edges[k]) < 1e-12 * Math.abs(edges[k])),
          `${strategy} ${c}: ${b.cuts[c]} vs ${edges}`,
        );
      });
      assertClose(rowsOf(b.transform(complete), NUMERIC), sk.kbins[strategy].out, 0, strategy);
    }
    const fixed = new Bucketizer({ columns: ['age'], edges: [18, 65], encode: 'onehot' }).fitTransform(aq.table({ age: [10, 18, 40, 70, null] }));
    assert.deepEqual(fixed.columnNames(), ['age_0', 'age_1', 'age_2']);
    assert.deepEqual(rowsOf(fixed), [
      [1, 0, 0],
      [0, 1, 0],
      [0, 1, 0],
      [0, 0, 1],
      [0, 0, 0],
    ]);
  });

  it('select by type or name, and custom steps learn from the training table only', () => {
    const t = aq.table({ a: [1, 2, 3], b: ['x', 'y', 'x'], c: [true, false, true] });
    assert.deepEqual(new SelectColumns({ columns: numericColumns() }).fitTransform(t).columnNames(), ['a']);
    assert.deepEqual(new DropColumns({ columns: categoricalColumns() }).fitTransform(t).columnNames(), ['a']);
    const center = new CustomStep<{ mean: number }>({
      name: 'centerA',
      fit: (tbl) => ({ mean: (tbl.array('a') as number[]).reduce((s, v) => s + v, 0) / tbl.numRows() }),
      transform: (tbl, s) => tbl.params({ m: s.mean }).derive({ a: (d: { a: number }, $: { m: number }) => d.a - $.m }),
    });
    center.fit(t);
    assert.deepEqual(Array.from(center.transform(aq.table({ a: [10] })).array('a') as number[]), [8]);
    const again = stepFromJSON(JSON.parse(JSON.stringify(center.toJSON())));
    assert.deepEqual(Array.from(again.transform(aq.table({ a: [10] })).array('a') as number[]), [8]);
  });

  it('every built-in step survives a JSON round trip with identical output', function () {
    const t = penguinsTable();
    const steps = [
      new SimpleImputer({ strategy: 'median' }),
      new StandardScaler({ withMean: false }),
      new MinMaxScaler({ featureRange: [-1, 1], clip: true }),
      new OneHotEncoder({ columns: ['Island'] }),
      new OrdinalEncoder({ columns: ['Sex'] }),
      new Bucketizer({ columns: ['Body Mass (g)'], bins: 3 }),
    ];
    for (const s of steps) {
      const fitted = s.fit(t);
      const again = stepFromJSON(JSON.parse(JSON.stringify(fitted.toJSON())));
      assert.deepEqual(rowsOf(again.transform(t)), rowsOf(fitted.transform(t)), s.type);
      assert.equal(again.fitted, true);
    }
  });

  it("no step writes into the arrays of the table it is given (steps read the table's own arrays)", () => {
    // Float64Array, plain-array and text columns with missing values: the storages readColumn hands out as they are.
    const columns = {
      x: Float64Array.of(3, NaN, 1, 7, 2, 5),
      y: [4, null, 1, 9, 2, 2] as (number | null)[],
      b: [true, false, null, true, true, false] as (boolean | null)[],
      s: ['a', 'b', null, 'a', 'c', 'b'] as (string | null)[],
    };
    const before = Object.fromEntries(Object.entries(columns).map(([k, v]) => [k, Array.from(v as ArrayLike<unknown>)]));
    const steps = [
      new SimpleImputer({ strategy: 'median', columns: ['x', 'y'] }),
      new SimpleImputer({ strategy: 'mostFrequent', columns: ['s', 'b'] }),
      new SimpleImputer({ strategy: 'constant', fillValue: 0, columns: ['x'] }),
      new StandardScaler({ columns: ['x', 'y', 'b'] }),
      new MinMaxScaler({ columns: ['x', 'y'], clip: true }),
      new OneHotEncoder({ columns: ['s', 'b'] }),
      new OrdinalEncoder({ columns: ['s'] }),
      new Bucketizer({ columns: ['x', 'y'], bins: 2, encode: 'onehot' }),
      new SelectColumns({ columns: ['x', 's'] }),
      new DropColumns({ columns: ['y'] }),
    ];
    for (const step of steps) {
      const t = aq.table(columns);
      step.fit(t);
      step.transform(t);
      for (const [k, v] of Object.entries(columns)) {
        assert.equal(t.column(k), v, `${step.type}: the table still holds its own "${k}"`);
        assert.deepEqual(Array.from(v as ArrayLike<unknown>), before[k], `${step.type} wrote into column "${k}"`);
      }
    }
  });

  it('explains misuse: unknown option, transform before fit, text in a numeric step, missing column', () => {
    assert.throws(() => new StandardScaler({ with_mean: false } as never), /unknown option "with_mean"; known options: name, columns, withMean, withStd/);
    assert.throws(() => new StandardScaler().transform(aq.table({ a: [1] })), /not fitted/);
    assert.throws(() => new StandardScaler({ columns: ['s'] }).fit(aq.table({ s: ['a'] })), /column "s" holds string values.*OneHotEncoder/);
    assert.throws(() => new StandardScaler({ columns: ['a'] }).fit(aq.table({ a: [1, 2] })).transform(aq.table({ b: [1] })), /no column "a"/);
    assert.throws(() => new SimpleImputer({ strategy: 'mean', columns: ['a'] }).fit(aq.table({ a: [null, null] })), /entirely missing/);
  });
});
