/**
 * The Model Card panel's sections, one builder per Mitchell et al. section (CARD_SECTIONS ids), each
 * from the card alone; numbers are run links (cardParts), prose is text, charts are placeholders
 * the panel fills (`[data-chart]`).
 */
import type { CardCheckpoint, CardData, CardReview, CardSections, CardSlicing, ModelCard } from '../../src/core/card/contract';
import { metricLabel, slicingChartId, slicingMetric } from '../../src/core/report/cardCharts';
import { formatNumber } from '../../src/core/text/number';
import { splitterText } from '../../src/core/runs/splitterText';
import { h } from '../shared/evaluationParts';
import { cardFairnessTable, cardGatesList, cardMetricsTable, prose, sourcedNumber } from '../shared/cardParts';
import { cardConfusionTable } from './confusion';

type Part = Node | string;

function facts(doc: Document, rows: [string, Part | undefined][]): HTMLElement {
  return h(doc, 'dl', { class: 'facts' }, ...rows.filter((r): r is [string, Part] => r[1] !== undefined && r[1] !== '').flatMap(([k, v]) => [h(doc, 'dt', {}, k), h(doc, 'dd', {}, v)]));
}

const sub = (doc: Document, title: string, ...children: Part[]) => h(doc, 'div', { class: 'sub' }, h(doc, 'h3', {}, title), ...children);
const chartBox = (doc: Document, id: string, label: string) =>
  h(doc, 'div', { class: 'chart' }, h(doc, 'div', { class: 'chart-body', role: 'img', tabindex: '0', 'aria-label': label, 'data-chart': id }));

function modelDetails(doc: Document, card: ModelCard): Part[] {
  const d = card.sections.modelDetails;
  const env = Object.entries(d.environment.libraries)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  const parts: Part[] = [
    facts(doc, [
      ['Type', d.type],
      ['Version', d.version],
      ['Package', d.packageName ? `${d.packageName} (${d.packageHash ?? ''})` : undefined],
      ['Parameters', d.parameterCount ? sourcedNumber(doc, d.parameterCount) : undefined],
      ['Evaluation run', d.evaluationRunId],
      ['Fit run', d.fitRunId],
      ['Code hash', d.codeHash],
      ['Notebook', d.notebook],
      ['Commit', d.git ? `${d.git.commit.slice(0, 12)}${d.git.branch ? ` on ${d.git.branch}` : ''}${d.git.dirty ? ' (uncommitted changes)' : ''}` : undefined],
      ['Created', d.createdAt],
      ['Environment', [env, d.environment.backend, d.environment.runtime, d.environment.platform].filter(Boolean).join(' · ')],
      ['Owners', d.owners || undefined],
      ['Licence', d.license || undefined],
    ]),
  ];
  if (d.architecture?.length) {
    const rows = d.architecture.map((l) => h(doc, 'tr', {}, h(doc, 'td', {}, l.name), h(doc, 'td', {}, l.kind), h(doc, 'td', { class: 'num' }, formatNumber(l.parameters))));
    parts.push(
      sub(
        doc,
        'Architecture',
        h(
          doc,
          'table',
          { class: 'grid' },
          h(doc, 'thead', {}, h(doc, 'tr', {}, h(doc, 'th', {}, 'Layer'), h(doc, 'th', {}, 'Kind'), h(doc, 'th', { class: 'num' }, 'Parameters'))),
          h(doc, 'tbody', {}, ...rows),
        ),
      ),
    );
  }
  return parts;
}

function intendedUse(doc: Document, card: ModelCard): Part[] {
  const s = card.sections.intendedUse;
  const p = card.problem;
  return [
    ...(p ? [sub(doc, 'Objective', prose(doc, p.objective)), sub(doc, 'What is predicted', prose(doc, p.target))] : []),
    sub(doc, 'Primary intended use', prose(doc, s.primary)),
    sub(doc, 'Users', prose(doc, s.users)),
    sub(doc, 'Decision it feeds', prose(doc, s.decision)),
    sub(doc, 'Out of scope', prose(doc, s.outOfScope)),
  ];
}

function factors(doc: Document, card: ModelCard): Part[] {
  const s = card.sections.factors;
  return [
    prose(doc, s.prose),
    facts(doc, [
      ['Sensitive attributes', s.sensitiveAttributes.join(', ') || 'none declared'],
      ['Measured slices', s.sliceColumns.join(', ') || 'none'],
    ]),
  ];
}

function metrics(doc: Document, card: ModelCard): Part[] {
  const s = card.sections.metrics;
  return [
    facts(doc, [
      ['Task', s.task],
      ['Threshold', s.threshold ? sourcedNumber(doc, s.threshold) : undefined],
    ]),
    h(doc, 'div', { class: 'charts' }, h(doc, 'div', { class: 'table-scroll' }, cardMetricsTable(doc, s.metrics)), chartBox(doc, 'metrics', 'Metrics with their intervals')),
    ...(s.confusion ? [cardConfusionTable(doc, s.confusion)] : []),
    sub(doc, 'Gates', cardGatesList(doc, s.gates)),
    sub(doc, 'Success criteria', prose(doc, s.successCriteria)),
    sub(doc, 'Why these metrics', prose(doc, s.rationale)),
  ];
}

function dataTable(doc: Document, data: CardData[]): HTMLElement {
  if (!data.length) return h(doc, 'p', { class: 'muted' }, 'No data set was recorded.');
  const rows = data.map((d) => {
    const findings = d.findings === undefined ? 'not checked' : d.findings.length ? d.findings.map((f) => `${f.severity} ${f.kind}${f.column ? ` (${f.column})` : ''}`).join('; ') : 'none';
    const pii = d.pii === undefined ? 'not checked' : d.pii.length ? d.pii.map((f) => `${f.kind}${f.column ? ` (${f.column})` : ''}`).join('; ') : 'none found';
    return h(
      doc,
      'tr',
      { 'data-role': d.role },
      h(doc, 'td', {}, d.name ?? d.role),
      h(doc, 'td', { class: 'num' }, sourcedNumber(doc, d.rows)),
      h(doc, 'td', {}, `${d.columns.length}: ${d.columns.map((c) => `${c.name} (${c.type})`).join(', ')}`),
      h(doc, 'td', {}, h(doc, 'code', { title: `From run ${d.hash.source.runId}, ${d.hash.source.field}` }, d.hash.value.slice(0, 12))),
      h(doc, 'td', {}, findings),
      h(doc, 'td', {}, pii),
    );
  });
  const head = h(doc, 'tr', {}, ...['Data', 'Rows', 'Columns', 'Fingerprint', 'Quality findings', 'PII scan'].map((t, i) => h(doc, 'th', { class: i === 1 ? 'num' : '', scope: 'col' }, t)));
  return h(doc, 'div', { class: 'table-scroll' }, h(doc, 'table', { class: 'grid data' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows)));
}

function trainingData(doc: Document, card: ModelCard): Part[] {
  const s = card.sections.trainingData;
  const steps = s.preprocessing.map((p) => h(doc, 'li', {}, h(doc, 'code', {}, p.kind), ` ${p.name}`));
  return [
    dataTable(doc, s.data),
    sub(doc, 'Preprocessing', steps.length ? h(doc, 'ol', {}, ...steps) : h(doc, 'p', { class: 'muted' }, 'No preprocessing steps (a bare estimator).')),
    ...(s.splitter ? [facts(doc, [['Split', splitterText(s.splitter)]])] : []),
    sub(doc, 'Notes', prose(doc, s.notes)),
  ];
}

function slicingTable(doc: Document, s: CardSlicing, smallRows: number): HTMLElement {
  const names = Object.keys(s.groups[0]?.metrics ?? {});
  const head = h(
    doc,
    'tr',
    {},
    h(doc, 'th', { scope: 'col' }, s.columns.join(' × ')),
    h(doc, 'th', { class: 'num', scope: 'col' }, 'Rows'),
    ...names.map((n) => h(doc, 'th', { class: 'num', scope: 'col' }, metricLabel(n))),
  );
  const rows = s.groups.map((g) =>
    h(
      doc,
      'tr',
      { 'data-group': g.key, 'data-small': String(g.small) },
      h(doc, 'td', {}, g.key, ...(g.small ? [h(doc, 'span', { class: 'small-group' }, ' ⚠ small group')] : [])),
      h(doc, 'td', { class: 'num' }, sourcedNumber(doc, g.rows)),
      ...names.map((n) => h(doc, 'td', { class: 'num' }, g.metrics[n] ? sourcedNumber(doc, g.metrics[n]) : '—')),
    ),
  );
  const gaps = Object.entries(s.gaps)
    .map(([k, v]) => `${metricLabel(k)} gap ${formatNumber(v)}`)
    .join(' · ');
  const metric = slicingMetric(s);
  return h(
    doc,
    'div',
    { class: 'slicing', 'data-slicing': s.columns.join('×') },
    h(doc, 'h3', {}, `By ${s.columns.join(' × ')}${s.sensitive ? ' (sensitive attribute)' : ''}`),
    h(
      doc,
      'div',
      { class: 'charts' },
      h(doc, 'div', { class: 'table-scroll' }, h(doc, 'table', { class: 'grid slices' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows))),
      chartBox(doc, slicingChartId(s), `${metricLabel(metric ?? '')} by ${s.columns.join(' × ')}`),
    ),
    h(doc, 'p', { class: 'muted' }, `${gaps ? `${gaps}.` : 'No gap (fewer than two large groups).'} Groups under ${smallRows} rows are marked small.`),
  );
}
function quantitative(doc: Document, card: ModelCard): Part[] {
  const s = card.sections.quantitativeAnalyses;
  const parts: Part[] = s.slicings.length
    ? s.slicings.map((x) => slicingTable(doc, x, s.smallGroupRows))
    : [h(doc, 'p', { class: 'muted' }, 'No per-slice results: evaluate with `slices` to measure groups.')];
  if (s.fairness?.length)
    parts.push(
      h(
        doc,
        'div',
        { class: 'sub', 'data-part': 'fairness' },
        h(doc, 'h3', {}, 'Fairness by sensitive attribute'),
        h(doc, 'div', { class: 'table-scroll' }, cardFairnessTable(doc, s.fairness)),
        h(doc, 'p', { class: 'muted' }, 'Differences: 0 is parity, larger is a bigger gap between groups; ratio: 1 is parity. Recomputed from the evaluation’s kept predictions.'),
      ),
    );
  if (s.importance.length) {
    const rows = s.importance.map((i) =>
      h(
        doc,
        'tr',
        {},
        h(doc, 'td', {}, i.feature),
        h(doc, 'td', { class: 'num' }, sourcedNumber(doc, i.importance)),
        h(doc, 'td', { class: 'num muted' }, i.std === undefined ? '' : `± ${formatNumber(i.std)}`),
      ),
    );
    parts.push(
      sub(
        doc,
        'Explainability: permutation importance',
        h(doc, 'div', { class: 'charts' }, h(doc, 'table', { class: 'grid importance' }, h(doc, 'tbody', {}, ...rows)), chartBox(doc, 'importance', 'Permutation importance')),
      ),
    );
  }
  if (s.driftReference)
    parts.push(
      sub(
        doc,
        'Drift reference',
        facts(doc, [
          ['Training profile', s.driftReference.trainingProfile],
          ['Score profile', s.driftReference.scoreProfile],
          ['Package', s.driftReference.packageHash],
        ]),
      ),
    );
  const m = s.monitoring;
  if (m)
    parts.push(
      sub(
        doc,
        'Latest monitoring',
        facts(doc, [
          ['Status', h(doc, 'span', { 'data-status': m.status }, m.status)],
          ['Drifted features', `${m.driftedFeatures} of ${m.features}`],
          ['Prediction drift', m.predictionDrift === null ? 'not checked' : m.predictionDrift ? 'yes' : 'no'],
          ['Rows', formatNumber(m.currentRows)],
          ['When', m.createdAt],
        ]),
      ),
    );
  return parts;
}

function ethics(doc: Document, card: ModelCard): Part[] {
  const s = card.sections.ethicalConsiderations;
  return [prose(doc, s.prose), sub(doc, 'Human oversight', prose(doc, s.humanOversight))];
}

/** '✓ approved by ana as risk, <time>', with '(older version)' when what was signed off has changed since. */
function reviewItem(doc: Document, r: CardReview): HTMLElement {
  const older = r.status === 'older';
  return h(
    doc,
    'li',
    { 'data-review': r.id, ...(r.role ? { 'data-role': r.role } : {}), ...(older ? { 'data-status': 'older' } : {}) },
    r.verdict === 'approve' ? '✓ approved' : '✗ changes requested',
    ...(older ? [h(doc, 'span', { class: 'older', title: 'The card or package has changed since this sign-off.' }, ' (older version)')] : []),
    ` by ${r.reviewer}`,
    ...(r.role ? [' as ', h(doc, 'span', { class: 'role' }, r.role)] : []),
    `, ${r.createdAt}`,
  );
}

/** '✗ Split before fitting (split-before-fit): the scaler saw test rows', or '✓ … passed'. */
function checkpointItem(doc: Document, c: CardCheckpoint): HTMLElement {
  return h(
    doc,
    'li',
    { 'data-checkpoint': c.id, 'data-passed': String(c.passed) },
    h(doc, 'span', { class: c.passed ? 'pass' : 'fail' }, c.passed ? '✓' : '✗'),
    ` ${c.title} (${c.id}): ${c.passed ? 'passed' : c.problems.join('; ') || 'failed'}`,
  );
}

function caveats(doc: Document, card: ModelCard): Part[] {
  const s = card.sections.caveatsAndRecommendations;
  const reviews = s.reviews.map((r) => reviewItem(doc, r));
  const overrides = (s.lifecycleOverrides ?? []).map((o) =>
    h(doc, 'li', { 'data-override': o.step }, h(doc, 'strong', { class: 'fail' }, `${o.step} overridden`), ` (missing ${o.missing.join(', ') || 'nothing'}): ${o.reason}`),
  );
  return [
    sub(doc, 'Limitations', prose(doc, s.limitations)),
    sub(doc, 'Recommendations', prose(doc, s.recommendations)),
    sub(doc, 'Constraints', prose(doc, s.constraints)),
    ...(overrides.length ? [sub(doc, 'Lifecycle overrides', h(doc, 'ul', { class: 'lifecycle-overrides' }, ...overrides))] : []),
    ...(s.checkpoints?.length ? [sub(doc, 'Checkpoints', h(doc, 'ul', { class: 'checkpoints' }, ...s.checkpoints.map((c) => checkpointItem(doc, c))))] : []),
    sub(doc, 'Reviews', reviews.length ? h(doc, 'ul', {}, ...reviews) : h(doc, 'p', { class: 'muted' }, 'No reviews recorded.')),
  ];
}

/** Each section's content, by id. */
export const SECTION_BUILDERS: Record<keyof CardSections, (doc: Document, card: ModelCard) => Part[]> = {
  modelDetails,
  intendedUse,
  factors,
  metrics,
  evaluationData: (doc, card) => [dataTable(doc, card.sections.evaluationData.data), sub(doc, 'Notes', prose(doc, card.sections.evaluationData.notes))],
  trainingData,
  quantitativeAnalyses: quantitative,
  ethicalConsiderations: ethics,
  caveatsAndRecommendations: caveats,
};

/** The EU AI Act Annex IV table: item, the sections answering it, status. */
export function annexIvTable(doc: Document, card: ModelCard): HTMLElement {
  const rows = card.annexIv.map((r) =>
    h(
      doc,
      'tr',
      { 'data-item': r.item, 'data-status': r.status },
      h(doc, 'td', {}, r.item),
      h(doc, 'td', {}, r.title),
      h(doc, 'td', {}, r.sections.join(', ') || '—'),
      h(doc, 'td', { class: `status-${r.status}` }, r.status, ...(r.note ? [h(doc, 'span', { class: 'muted' }, ` — ${r.note}`)] : [])),
    ),
  );
  const head = h(doc, 'tr', {}, ...['Item', 'Annex IV asks for', 'Answered by', 'Status'].map((t) => h(doc, 'th', { scope: 'col' }, t)));
  return h(doc, 'div', { class: 'table-scroll' }, h(doc, 'table', { class: 'grid annex' }, h(doc, 'thead', {}, head), h(doc, 'tbody', {}, ...rows)));
}
