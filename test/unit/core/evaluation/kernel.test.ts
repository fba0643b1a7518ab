import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST } from '../../paths';
import { binaryData } from './reference';

/** The evaluation API as a cell uses it: `import … from 'modelbook'` in a sandboxed kernel, run by the CLI. */
describe('core/evaluation in a notebook cell (modelbook run)', function () {
  this.timeout(120_000);
  let dir: string;
  before(function () {
    if (!fs.existsSync(path.join(DIST, 'cli.js'))) this.skip();
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mb-eval-kernel-')));
    fs.writeFileSync(path.join(dir, 'package.json'), '{}');
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it('shows an Evaluation as an HTML report, displays its charts and passes gates', () => {
    const { y, score } = binaryData(400, 3);
    const cells = [
      `import { evaluatePredictions, display } from 'modelbook';\nconst ev = await evaluatePredictions({ yTrue: ${JSON.stringify(y)}, yScore: ${JSON.stringify(score)} }, { gates: ['auc >= 0.6', 'auc.lower >= 0.99'], bootstrap: { resamples: 200, seed: 1 } });\nev`,
      `display(ev.charts.roc);\n[ev.passed, ev.gates.map((g) => g.passed).join(',')].join(' ')`,
      `ev.toMarkdown().split('\\n')[0]`,
      `ev.show()`,
    ];
    const nb = { nbformat: 4, nbformat_minor: 5, metadata: {}, cells: cells.map((source, i) => ({ cell_type: 'code', id: `c${i}`, metadata: {}, source, outputs: [], execution_count: null })) };
    fs.writeFileSync(path.join(dir, 'eval.mlnb'), JSON.stringify(nb));
    const r = spawnSync(process.execPath, [path.join(DIST, 'cli.js'), 'run', 'eval.mlnb'], { cwd: dir, encoding: 'utf8', timeout: 110_000 });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(fs.readFileSync(path.join(dir, 'eval.mlnb'), 'utf8')).cells.map((c: { outputs: { data?: Record<string, string[] | object> }[] }) => c.outputs);
    const report = out[0][0].data;
    assert.match((report['text/html'] as string[]).join(''), /<div class="mb-eval">.*FAILED: 1\/2 gates/s);
    assert.match((report['text/plain'] as string[]).join(''), /^Evaluation of model \(binary, 400 rows/);
    assert.equal((report['application/vnd.modelbook.evaluation+json'] as { kind: string }).kind, 'modelbook.evaluation', 'the view is saved as JSON for the renderer');
    assert.equal((out[1][0].data['application/vnd.vegalite.v5+json'] as { $schema: string }).$schema, 'https://vega.github.io/schema/vega-lite/v5.json');
    assert.match((out[1][1].data['text/plain'] as string[]).join(''), /false true,false/);
    assert.match((out[2][0].data['text/plain'] as string[]).join(''), /## Evaluation: model/);
    assert.deepEqual(
      out[3].map((o: { data: Record<string, unknown> }) => Object.keys(o.data).sort().join(' ')),
      ['application/vnd.modelbook.evaluation+json text/html text/plain', 'application/vnd.vegalite.v5+json text/plain', 'application/vnd.vegalite.v5+json text/plain'],
    );
  });
});
