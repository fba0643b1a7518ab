import { strict as assert } from 'node:assert';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import type { ApprovalState } from '../../../../src/core/approvals/contract';
import { collectLineage, type LineagePackage, type LineageReaders } from '../../../../src/core/lineage/collect';
import { renderLineageText } from '../../../../src/core/lineage/renderText';
import type { PackageManifest } from '../../../../src/core/package/contract';
import type { RunRecord } from '../../../../src/core/runs/contract';
import { REPO } from '../../paths';

const FIT = '01JFIT0000000000000000000A';
const EVAL = '01JEVAL000000000000000000B';
const fp = { hash: 'eec11533da9eb47f', rows: 258, columns: [{ name: 'x', type: 'number' }] };

function run(id: string, kind: 'fit' | 'evaluation', extra: Partial<RunRecord> = {}): RunRecord {
  return {
    version: 1,
    id,
    name: kind === 'fit' ? 'Pipeline(LogisticRegression)' : 'evaluate logistic',
    kind,
    status: 'finished',
    startedAt: '2026-12-01T10:00:00.000Z',
    heartbeatAt: '2026-12-01T10:00:01.000Z',
    params: {},
    metrics: {},
    history: { epoch: [], metrics: {} },
    data: kind === 'fit' ? [{ role: 'train', fingerprint: fp }] : [],
    gates: kind === 'evaluation' ? [{ name: 'accuracy >= 0.8', passed: true }] : [],
    environment: { libraries: {} },
    tags: [],
    notes: '',
    ...(kind === 'fit'
      ? {
          pipeline: [
            { name: 'scale', kind: 'StandardScaler', params: {} },
            { name: 'model', kind: 'LogisticRegression', params: {} },
          ],
        }
      : {}),
    ...extra,
  };
}

const pkg = (runs: PackageManifest['runs'], extra: Partial<LineagePackage> = {}): LineagePackage => ({
  path: 'models/churn',
  manifest: { kind: 'modelbook.package', name: 'churn', runs, data: [{ role: 'train', fingerprint: fp }], contentHash: 'c'.repeat(64), files: {} } as unknown as PackageManifest,
  ...extra,
});

function readers(records: RunRecord[], over: Partial<LineageReaders> = {}): LineageReaders {
  const byId = new Map(records.map((r) => [r.id, r]));
  return { run: (id) => byId.get(id), fitRunOf: (id) => (id === EVAL ? FIT : undefined), packagesOf: () => [], reviews: () => [], approvals: () => [], registry: () => [], ...over };
}

describe('collectLineage', () => {
  it('traces a package through its evaluation and fit runs to the training data fingerprint and the pipeline', () => {
    const l = collectLineage({ kind: 'package', pkg: pkg({ fit: FIT, evaluation: EVAL }, { card: { path: 'card.md', hash: 'd'.repeat(64) } }) }, readers([run(FIT, 'fit'), run(EVAL, 'evaluation')]));
    assert.equal(l.complete, true, l.gaps.join('\n'));
    assert.deepEqual(
      l.nodes.map((n) => n.kind),
      ['data', 'pipeline', 'fit', 'evaluation', 'package', 'card'],
    );
    assert.equal(l.nodes[0].id, fp.hash);
    assert.equal(l.nodes[1].label, 'StandardScaler → LogisticRegression');
  });

  it("names the package's evaluation run that is not in .modelbook/runs, with the fix", () => {
    const l = collectLineage({ kind: 'package', pkg: pkg({ fit: FIT, evaluation: EVAL }) }, readers([run(FIT, 'fit')]));
    assert.equal(l.complete, false);
    assert.deepEqual(l.gaps, [`the package's evaluation run ${EVAL} is not in .modelbook/runs: commit it (git add .modelbook/runs/${EVAL}.json)`]);
    assert.equal(l.nodes.find((n) => n.kind === 'evaluation')?.status, 'missing');
    assert.match(renderLineageText(l), /Missing links:\n {2}- the package's evaluation run/);
  });

  it('names an evaluation run whose fit run is not recorded, a fit without training data, and a package whose data differs', () => {
    const noSource = collectLineage({ kind: 'run', id: EVAL }, readers([run(EVAL, 'evaluation')], { fitRunOf: () => undefined }));
    assert.match(noSource.gaps[0], /does not name the fit run of its model/);
    const noData = collectLineage({ kind: 'run', id: FIT }, readers([run(FIT, 'fit', { data: [] })]));
    assert.match(noData.gaps[0], /recorded no training data fingerprint/);
    const other = pkg({ fit: FIT });
    other.manifest!.data = [{ role: 'train', fingerprint: { ...fp, hash: 'ffffffffffffffff' } }];
    const differs = collectLineage({ kind: 'package', pkg: other }, readers([run(FIT, 'fit')]));
    assert.match(differs.gaps[0], /train data fingerprint ffffffffffffffff differs from the fit run's eec11533da9eb47f/);
  });

  it('a tampered package is a broken link; approvals of an older version show as older', () => {
    const approval = {
      file: '.modelbook/approvals/a.json',
      status: 'older',
      reasons: ['card changed since'],
      entry: { role: 'risk', by: { name: 'Ada', email: '' }, at: '2026-12-01T11:00:00.000Z', subject: { package: { path: 'models/churn', name: 'churn', contentHash: 'c'.repeat(64) } } },
    } as unknown as ApprovalState;
    const broken = collectLineage({ kind: 'package', pkg: { path: 'models/churn', problem: 'model/model.json changed' } }, readers([]));
    assert.equal(broken.nodes[0].status, 'broken');
    assert.match(broken.gaps[0], /package models\/churn cannot be trusted: model\/model.json changed/);
    const l = collectLineage({ kind: 'package', pkg: pkg({ fit: FIT, evaluation: EVAL }) }, readers([run(FIT, 'fit'), run(EVAL, 'evaluation')], { approvals: () => [approval] }));
    assert.equal(l.nodes.at(-1)?.status, 'older');
    assert.equal(l.complete, true);
  });

  it('validates against schemas/lineage.schema.json (Ajv strict)', () => {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO, 'schemas', 'lineage.schema.json'), 'utf8')) as object;
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
    for (const l of [
      collectLineage({ kind: 'package', pkg: pkg({ fit: FIT, evaluation: EVAL }) }, readers([run(FIT, 'fit')])),
      collectLineage({ kind: 'run', id: EVAL }, readers([run(FIT, 'fit'), run(EVAL, 'evaluation')])),
    ]) {
      assert.ok(validate(l), JSON.stringify(validate.errors));
    }
  });
});
