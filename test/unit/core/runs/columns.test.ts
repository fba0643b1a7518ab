import { strict as assert } from 'node:assert';
import { buildRunTable, collectColumns, defaultColumns, formatPath } from '../../../../src/core/runs/columns';
import { toRunsCsv } from '../../../../src/core/runs/csv';
import { parsePath } from '../../../../src/core/runs/filter/parse';
import { makeRows } from './helpers';
import { runPython } from './python';

const rows = makeRows([
  { name: 'plain', metrics: { auc: 0.85, loss: 0.4 }, params: { lr: 0.01, optimizer: { name: 'adam', beta: 0.9 }, layers: [64, 32] }, tags: ['baseline'] },
  { name: 'needs, "quotes"\nand lines', metrics: { auc: 0.1 + 0.2 }, params: { lr: 0.001, 'hidden units': 8 }, notebook: 'a b/c.mlnb' },
  { name: ' spaced ', metrics: { auc: null }, params: { lr: 1e-7 } },
]);

describe('core/runs columns', () => {
  it('lists the fixed columns, then every metric and flattened parameter, as re-parsable paths', () => {
    const keys = collectColumns(rows).map((c) => c.key);
    assert.deepEqual(
      keys.filter((k) => k.startsWith('metrics') || k.startsWith('params')),
      ['metrics.auc', 'metrics.loss', 'params.layers', 'params.lr', 'params.optimizer.beta', 'params.optimizer.name', 'params["hidden units"]'],
    );
    for (const k of keys) assert.equal(parsePath(k).text, k);
    assert.equal(formatPath(['params', 'in']), 'params["in"]', 'keywords are quoted');
  });

  it('defaults to name, status, start, notebook, common metrics and the parameters that vary', () => {
    assert.deepEqual(defaultColumns(rows), [
      'name',
      'status',
      'startedAt',
      'notebook',
      'metrics.auc',
      'metrics.loss',
      'params.layers',
      'params.lr',
      'params.optimizer.beta',
      'params.optimizer.name',
      'params["hidden units"]',
    ]);
  });

  it('builds a JSON table with typed columns and null for missing values', () => {
    const t = buildRunTable(rows, ['name', 'metrics.auc', 'params.optimizer.name', 'startedAt', 'tags']);
    assert.deepEqual(
      t.columns.map((c) => c.kind),
      ['string', 'number', 'string', 'date', 'json'],
    );
    assert.deepEqual(t.rows[0].values, ['plain', 0.85, 'adam', '2026-03-01T09:00:00.000Z', ['baseline']]);
    assert.deepEqual(t.rows[2].values.slice(1, 3), [null, null]);
    assert.deepEqual(JSON.parse(JSON.stringify(t)), t);
    assert.throws(() => buildRunTable(rows, ['metric.auc']), /Unknown field "metric"/);
  });
});

describe('core/runs toRunsCsv', () => {
  it('quotes what needs quoting and keeps full precision', () => {
    const csv = toRunsCsv(rows, { columns: ['name', 'metrics.auc', 'params.lr', 'params.layers'] });
    assert.equal(csv.split('\n')[0], 'name,metrics.auc,params.lr,params.layers');
    assert.ok(csv.includes('"needs, ""quotes""\nand lines",0.30000000000000004,0.001,'));
    assert.ok(csv.includes('plain,0.85,0.01,"[64,32]"'));
    assert.ok(csv.includes('" spaced ",,1e-7,'));
    assert.ok(toRunsCsv(rows, { columns: ['name'], lineEnding: '\r\n', header: 'label' }).startsWith('name\r\nplain\r\n'));
  });

  it('keeps a run name a spreadsheet would run as a formula from being one (CSV injection)', () => {
    const evil = makeRows([{ name: '=HYPERLINK("http://x","y")' }, { name: '@SUM(1)' }, { name: '-2+3' }, { name: 'ok' }]);
    const lines = toRunsCsv(evil, { columns: ['name'] }).split('\n');
    assert.deepEqual(lines.slice(1, 5), ['"\'=HYPERLINK(""http://x"",""y"")"', "'@SUM(1)", "'-2+3", 'ok']);
  });

  it('reads back with pandas read_csv to the same values', function () {
    const columns = ['name', 'status', 'notebook', 'metrics.auc', 'metrics.loss', 'params.lr', 'params.layers', 'params["hidden units"]'];
    const csv = toRunsCsv(rows, { columns });
    const script = `
import io, json, sys
import pandas as pd
d = json.load(sys.stdin)
df = pd.read_csv(io.StringIO(d['csv']), keep_default_na=False, na_values=[''], float_precision='round_trip')
out = {'columns': list(df.columns), 'rows': [[None if (isinstance(v, float) and v != v) else v for v in r] for r in df.astype(object).values.tolist()]}
print(json.dumps(out))`;
    const py = runPython<{ columns: string[]; rows: unknown[][] }>(this, script, { csv });
    assert.deepEqual(py.columns, columns);
    const expected = buildTableValues(columns);
    assert.deepEqual(py.rows, expected);
  });
});

function buildTableValues(columns: string[]): unknown[][] {
  return rows.map((r) => buildRunTable([r], columns).rows[0].values.map((v) => (Array.isArray(v) ? JSON.stringify(v) : v)));
}
