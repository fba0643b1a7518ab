import { strict as assert } from 'node:assert';
import { table } from 'arquero';
import { binOf, profile } from '../../../../src/core/data/profile';
import { isDataProfile } from '../../../../src/core/data/profiling/contract';
import { MIME_BUNDLE } from '../../../../src/core/display/mimeBundle';
import { referenceOrSkip, runPython } from './python';

function sample() {
  let seed = 5;
  const rand = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const n = 1000;
  return {
    x: Array.from({ length: n }, (_, i) => (i % 13 === 0 ? null : Math.round((rand() * 100 - 20) * 1000) / 1000)),
    k: Array.from({ length: n }, () => Math.floor(rand() * 7)),
    s: Array.from({ length: n }, (_, i) => (i % 9 === 0 ? null : ['a', 'b', 'c', 'd'][Math.floor(rand() ** 2 * 4)])),
  };
}

describe('core/data profile', () => {
  it("matches pandas' describe() for numbers and value_counts() for text", function () {
    const data = sample();
    const ref = referenceOrSkip<{ describe: Record<string, Record<string, number>>; counts: Record<string, number>; missing: Record<string, number> }>(
      this,
      runPython(
        `import pandas as pd
df = pd.DataFrame(data)
d = df[['x', 'k']].describe()
print(json.dumps({'describe': {c: {k: float(v) for k, v in d[c].items()} for c in d.columns}, 'counts': {str(k): int(v) for k, v in df['s'].value_counts().items()}, 'missing': {c: int(df[c].isna().sum()) for c in df.columns}}))`,
        data,
      ),
    );
    const p = profile(table(data));
    for (const name of ['x', 'k']) {
      const c = p.column(name)!;
      assert.equal(c.type, 'number');
      if (c.type !== 'number') return;
      const d = ref.describe[name];
      assert.equal(c.count, d.count);
      assert.equal(c.missing, ref.missing[name]);
      for (const [ours, theirs] of [
        [c.mean, d.mean],
        [c.sd, d.std],
        [c.min, d.min],
        [c.quantiles['0.25'], d['25%']],
        [c.quantiles['0.5'], d['50%']],
        [c.quantiles['0.75'], d['75%']],
        [c.max, d.max],
      ]) {
        assert.ok(Math.abs(ours - theirs) <= 1e-9 * Math.max(1, Math.abs(theirs)), `${name}: ${ours} vs pandas ${theirs}`);
      }
    }
    const s = p.column('s')!;
    assert.equal(s.type, 'string');
    if (s.type !== 'string') return;
    assert.deepEqual(Object.fromEntries(s.categories.map((c) => [c.value, c.count])), ref.counts);
    assert.equal(s.missing, ref.missing.s);
  });

  it('keeps fixed histogram edges with counts, 101 percentiles and category counts for drift checks', () => {
    const p = profile(table({ v: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], c: ['a', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'] }), { bins: 5, maxCategories: 3 });
    const v = p.column('v')!;
    if (v.type !== 'number') throw new Error('v is numeric');
    assert.deepEqual(v.histogram.edges, [0, 2, 4, 6, 8, 10]);
    assert.deepEqual(v.histogram.counts, [2, 2, 2, 2, 3]);
    assert.equal(v.percentiles.length, 101);
    assert.equal(v.percentiles[50], 5);
    const c = p.column('c')!;
    if (c.type !== 'string') throw new Error('c is text');
    assert.deepEqual(c.categories, [
      { value: 'a', count: 2 },
      { value: 'b', count: 1 },
      { value: 'c', count: 1 },
    ]);
    assert.equal(c.otherCount, 7);
    assert.equal(binOf(v.histogram.edges, -5), 0);
    assert.equal(binOf(v.histogram.edges, 99), 4);
  });

  it('is small, versioned JSON that reads back as a profile, and renders in a cell', () => {
    const p = profile(table(sample()));
    const text = JSON.stringify(p);
    assert.ok(text.length < 10000, `${text.length} bytes`);
    const back = JSON.parse(text);
    assert.ok(isDataProfile(back));
    assert.equal(back.version, 1);
    assert.match(p[MIME_BUNDLE]()['text/html'] as string, /Data profile/);
  });

  it('profiles dates by range and histogram', () => {
    const p = profile(table({ d: [new Date('2020-01-01T00:00:00Z'), null, new Date('2020-01-11T00:00:00Z')] }), { bins: 2 });
    const d = p.column('d')!;
    if (d.type !== 'date') throw new Error('d is a date');
    assert.deepEqual([d.min, d.max, d.missing], ['2020-01-01T00:00:00.000Z', '2020-01-11T00:00:00.000Z', 1]);
    assert.deepEqual(d.histogram.counts, [1, 1]);
  });
});
