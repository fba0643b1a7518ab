import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import { stringifyRunRecord } from '../../../../src/core/runs/stringify';
import { parseRunRecord } from '../../../../src/core/runs/validate';
import { FIXTURES } from '../../paths';
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

  it('puts one epoch on one line, so a rewritten run diffs by epoch', () => {
    const history = Array.from({ length: 3 }, (_, i) => ({ epoch: i + 1, metrics: { loss: 1 / 3 + i, valLoss: 2 / 3 + i, accuracy: 1 / 7, auc: 1 / 9 }, elapsedMs: 1000 * i }));
    const lines = stringifyRunRecord(makeRecord({ history })).split('\n');
    const epochLines = lines.filter((l) => l.includes('"epoch"'));
    assert.equal(epochLines.length, 3);
    for (const l of epochLines) assert.doesNotThrow(() => JSON.parse(l.trim().replace(/,$/, '')));
  });

  it('writes non-finite numbers as null and ends with a newline', () => {
    const text = stringifyRunRecord(makeRecord({ metrics: { auc: NaN, loss: Infinity } }));
    assert.match(text, /"metrics": \{"auc": null, "loss": null\}/);
    assert.ok(text.endsWith('}\n'));
  });
});
