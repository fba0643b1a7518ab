import { strict as assert } from 'node:assert';
import * as aq from 'arquero';
import { createRng } from '../../../../src/core/linalg/random';
import type { Fold } from '../../../../src/core/validation/contract';
import { GroupKFold } from '../../../../src/core/validation/groupKFold';
import { KFold } from '../../../../src/core/validation/kFold';
import { RepeatedStratifiedKFold } from '../../../../src/core/validation/repeatedKFold';
import { StratifiedKFold } from '../../../../src/core/validation/stratifiedKFold';
import { TimeSeriesSplit } from '../../../../src/core/validation/timeSeriesSplit';
import { trainTestIndices, trainTestSplit } from '../../../../src/core/validation/trainTestSplit';
import { loadVegaDataset, runPython } from '../linalg/python';

type PyFolds = [number[], number[]][];

const SPLITS = `
from sklearn.model_selection import KFold, StratifiedKFold, GroupKFold, TimeSeriesSplit, train_test_split
def folds(s, *args): return [[tr.tolist(), te.tolist()] for tr, te in s.split(*args)]
X = np.zeros((data['n'], 1))
res = {
  'kfold': folds(KFold(5), np.zeros((23, 1))),
  'kfold3': folds(KFold(3), np.zeros((10, 1))),
  'strat': folds(StratifiedKFold(5), np.zeros((len(data['species']), 1)), data['species']),
  'stratOdd': folds(StratifiedKFold(4), np.zeros((len(data['labels']), 1)), data['labels']),
  'group': folds(GroupKFold(5), X, None, data['groups']),
  'groupStr': folds(GroupKFold(3), np.zeros((len(data['groupNames']), 1)), None, data['groupNames']),
  'ts': folds(TimeSeriesSplit(5), np.zeros((50, 1))),
  'tsGap': folds(TimeSeriesSplit(3, gap=2, max_train_size=10, test_size=7), np.zeros((50, 1))),
  'sizes': [[len(p) for p in train_test_split(np.arange(n), test_size=t, train_size=tr, random_state=0)] for n, t, tr in data['sizes']],
}
tr, te = train_test_split(np.arange(len(data['species'])), test_size=0.2, stratify=data['species'], random_state=0)
sp = np.array(data['species'])
res['stratCounts'] = [{c: int((sp[idx] == c).sum()) for c in sorted(set(data['species']))} for idx in (tr, te)]
out(res)
`;

function plain(folds: Fold[]): PyFolds {
  return folds.map((f) => [Array.from(f.train), Array.from(f.test)]);
}

function checkPartition(folds: Fold[], rows: number): void {
  const seen = new Int32Array(rows);
  for (const f of folds) {
    for (const i of f.test) seen[i]++;
    assert.equal(f.train.length + f.test.length, rows);
  }
  assert.ok(
    seen.every((c) => c === 1),
    'every row is in exactly one test fold',
  );
}

describe('core/validation splitters', () => {
  const species = loadVegaDataset('penguins.json').map((r) => r.Species as string);
  const rng = createRng(5);
  const labels = Array.from({ length: 77 }, () => ['b', 'a', 'c', 'c', 'c'][rng.nextInt(5)]);
  const groups = Array.from({ length: 500 }, () => rng.nextInt(60));
  const groupNames = Array.from({ length: 40 }, (_, i) => ['ann', 'bob', 'cyd', 'dan', 'eve', 'fay', 'gus'][i % 7]);
  const sizes = [
    [100, 0.25, null],
    [101, 0.3, null],
    [10, 3, null],
    [50, null, 0.6],
    [77, 0.2, 0.5],
  ];

  it('give the same indices as scikit-learn (KFold, StratifiedKFold, GroupKFold, TimeSeriesSplit)', function () {
    const sk = runPython<Record<string, PyFolds>>(this, SPLITS, { n: 500, species, labels, groups, groupNames, sizes });
    assert.deepEqual(plain(new KFold({ nSplits: 5 }).split(23)), sk.kfold);
    assert.deepEqual(plain(new KFold({ nSplits: 3 }).split(10)), sk.kfold3);
    assert.deepEqual(plain(new StratifiedKFold({ nSplits: 5 }).split(species.length, { y: species })), sk.strat);
    assert.deepEqual(plain(new StratifiedKFold({ nSplits: 4 }).split(labels.length, { y: labels })), sk.stratOdd);
    assert.deepEqual(plain(new GroupKFold({ nSplits: 5 }).split(500, { groups })), sk.group);
    assert.deepEqual(plain(new GroupKFold({ nSplits: 3 }).split(40, { groups: groupNames })), sk.groupStr);
    assert.deepEqual(plain(new TimeSeriesSplit({ nSplits: 5 }).split(50)), sk.ts);
    assert.deepEqual(plain(new TimeSeriesSplit({ nSplits: 3, gap: 2, maxTrainSize: 10, testSize: 7 }).split(50)), sk.tsGap);
  });

  it('trainTestSplit uses scikit-learn sizes and, when stratified, its class allocation', function () {
    const sk = runPython<{ sizes: number[][]; stratCounts: Record<string, number>[] }>(this, SPLITS, { n: 500, species, labels, groups, groupNames, sizes });
    sizes.forEach(([n, t, tr], k) => {
      const s = trainTestIndices(n as number, { testSize: t ?? undefined, trainSize: tr ?? undefined });
      assert.deepEqual([s.train.length, s.test.length], sk.sizes[k], `sizes ${JSON.stringify(sizes[k])}`);
    });
    const table = aq.table({ species });
    const split = trainTestSplit(table, { testSize: 0.2, stratify: 'species', seed: 3 });
    const count = (t: aq.ColumnTable) => Object.fromEntries(['Adelie', 'Chinstrap', 'Gentoo'].map((c) => [c, (t.array('species') as string[]).filter((v) => v === c).length]));
    assert.deepEqual([count(split.train), count(split.test)], sk.stratCounts);
    assert.equal(new Set([...split.trainIndex, ...split.testIndex]).size, species.length);
  });

  it('seeded shuffles are reproducible, partition the rows and keep class shares', () => {
    const a = new KFold({ nSplits: 4, shuffle: true, seed: 7 }).split(30);
    assert.deepEqual(plain(a), plain(new KFold({ nSplits: 4, shuffle: true, seed: 7 }).split(30)));
    assert.notDeepEqual(plain(a), plain(new KFold({ nSplits: 4, shuffle: true, seed: 8 }).split(30)));
    checkPartition(a, 30);
    const s = new StratifiedKFold({ nSplits: 5, shuffle: true, seed: 1 }).split(species.length, { y: species });
    checkPartition(s, species.length);
    for (const f of s) {
      const adelie = Array.from(f.test).filter((i) => species[i] === 'Adelie').length;
      assert.ok(Math.abs(adelie - 152 / 5) <= 1);
    }
    const rep = new RepeatedStratifiedKFold({ nSplits: 5, nRepeats: 3, seed: 2 }).split(species.length, { y: species });
    assert.equal(rep.length, 15);
    assert.notDeepEqual(plain(rep.slice(0, 5)), plain(rep.slice(5, 10)));
    const g = new GroupKFold({ nSplits: 5 }).split(500, { groups });
    for (const f of g) {
      const testGroups = new Set(Array.from(f.test, (i) => groups[i]));
      assert.ok(
        Array.from(f.train).every((i) => !testGroups.has(groups[i])),
        'no group in both train and test',
      );
    }
  });

  it('explain impossible requests', () => {
    assert.throws(() => new KFold({ nSplits: 1 }), /nSplits must be an integer ≥ 2/);
    assert.throws(() => new KFold({ nSplits: 5 }).split(3), /cannot make nSplits=5 folds from 3 rows/);
    assert.throws(() => new StratifiedKFold().split(3), /needs the class labels/);
    assert.throws(() => new GroupKFold({ nSplits: 4 }).split(3, { groups: ['a', 'b', 'a'] }), /greater than the number of groups: 2/);
    assert.throws(() => trainTestSplit(aq.table({ y: ['a', 'b', 'b'] }), { stratify: 'y' }), /only 1 member/);
    assert.throws(() => trainTestIndices(10, { testSize: 1.5 }), /testSize must be a share in \(0, 1\) or a row count/);
  });
});
