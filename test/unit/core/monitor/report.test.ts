import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import * as aq from 'arquero';
import { profile } from '../../../../src/core/data/profile';
import { MIME_BUNDLE } from '../../../../src/core/display/mimeBundle';
import { computeMonitor, monitorExitCode, type MonitorReference } from '../../../../src/core/monitor/computeMonitor';
import { MONITOR_MIME, type MonitorReport } from '../../../../src/core/monitor/contract';
import { MonitorResult } from '../../../../src/core/monitor/monitorResult';
import { renderMonitorHtml } from '../../../../src/core/monitor/report/renderHtml';
import { renderMonitorMarkdown, renderMonitorText } from '../../../../src/core/monitor/report/renderText';
import { createRng } from '../../../../src/core/training/random';
import { REPO } from '../../paths';

/** A churn-like reference (age, plan, a score) and a batch with labels whose scores lost their signal. */
function fixture(n: number, shiftAge: number, seed: number) {
  const rng = createRng(seed);
  const age = Float64Array.from({ length: n }, () => 20 + 50 * rng.nextFloat() + shiftAge);
  const plan = Array.from({ length: n }, () => (rng.nextFloat() < 0.6 ? 'basic' : 'pro'));
  const churned = Array.from({ length: n }, () => (rng.nextFloat() < 0.3 ? 1 : 0));
  return { age, plan, churned };
}

async function build(currentRows: number, shiftAge: number, informative: boolean, rules?: string[]): Promise<MonitorReport> {
  const train = fixture(5000, 0, 1);
  const rng = createRng(9);
  const trainScore = Float64Array.from(train.churned, (y) => Math.min(1, Math.max(0, 0.3 + 0.4 * (y - 0.3) + 0.2 * (rng.nextFloat() - 0.5))));
  const ref: MonitorReference = {
    source: 'models/churn',
    trainingProfile: profile(aq.table({ age: train.age, plan: train.plan })).toJSON(),
    scoreProfile: profile(aq.table({ score: trainScore })).toJSON(),
    metrics: { task: 'binary', rows: 5000, threshold: 0.5, metrics: [{ name: 'auc', value: 0.97, ci: null }] } as never,
    inputSchema: {
      columns: [
        { name: 'age', type: 'number', nullable: false, min: 20, max: 70 },
        { name: 'plan', type: 'string', nullable: false, categories: ['basic', 'pro'] },
      ],
    },
    outputSchema: { task: 'binary', classes: [0, 1], positiveLabel: 1, threshold: 0.5 },
  };
  const cur = fixture(currentRows, shiftAge, 2);
  const plan = cur.plan.map((p, i) => (i % 50 === 0 ? 'enterprise' : p));
  const score = Float64Array.from(cur.churned, (y) => Math.min(1, Math.max(0, (informative ? 0.3 + 0.4 * (y - 0.3) : 0.3) + 0.2 * (rng.nextFloat() - 0.5))));
  return computeMonitor(ref, aq.table({ age: cur.age, plan, score, churned: cur.churned }), {
    labels: 'churned',
    now: new Date(0),
    bootstrap: { resamples: 100, seed: 0 },
    ...(rules ? { rules } : {}),
  });
}

describe('monitor report', () => {
  it('validates against schemas/monitor-report.schema.json (Ajv strict), which rejects a broken one', async () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'monitor-report.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true }).compile(schema);
    const report = JSON.parse(JSON.stringify(await build(3000, 10, false))) as MonitorReport;
    assert.ok(validate(report), JSON.stringify(validate.errors));
    assert.ok(report.performance && report.prediction);
    assert.equal(validate({ ...report, summary: { ...report.summary, status: 'fine' } }), false);
    assert.equal(validate({ ...report, extra: 1 }), false);
  });

  it('finds the age shift, the new category, the invalid rows and the lost AUC, and the default rules say critical', async () => {
    const r = await build(3000, 10, false);
    const age = r.features.find((f) => f.name === 'age')!;
    assert.equal(age.drift!.drifted, true);
    assert.ok(age.quality.outOfRange! > 0.15);
    const plan = r.features.find((f) => f.name === 'plan')!;
    assert.deepEqual(plan.quality.newCategories, [{ value: 'enterprise', count: 60 }]);
    assert.equal(r.quality.invalidRows, 60);
    const auc = r.performance!.metrics.find((m) => m.name === 'auc')!;
    assert.equal(auc.reference, 0.97);
    assert.equal(auc.worse, true);
    assert.equal(r.summary.status, 'critical');
    assert.equal(monitorExitCode(r), 2);
  });

  it('evaluates rules with a reference on the right and percentages, warning vs critical', async () => {
    const r = await build(3000, 0, true, ['auc < reference.auc - 0.5', 'invalid_rows > 1%', 'psi(nope) > 0.1']);
    assert.deepEqual(
      r.rules.map((x) => [x.rule, x.fired]),
      [
        ['auc < reference.auc - 0.5', false],
        ['invalid_rows > 1%', true],
        ['psi(nope) > 0.1', false],
      ],
    );
    assert.match(r.rules[2].note!, /not available/);
    assert.equal(r.summary.status, 'warning');
    assert.equal(monitorExitCode(r), 1);
  });

  it('renders text, short Markdown, and HTML without scripts or URLs; the cell output carries the report under its MIME type', async () => {
    const r = await build(3000, 10, false);
    assert.match(renderMonitorText(r), /CRITICAL: 2 of 2 features drifted/);
    const md = renderMonitorMarkdown(r);
    assert.ok(md.length < 4000, `${md.length}`);
    assert.match(md, /\| age \| number \| ks|\| age \| number \| wasserstein/);
    const html = renderMonitorHtml(r, { 'feature-0': '<svg><rect/></svg>' });
    assert.doesNotMatch(html, /<script|https?:\/\//i);
    assert.match(html, /data-chart="feature-0"/);
    const bundle = new MonitorResult(r)[MIME_BUNDLE]() as Record<string, unknown>;
    assert.equal(bundle[MONITOR_MIME], r);
    assert.match(String(bundle['text/html']), /modelbook-monitor/);
  });
});
