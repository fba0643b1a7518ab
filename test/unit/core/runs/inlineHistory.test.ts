import { strict as assert } from 'node:assert';
import { isDisplayable, MIME_BUNDLE } from '../../../../src/core/display/mimeBundle';
import { alignColumns, formatTime, shortIds } from '../../../../src/core/runs/format';
import { formatDuration, formatNumber } from '../../../../src/core/text/number';
import { buildRunHistory } from '../../../../src/core/runs/inlineHistory';
import { toMetricHistory } from '../../../../src/core/runs/metricHistory';
import { buildSparkline, textSparkline } from '../../../../src/core/runs/sparkline';
import { makeRecord } from './helpers';

const records = [0, 1, 2, 3].map((i) =>
  makeRecord({
    id: `01JD000000000000000000000${i}`,
    name: i === 3 ? '<script>alert(1)</script>' : `run ${i}`,
    startedAt: new Date(Date.UTC(2026, 2, 1, 9, i)).toISOString(),
    status: i === 2 ? 'failed' : 'finished',
    metrics: { auc: 0.8 + i / 100, loss: 0.5 - i / 100 },
    params: { lr: 10 ** -(i + 1), epochs: 5 },
    history: toMetricHistory(Array.from({ length: 5 }, (_, e) => ({ epoch: e + 1, metrics: { loss: 1 / (e + 1 + i) } }))),
  }),
);

describe('core/runs buildRunHistory', () => {
  it('lists the newest runs first with key metrics, varying parameters and the best value marked', () => {
    const h = buildRunHistory(records, { current: records[1].id, limit: 3 });
    assert.deepEqual(
      h.rows.map((r) => r.name),
      ['<script>alert(1)</script>', 'run 2', 'run 1'],
    );
    assert.deepEqual(
      h.columns.map((c) => `${c.kind}:${c.key}`),
      ['metric:auc', 'metric:loss', 'param:lr'],
    );
    assert.equal(h.columns[0].best, records[3].id);
    assert.equal(h.columns[1].best, records[3].id, 'lower loss is better');
    assert.deepEqual(
      h.rows.map((r) => r.current),
      [false, false, true],
    );
    assert.equal(h.total, 4);
    assert.equal(h.sparklineMetric, 'loss');
    assert.deepEqual(JSON.parse(JSON.stringify(h)), Object.fromEntries(Object.entries(h)), 'the view (without its display method) is plain JSON');
  });

  it('renders itself as self-contained, escaped HTML and as a text table', () => {
    const h = buildRunHistory(records, { current: records[1].id });
    assert.ok(isDisplayable(h));
    const bundle = h[MIME_BUNDLE]();
    const html = bundle['text/html'] as string;
    assert.ok(!html.includes('<script>'), 'names are escaped');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(!/src=|href=|<link|@import|url\(/.test(html), 'no external resources');
    assert.equal((html.match(/<tr class="current">/g) ?? []).length, 1);
    assert.equal((html.match(/<svg /g) ?? []).length, 4);
    const text = bundle['text/plain'] as string;
    assert.match(text, /^Runs\n/);
    assert.match(
      text.split('\n').find((l) => l.includes('run 1'))!,
      /^▶/,
    );
    assert.match(text, /0\.83\*/, 'best auc starred');
  });

  it('says so when there are no runs, and validates options', () => {
    assert.equal(buildRunHistory([], { title: 'Runs of a.mlnb' })[MIME_BUNDLE]()['text/plain'], 'Runs of a.mlnb: no runs yet');
    assert.throws(() => buildRunHistory(records, { limit: 0 }), /limit must be an integer ≥ 1/);
  });
});

describe('core/runs sparklines and formatting', () => {
  it('draws an SVG line with gaps for missing values and a dot at the end', () => {
    const svg = buildSparkline([3, 2, null, 1], { width: 40, height: 10 });
    assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="40" height="10"/);
    assert.equal((svg.match(/M/g) ?? []).length, 2, 'the gap starts a new segment');
    assert.match(svg, /<circle cx="38" cy="8"/);
    assert.equal(buildSparkline([]).includes('<path'), false);
    assert.equal(textSparkline([4, 3, 2, 1]), '█▆▃▁');
    assert.equal(
      textSparkline(
        Array.from({ length: 100 }, (_, i) => i),
        10,
      ).length,
      10,
    );
  });

  it('formats numbers, durations, local times and short ids for tables', () => {
    assert.deepEqual(
      [0.912345, 12345.6, 42, 0.00001234, null, NaN].map((v) => formatNumber(v)),
      ['0.9123', '12,346', '42', '1.234e-5', '—', '—'],
    );
    assert.deepEqual([850, 12_340, 245_000, 7_800_000].map(formatDuration), ['850 ms', '12.3 s', '4 min 05 s', '2 h 10 min']);
    const tz = process.env.TZ;
    process.env.TZ = 'UTC';
    assert.equal(formatTime('2026-03-01T09:05:00.000Z'), '2026-03-01 09:05');
    process.env.TZ = tz;
    const ids = shortIds(['01JD0000AAAA', '01JD0000AABB', '01JE1111']);
    assert.deepEqual([...ids.values()], ['01JD0000AAA', '01JD0000AAB', '01JE1111']);
    assert.equal(
      alignColumns([
        ['name', 'auc'],
        ['a', '0.9'],
        ['long name', '0.85'],
      ]),
      'name        auc\na           0.9\nlong name  0.85',
    );
    assert.equal(
      alignColumns([
        ['name', 'rows'],
        ['a', '1,234,567'],
        ['b', '—'],
      ]),
      'name       rows\na     1,234,567\nb             —',
      'grouped numbers and missing ones stay right-aligned',
    );
  });
});
