import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { stringifyRunRecord } from '../../../../src/core/runs/stringify';
import { parseRunRecord } from '../../../../src/core/runs/validate';
import { FIXTURES } from '../../paths';
import { toMetricHistory } from '../../../../src/core/runs/metricHistory';
import { makeRecord } from './helpers';

describe('core/runs stringifyRunRecord', () => {
  it('writes keys in schema order whatever order the object has, and maps sorted by name', () => {
    const a = makeRecord({ params: { zeta: 1, alpha: 2 }, metrics: { loss: 0.3, auc: 0.9 } });
    const shuffled = Object.fromEntries(Object.entries(a).reverse()) as typeof a;
    const text = stringifyRunRecord(shuffled);
    assert.equal(text, stringifyRunRecord(a));
    const keys = Object.keys(JSON.parse(text));
    assert.deepEqual(keys.slice(0, 5), ['version', 'id', 'name', 'kind', 'status']);
    assert.match(text, /"params": \{"alpha": 2, "zeta": 1\}/);
    assert.match(text, /"metrics": \{"auc": 0\.9, "loss": 0\.3\}/);
  });

  it('round-trips: the written text parses back to an equal, valid record', () => {
    for (const name of fs.readdirSync(path.join(FIXTURES, 'runs', 'valid'))) {
      const text = fs.readFileSync(path.join(FIXTURES, 'runs', 'valid', name), 'utf8');
      const r = parseRunRecord(text, name);
      assert.ok(r.ok);
      if (r.ok) assert.equal(stringifyRunRecord(r.record), text, `${name} is written byte for byte as stored`);
    }
  });

  it('puts each metric history on one line, however long, and each layer on its own line', () => {
    const points = Array.from({ length: 200 }, (_, i) => ({ epoch: i + 1, metrics: { loss: 1 / (i + 1), valLoss: 2 / (i + 1) }, elapsedMs: 1000 * i }));
    const layers = [1, 2].map((k) => ({ name: `dense_${k}`, kind: 'Dense', outputShape: [null, 8], parameters: 72 }));
    const text = stringifyRunRecord(makeRecord({ history: toMetricHistory(points), model: { type: 'MLP', parameterCount: 144, layers } }));
    const lines = text.split('\n');
    assert.equal(lines.filter((l) => l.trimStart().startsWith('"loss": [')).length, 1);
    assert.equal(lines.filter((l) => l.trimStart().startsWith('"epoch": [')).length, 1);
    assert.equal(lines.filter((l) => l.includes('"name": "dense_')).length, 2);
    assert.deepEqual(JSON.parse(text).history.metrics.loss.length, 200);
  });

  it('writes non-finite numbers as null and ends with a newline', () => {
    const text = stringifyRunRecord(makeRecord({ metrics: { auc: NaN, loss: Infinity } }));
    assert.match(text, /"metrics": \{"auc": null, "loss": null\}/);
    assert.ok(text.endsWith('}\n'));
  });
});
