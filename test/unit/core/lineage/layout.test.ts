import { strict as assert } from 'node:assert';
import type { Lineage, LineageGraph, LineageNode } from '../../../../src/core/lineage/contract';
import { columnOf, layoutLineage } from '../../../../src/core/lineage/layout';

const FIT = `01JFTT${'0'.repeat(19)}A`;
const EVAL = `01JEVV${'0'.repeat(19)}B`;

const lineage = (nodes: LineageNode[], gaps: [LineageNode['kind'], string][] = []): Lineage => ({
  kind: 'modelbook.lineage',
  version: 1,
  subject: { kind: 'run', ref: EVAL },
  nodes,
  gaps: gaps.map(([, g]) => g),
  gapKinds: gaps.map(([k]) => k),
  complete: gaps.length === 0,
});

const FULL: LineageNode[] = [
  { kind: 'data', id: 'eec11533da9eb47f', label: 'penguins (train)', status: 'ok', detail: '258 rows × 5 columns' },
  { kind: 'data', id: '0123456789abcdef', label: 'penguins (test)', status: 'ok', detail: '86 rows × 5 columns' },
  { kind: 'pipeline', id: FIT, label: 'StandardScaler → LogisticRegression', status: 'ok' },
  { kind: 'fit', id: FIT, label: 'Pipeline(LogisticRegression)', status: 'ok' },
  { kind: 'evaluation', id: EVAL, label: 'evaluate logistic', status: 'ok', detail: 'gates 2/2 passed' },
  { kind: 'package', id: 'models/churn', label: 'churn (models/churn)', status: 'ok' },
  { kind: 'card', id: 'models/churn/card.md', label: 'card.md', status: 'ok' },
  { kind: 'approval', id: 'a.json', label: 'risk by Ana', status: 'older' },
  { kind: 'registry', id: 'churn@1', label: 'churn v1 (prod)', status: 'ok' },
];

function overlaps(g: LineageGraph): string[] {
  const out: string[] = [];
  for (const a of g.nodes) for (const b of g.nodes) if (a.key < b.key && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height) out.push(`${a.key}/${b.key}`);
  return out;
}

describe('core/lineage layoutLineage', () => {
  it('lays a full chain left to right, one layer per link kind, reviews, approvals and registry last, inside the graph’s bounds without overlaps', () => {
    const g = layoutLineage(lineage(FULL));
    assert.deepEqual(
      g.nodes.map((n) => [n.kind, n.column]),
      [
        ['data', 0],
        ['data', 0],
        ['pipeline', 1],
        ['fit', 2],
        ['evaluation', 3],
        ['package', 4],
        ['card', 5],
        ['approval', 6],
        ['registry', 6],
      ],
    );
    for (const n of g.nodes) {
      assert.ok(n.x >= 0 && n.y >= 0 && n.x + n.width <= g.width && n.y + n.height <= g.height, `${n.key} inside ${g.width}×${g.height}`);
      if (n.column > 0)
        assert.ok(
          g.nodes.filter((m) => m.column < n.column).every((m) => m.x + m.width < n.x),
          `${n.key} right of earlier layers`,
        );
    }
    assert.deepEqual(overlaps(g), []);
    assert.ok(g.width <= 1280, `fits 1280 pixels (${g.width})`);
  });

  it('joins each box to every box of the layer before it, the card to its own package, all edges solid when nothing is missing', () => {
    const g = layoutLineage(lineage(FULL));
    const kinds = new Map(g.nodes.map((n) => [n.key, n.kind]));
    assert.deepEqual(
      g.edges.map((e) => `${kinds.get(e.from)}→${kinds.get(e.to)}`),
      ['data→pipeline', 'data→pipeline', 'pipeline→fit', 'fit→evaluation', 'evaluation→package', 'package→card', 'card→approval', 'card→registry'],
    );
    assert.ok(g.edges.every((e) => !e.dashed));
    const [first] = g.edges;
    const a = g.nodes.find((n) => n.key === first.from)!;
    assert.match(first.path, new RegExp(`^M ${a.x + a.width} ${a.y + a.height / 2} C `));
  });

  it('shortens run ids and hashes, and makes only found runs clickable', () => {
    const g = layoutLineage(lineage(FULL));
    const fit = g.nodes.find((n) => n.kind === 'fit')!;
    assert.equal(fit.shortId, '01JFTT00…000A');
    assert.equal(fit.runId, FIT);
    assert.equal(g.nodes.find((n) => n.kind === 'evaluation')!.runId, EVAL);
    assert.equal(g.nodes.find((n) => n.kind === 'data')!.shortId, 'eec11533da9e');
    assert.deepEqual(
      g.nodes.filter((n) => n.runId).map((n) => n.kind),
      ['pipeline', 'fit', 'evaluation'],
    );
  });

  it('draws a broken chain: a dashed box with the fix where a link is missing, the fix on a missing or broken box, dashed edges to them', () => {
    const noFit = 'evaluation run 01JEVV0000000000000000000B does not name the fit run of its model: evaluate a model fitted in the notebook, or commit the artifacts';
    const broken = 'package models/churn cannot be trusted: model/model.json changed; re-export it';
    const g = layoutLineage(
      lineage(
        [
          { kind: 'evaluation', id: EVAL, label: 'evaluate logistic', status: 'ok' },
          { kind: 'package', id: 'models/churn', label: 'models/churn', status: 'broken', detail: 'model/model.json changed' },
        ],
        [
          ['fit', noFit],
          ['package', broken],
        ],
      ),
    );
    const gapBox = g.nodes.find((n) => n.key === 'gap-fit')!;
    assert.equal(gapBox.status, 'missing');
    assert.equal(gapBox.column, columnOf('fit'));
    assert.deepEqual(gapBox.fix, [noFit]);
    assert.ok(gapBox.fixLines.length > 1 && gapBox.fixLines.every((l) => l.length <= 21), 'the fix wrapped to the box');
    assert.equal(gapBox.fixLines.join('').replace(/\s/g, ''), noFit.replace(/\s/g, ''), 'every word of the fix is shown');
    assert.ok(gapBox.height > g.nodes.find((n) => n.kind === 'evaluation')!.height, 'the box grows with its fix');
    assert.deepEqual(g.nodes.find((n) => n.kind === 'package')!.fix, [broken]);
    const kinds = new Map(g.nodes.map((n) => [n.key, n.kind]));
    assert.deepEqual(
      g.edges.map((e) => [`${kinds.get(e.from)}→${kinds.get(e.to)}`, e.dashed]),
      [
        ['fit→evaluation', true],
        ['evaluation→package', true],
      ],
    );
    assert.deepEqual(overlaps(g), []);
  });

  it('orders a layer by its parents’ positions so two packages’ cards do not cross', () => {
    const g = layoutLineage(
      lineage([
        { kind: 'evaluation', id: EVAL, label: 'ev', status: 'ok' },
        { kind: 'package', id: 'models/a', label: 'a', status: 'ok' },
        { kind: 'package', id: 'models/b', label: 'b', status: 'ok' },
        { kind: 'card', id: 'models/b/card.md', label: 'card.md', status: 'ok' },
        { kind: 'card', id: 'models/a/card.md', label: 'card.md', status: 'ok' },
      ]),
    );
    const y = (id: string) => g.nodes.find((n) => n.id === id)!.y;
    assert.ok(y('models/a/card.md') < y('models/b/card.md'), 'card a above card b, beside package a');
    assert.equal(g.edges.filter((e) => g.nodes.find((n) => n.key === e.to)!.kind === 'card').length, 2, 'each card hangs under its own package only');
  });

  it('lays out an empty lineage as an empty graph', () => {
    assert.deepEqual(layoutLineage(lineage([])), { width: 0, height: 0, nodes: [], edges: [] });
  });
});
