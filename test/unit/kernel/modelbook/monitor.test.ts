import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as aq from 'arquero';
import { profile } from '../../../../src/core/data/profile';
import { MIME_BUNDLE } from '../../../../src/core/display/mimeBundle';
import { MONITOR_MIME } from '../../../../src/core/monitor/contract';
import type { LoadedModel, PackageManifest } from '../../../../src/core/package/contract';
import { monitor } from '../../../../src/kernel/modelbook/monitor';

describe("the kernel's monitor()", () => {
  let dir: string;
  const train = aq.table({ x: Float64Array.from({ length: 2000 }, (_, i) => (i % 100) / 10), kind: Array.from({ length: 2000 }, (_, i) => (i % 3 ? 'a' : 'b')) });
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mb-monitor-cell-'));
    fs.mkdirSync(path.join(dir, 'pkg/reference'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'pkg/reference/training-profile.json'), JSON.stringify(profile(train).toJSON()));
    fs.writeFileSync(path.join(dir, 'pkg/reference/score-profile.json'), JSON.stringify(profile(aq.table({ score: Float64Array.from({ length: 2000 }, (_, i) => (i % 100) / 100) })).toJSON()));
    fs.writeFileSync(path.join(dir, 'batch.csv'), ['x,kind', ...Array.from({ length: 1000 }, (_, i) => `${(i % 100) / 10 + 5},${i % 2 ? 'a' : 'b'}`)].join('\n'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('takes a package folder and a file path, and shows as a compact report carrying the MonitorReport', async () => {
    const m = await monitor(path.join(dir, 'pkg'), path.join(dir, 'batch.csv'));
    assert.equal(m.report.features.find((f) => f.name === 'x')!.drift!.drifted, true);
    assert.equal(m.status, 'critical');
    assert.equal(m.exitCode, 2);
    const bundle = m[MIME_BUNDLE]() as Record<string, unknown>;
    assert.equal((bundle[MONITOR_MIME] as { kind: string }).kind, 'modelbook.monitor');
    assert.match(String(bundle['text/plain']), /x\s+number/);
  });

  it('takes a profile and a table: the same data is quiet', async () => {
    const m = await monitor(profile(train).toJSON(), train);
    assert.equal(m.report.summary.driftedFeatures, 0);
    assert.equal(m.status, 'ok');
  });

  it('scores a batch without a score column with a loaded model, for prediction drift', async () => {
    const manifest = { signature: { inputs: { columns: [] }, outputs: { task: 'binary', classes: ['no', 'yes'], positiveLabel: 'yes' } } } as unknown as PackageManifest;
    const model: LoadedModel = {
      dir: path.join(dir, 'pkg'),
      manifest,
      validate: () => [],
      predict: (records) => Promise.resolve({ predictions: records.map((r) => ({ prediction: 'yes', probabilities: { no: 0.1, yes: 0.9 + 0 * Number(r.x) } })), problems: [] }),
      predictTable: (table) => {
        const rows = (table as { numRows(): number }).numRows();
        const data = new Float64Array(rows * 2);
        for (let i = 0; i < rows; i++) [data[2 * i], data[2 * i + 1]] = [0.1, 0.9];
        return Promise.resolve({ rows, predictions: new Array<string>(rows).fill('yes'), probabilities: { classes: ['no', 'yes'], data }, invalid: new Uint8Array(rows), problems: [] });
      },
    };
    const m = await monitor(model, train);
    assert.equal(m.report.prediction!.name, 'score');
    assert.equal(m.report.prediction!.drift!.drifted, true);
  });
});
