/**
 * The Model Diff panel's sections, as DOM built from the diff: each finding carries the cell that
 * produced it (data-notebook, data-cell) and opens it when clicked.
 */
import type { DiffPair, MetricDelta, ModelDiff } from '../../src/core/review/contract';
import { formatDelta, formatDeltaCi, formatValue, metricLabel, verdictMark } from '../../src/core/review/format';
import { schemaText } from '../../src/core/review/reportHtml';
import { formatNumber, formatShare } from '../../src/core/text/number';
import type { ReviewFromWebview } from '../../src/protocol/review';
import { findingsText } from '../../src/core/review/structureText';
import { h } from '../shared/evaluationParts';
import { checkpointsSection, environmentGrid, pipelineSection } from './structureSections';

export type Post = <K extends keyof ReviewFromWebview>(type: K, payload: ReviewFromWebview[K]) => void;

type Cell = string | Node;

/** A table; `rowAttrs` per row (finding links, classes). */
export function grid(doc: Document, cls: string, head: string[], rows: Cell[][], numeric: number[] = [], rowAttrs: Record<string, string>[] = []): HTMLTableElement {
  const th = head.map((t, i) => h(doc, 'th', numeric.includes(i) ? { class: 'num' } : {}, t));
  const trs = rows.map((r, j) => h(doc, 'tr', rowAttrs[j] ?? {}, ...r.map((c, i) => h(doc, 'td', numeric.includes(i) ? { class: 'num' } : {}, c))));
  return h(doc, 'table', { class: `grid ${cls}` }, h(doc, 'thead', {}, h(doc, 'tr', {}, ...th)), h(doc, 'tbody', {}, ...trs));
}

/** The attributes that make a row a finding linked to its pair's cell. */
export function findingAttrs(pair: DiffPair, extra: Record<string, string> = {}): Record<string, string> {
  return pair.notebook && pair.cellId
    ? { class: `finding ${extra.class ?? ''}`.trim(), 'data-notebook': pair.notebook, 'data-cell': pair.cellId, title: `Open cell ${pair.cellId} of ${pair.notebook}`, ...withoutClass(extra) }
    : extra;
}

function withoutClass(a: Record<string, string>): Record<string, string> {
  const { class: _c, ...rest } = a;
  return rest;
}

const mark = (doc: Document, m: Pick<MetricDelta, 'verdict'>) => h(doc, 'span', { class: `verdict-mark ${m.verdict}` }, verdictMark(m));
const delta = (doc: Document, v: number | null, verdict: string) => h(doc, 'span', { class: verdict }, formatDelta(v));

/** "Discuss" on a finding: starts a review thread on the pair's cell naming the metric or slice. */
function commentButton(doc: Document, pair: DiffPair, post: Post, anchor: { metric?: string; slice?: string }): Cell {
  if (!pair.notebook || !pair.cellId) return '';
  const b = doc.createElement('vscode-button');
  b.setAttribute('secondary', '');
  b.className = 'comment';
  b.textContent = 'Discuss';
  b.title = `Start a review thread on cell ${pair.cellId} (which made this evaluation) about ${anchor.slice ?? anchor.metric ?? 'it'}`;
  const { notebook, cellId } = pair;
  b.addEventListener('click', (e) => {
    e.stopPropagation();
    post('startThread', { notebook, cellId, ...anchor });
  });
  return b;
}

const VERDICT_MARK = { failed: '✗ ', worse: '▼ ', ok: '✓ ' } as const;

/** Failed by the --fail-on rule; else worse when a metric got significantly worse (not failing CI is not "fine"); else ok. */
function verdictTone(diff: ModelDiff): keyof typeof VERDICT_MARK {
  if (diff.failed) return 'failed';
  return diff.pairs.some((p) => p.metrics.some((m) => m.verdict === 'worse')) ? 'worse' : 'ok';
}

/** The verdict header: the one-line verdict, sides, pairs, what was not paired. */
export function verdictHeader(doc: Document, diff: ModelDiff, title: string): HTMLElement {
  const side = (s: ModelDiff['base']) => `${s.spec}${s.commit ? ` (${s.commit.slice(0, 10)})` : ''}`;
  const newly = diff.pairs.flatMap((p) => p.gates.filter((g) => g.newlyFailing)).length;
  const tone = verdictTone(diff);
  return h(
    doc,
    'header',
    { id: 'verdict' },
    h(doc, 'h1', {}, `Model Diff: ${title}`),
    h(doc, 'p', { class: `verdict-line ${tone}` }, VERDICT_MARK[tone], diff.verdict),
    h(
      doc,
      'p',
      { class: 'muted' },
      `base ${side(diff.base)} · head ${side(diff.head)} · ${diff.pairs.length} paired evaluation${diff.pairs.length === 1 ? '' : 's'} · ${newly} gate${newly === 1 ? '' : 's'} newly failing · fail on ${diff.failOn}`,
      diff.threads?.length ? ` · ${diff.threads.length} open review thread${diff.threads.length === 1 ? '' : 's'}` : '',
    ),
    ...(diff.unpaired.length ? [h(doc, 'p', { class: 'muted' }, `Not paired: ${diff.unpaired.map((u) => `${u.name} (${u.side} ${u.runId}: ${u.reason})`).join('; ')}`)] : []),
  );
}

/** Metric deltas: the table with Δ, CI, p and the significance mark (the forest plot sits beside it). */
export function metricsTable(doc: Document, pair: DiffPair, post: Post): HTMLElement {
  return grid(
    doc,
    'metrics',
    ['Metric', 'Base', 'Head', 'Δ', '95% CI of Δ', 'p', '', ''],
    pair.metrics.map((m) => [
      `${metricLabel(m.name)} ${m.higherIsBetter ? '↑' : '↓'}`,
      formatNumber(m.base),
      formatNumber(m.head),
      delta(doc, m.delta, m.verdict),
      formatDeltaCi(m.ci),
      formatNumber(m.pValue),
      mark(doc, m),
      commentButton(doc, pair, post, { metric: m.name }),
    ]),
    [1, 2, 3, 4, 5],
    pair.metrics.map((m) => findingAttrs(pair, { 'data-metric': m.name, 'data-verdict': m.verdict })),
  );
}

/** Flips: the counts, McNemar, per class, and example rows with their features. */
export function flipsDetails(doc: Document, pair: DiffPair, post?: Post): HTMLElement | undefined {
  const f = pair.flips;
  if (!f) return undefined;
  const mc = f.mcnemar
    ? `McNemar ${f.mcnemar.exact ? '(exact binomial)' : '(χ², continuity-corrected)'}: statistic ${formatNumber(f.mcnemar.statistic)}, p ${formatNumber(f.mcnemar.pValue)}.`
    : 'McNemar: not computed.';
  const features = [...new Set(f.examples.flatMap((x) => Object.keys(x.features ?? {})))];
  const summary = h(
    doc,
    'p',
    { class: 'flip-summary' },
    `${formatNumber(f.changed)} of ${formatNumber(f.rows)} shared rows changed: `,
    h(doc, 'span', { class: 'better' }, `${formatNumber(f.fixes)} fixes`),
    ', ',
    h(doc, 'span', { class: 'worse' }, `${formatNumber(f.regressions)} regressions`),
    ` (negative flip rate ${formatShare(f.negativeFlipRate)}). ${mc}`,
    post ? ' ' : '',
    post ? commentButton(doc, pair, post, { metric: 'flips' }) : '',
    f.sampled
      ? ` Sampled: base kept ${formatNumber(f.sampled.base.kept)} of ${formatNumber(f.sampled.base.total)}, head ${formatNumber(f.sampled.head.kept)} of ${formatNumber(f.sampled.head.total)}.`
      : '',
  );
  const perClass = grid(
    doc,
    'per-class',
    ['Class', 'Fixes', 'Regressions', 'Changed'],
    f.perClass.map((c) => [c.label, formatNumber(c.fixes), formatNumber(c.regressions), formatNumber(c.changed)]),
    [1, 2, 3],
  );
  const examples = grid(
    doc,
    'flip-examples',
    ['Row', 'Kind', 'True', 'Base', 'Head', ...features],
    f.examples.map((x) => [
      h(doc, 'code', {}, x.rowId),
      h(doc, 'span', { class: x.kind === 'fix' ? 'better' : x.kind === 'regression' ? 'worse' : '' }, x.kind),
      String(x.yTrue),
      String(x.base),
      String(x.head),
      ...features.map((k) => {
        const v = x.features?.[k];
        return v === null || v === undefined ? '—' : typeof v === 'number' ? formatNumber(v) : v;
      }),
    ]),
    [],
    f.examples.map((x) => findingAttrs(pair, { 'data-row': x.rowId })),
  );
  return h(doc, 'div', { class: 'flips-details' }, summary, perClass, examples);
}

/** Slices and fairness: every group's delta (small groups marked) and the fairness gaps base vs head. */
export function slicesTables(doc: Document, pair: DiffPair, post: Post): HTMLElement {
  const rows = pair.slices.flatMap((s) => s.metrics.map((m) => ({ s, m })));
  const slices = grid(
    doc,
    'slices',
    ['Slice', 'Group', 'Rows', 'Metric', 'Δ', '95% CI', '', ''],
    rows.map(({ s, m }) => [
      s.slice,
      h(doc, 'span', {}, s.group, ...(s.smallGroup ? [h(doc, 'span', { class: 'warn' }, ' ⚠ small group')] : [])),
      formatNumber(s.rowsHead),
      metricLabel(m.name),
      delta(doc, m.delta, m.verdict),
      formatDeltaCi(m.ci),
      mark(doc, m),
      commentButton(doc, pair, post, { metric: m.name, slice: `${s.slice}=${s.group}` }),
    ]),
    [2, 4, 5],
    rows.map(({ s, m }) => findingAttrs(pair, { 'data-slice': s.slice, 'data-group': s.group, 'data-verdict': m.verdict })),
  );
  const fairness = pair.fairness.length
    ? grid(
        doc,
        'fairness',
        ['Slice', 'Fairness gap', 'Base', 'Head', 'Δ', '95% CI', ''],
        pair.fairness.map((x) => [
          x.slice,
          x.metric,
          formatNumber(x.base),
          formatNumber(x.head),
          delta(doc, x.delta, x.worse ? 'worse' : ''),
          formatDeltaCi(x.ci),
          x.worse ? h(doc, 'span', { class: 'worse' }, x.significant ? '▼ gap grew (significant)' : '▼ gap grew') : '',
        ]),
        [2, 3, 4, 5],
        pair.fairness.map((x) => findingAttrs(pair, { 'data-fairness': `${x.slice}:${x.metric}` })),
      )
    : undefined;
  return h(doc, 'div', { class: 'slice-tables' }, slices, ...(fairness ? [fairness] : []));
}

/** Parameters, model, data, gates and environment of one pair. */
export function detailSections(doc: Document, pair: DiffPair, i: number): HTMLElement[] {
  const section = (id: string, title: string, ...body: (Node | string)[]) => h(doc, 'section', { id: `${id}-${i}`, class: id }, h(doc, 'h3', {}, title), ...body);
  const m = pair.model;
  const gates = [...pair.gates].sort((a, b) => Number(b.newlyFailing) - Number(a.newlyFailing));
  const gateCell = (passed: boolean | null, value: number | null | undefined) =>
    h(
      doc,
      'span',
      { class: passed === null ? 'muted' : passed ? 'pass' : 'fail' },
      passed === null ? '—' : passed ? '✓ pass' : '✗ fail',
      value === null || value === undefined ? '' : ` (${formatNumber(value)})`,
    );
  return [
    section(
      'params',
      'Parameters',
      pair.params.length
        ? grid(
            doc,
            'params',
            ['Parameter', 'Change', 'Base', 'Head'],
            pair.params.map((p) => [h(doc, 'code', {}, p.name), p.change, formatValue(p.base), formatValue(p.head)]),
            [],
            pair.params.map((p) => findingAttrs(pair, { 'data-param': p.name })),
          )
        : h(doc, 'p', { class: 'muted' }, 'No parameter changed.'),
    ),
    ...[pipelineSection(doc, pair, i), checkpointsSection(doc, pair, i)].filter((x) => x !== undefined),
    section(
      'model',
      'Model',
      h(
        doc,
        'p',
        {},
        `${m.base?.type ?? '—'} → ${m.head?.type ?? '—'}${m.typeChanged ? ' (type changed)' : ''} · parameters ${formatNumber(m.base?.parameterCount)} → ${formatNumber(m.head?.parameterCount)} (${formatDelta(m.parameterCountDelta)})`,
      ),
      ...(m.layers.length
        ? [
            grid(
              doc,
              'layers',
              ['Layer', 'Change', 'Base', 'Head'],
              m.layers.map((l) => [l.name, l.change, l.base ?? '—', l.head ?? '—']),
            ),
          ]
        : []),
      ...(m.weights.length
        ? [
            grid(
              doc,
              'weights',
              ['Weights', 'Mean base', 'Mean head', 'Std base', 'Std head', 'Δ std'],
              m.weights.map((w) => [w.name, formatNumber(w.base?.mean), formatNumber(w.head?.mean), formatNumber(w.base?.std), formatNumber(w.head?.std), formatDelta(w.stdDelta)]),
              [1, 2, 3, 4, 5],
            ),
          ]
        : []),
    ),
    section(
      'data',
      'Data',
      grid(
        doc,
        'data',
        ['Role', 'Data', 'Content', 'Δ rows', 'Schema', 'Findings'],
        pair.data.map((d) => [
          d.role,
          d.name ?? '',
          h(doc, 'span', { class: d.sameContent ? 'muted' : 'worse' }, d.sameContent ? 'same' : 'changed'),
          formatDelta(d.rowsDelta),
          schemaText(d),
          findingsText(d),
        ]),
        [3],
      ),
    ),
    section(
      'gates',
      'Gates',
      gates.length
        ? grid(
            doc,
            'gates',
            ['Gate', 'Base', 'Head', ''],
            gates.map((g) => [h(doc, 'code', {}, g.name), gateCell(g.base, g.baseValue), gateCell(g.head, g.headValue), g.newlyFailing ? h(doc, 'span', { class: 'fail' }, 'newly failing') : '']),
            [],
            gates.map((g) => findingAttrs(pair, { class: g.newlyFailing ? 'newly-failing' : '', 'data-gate': g.name })),
          )
        : h(doc, 'p', { class: 'muted' }, 'No gates.'),
    ),
    section('environment', 'Environment', environmentGrid(doc, pair), ...(pair.notes.length ? [h(doc, 'ul', { class: 'muted notes' }, ...pair.notes.map((n) => h(doc, 'li', {}, n)))] : [])),
  ];
}

/** Code changes per notebook: each cell with its diff, linked to the cell, and "Show notebook diff". */
export function codeSection(doc: Document, diff: ModelDiff, post: Post): HTMLElement {
  const blocks = diff.code.map((n) => {
    const button = doc.createElement('vscode-button');
    button.setAttribute('secondary', '');
    button.className = 'notebook-diff';
    button.textContent = 'Show notebook diff';
    button.addEventListener('click', () => post('showNotebookDiff', { notebook: n.notebook }));
    const cells = n.cells.map((c) =>
      h(
        doc,
        'div',
        { class: `cell-change finding ${c.change}`, 'data-notebook': n.notebook, 'data-cell': c.cellId, title: `Open cell ${c.cellId} of ${n.notebook}` },
        h(
          doc,
          'div',
          { class: 'cell-title' },
          h(doc, 'code', {}, c.cellId),
          ` · cell ${c.index} · `,
          h(doc, 'span', { class: c.change === 'removed' ? 'worse' : c.change === 'added' ? 'better' : '' }, c.change),
        ),
        h(doc, 'pre', {}, ...c.diff.split('\n').map((line) => h(doc, 'span', { class: line.startsWith('+') ? 'add' : line.startsWith('-') ? 'del' : '' }, `${line}\n`))),
      ),
    );
    return h(doc, 'div', { class: 'notebook-code', 'data-notebook-code': n.notebook }, h(doc, 'div', { class: 'toolbar' }, h(doc, 'h3', {}, n.notebook), button), ...cells);
  });
  return h(doc, 'section', { id: 'code' }, h(doc, 'h2', {}, 'Code changes'), ...(blocks.length ? blocks : [h(doc, 'p', { class: 'muted' }, 'No cell changed.')]));
}
