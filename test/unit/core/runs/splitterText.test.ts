import { strict as assert } from 'node:assert';
import { splitterText } from '../../../../src/core/runs/splitterText';

describe('splitterText: a run’s splitter in words', () => {
  it('lists the settings and the part the run used, never the lineage fingerprints', () => {
    const text = splitterText({
      kind: 'trainTestSplit',
      params: {
        testSize: 0.5,
        seed: 7,
        stratify: 'Sex',
        shuffle: true,
        trainSize: null,
        trainRows: 166,
        testRows: 1670,
        parts: { role: 'train', source: 'd3720d032dc22739', train: '101006b4b31e7a72' },
      },
    });
    assert.equal(text, 'trainTestSplit: testSize 0.5, seed 7, stratify Sex, shuffle true, trainRows 166, testRows 1,670 (this run used the train part)');
  });

  it('names a fold splitter with its settings, or alone when it has none', () => {
    assert.equal(splitterText({ kind: 'StratifiedKFold', params: { nSplits: 5, shuffle: true, seed: 3 } }), 'StratifiedKFold: nSplits 5, shuffle true, seed 3');
    assert.equal(splitterText({ kind: 'folds', params: {} }), 'folds');
  });
});
