import { formatNumber } from '../text/number';
import { CARD_FAIRNESS_METRICS, confusionGrid, type CardConfusion, type CardFairness, type CardSectionId, type CardSource, type ModelCard, type Sourced } from './contract';

/** A table both the Markdown and the HTML renderers print: header, rows of cells (text). */
export interface CardTable {
  head: string[];
  rows: string[][];
  /** Columns holding numbers (right-aligned in HTML). */
  numeric?: number[];
}

export const num = (s: Sourced<number | null> | undefined): string => (s ? formatNumber(s.value) : '—');
export const src = (s: CardSource): string => `${s.runId} ${s.field}`;

/** What a section shows as tables, in order (prose is rendered by each format). */
export function sectionTables(card: ModelCard, id: CardSectionId): { title: string; table: CardTable }[] {
  const s = card.sections;
  switch (id) {
    case 'modelDetails': {
      const d = s.modelDetails;
      const rows: [string, string | undefined][] = [
        ['Type', d.type],
        ['Parameters', d.parameterCount ? `${num(d.parameterCount)} (run ${d.parameterCount.source.runId})` : undefined],
        ['Version', d.version],
        ['Package', d.packageName ? `${d.packageName} ${d.packageHash ?? ''}`.trim() : undefined],
        ['Evaluation run', d.evaluationRunId],
        ['Fit run', d.fitRunId],
        ['Code hash', d.codeHash],
        ['Notebook', d.notebook],
        ['Commit', d.git ? `${d.git.commit}${d.git.dirty ? ' (uncommitted changes)' : ''}` : undefined],
        ['Created', d.createdAt],
        [
          'Libraries',
          Object.keys(d.environment.libraries)
            .sort()
            .map((k) => `${k} ${d.environment.libraries[k]}`)
            .join(', ') || undefined,
        ],
        ['License', d.license || undefined],
      ];
      const out: { title: string; table: CardTable }[] = [{ title: '', table: { head: ['Field', 'Value'], rows: rows.filter((r): r is [string, string] => r[1] !== undefined) } }];
      if (d.architecture?.length)
        out.push({ title: 'Architecture', table: { head: ['Layer', 'Kind', 'Parameters'], rows: d.architecture.map((l) => [l.name, l.kind, formatNumber(l.parameters)]), numeric: [2] } });
      return out;
    }
    case 'metrics': {
      const m = s.metrics;
      const out: { title: string; table: CardTable }[] = [
        {
          title: '',
          table: {
            head: ['Metric', 'Value', 'CI', 'Source'],
            rows: m.metrics.map((x) => [x.name, num(x.value), x.interval ? `${num(x.interval.low)} – ${num(x.interval.high)} (${Math.round(x.interval.level * 100)}%)` : '', src(x.value.source)]),
            numeric: [1],
          },
        },
      ];
      if (m.threshold) out.push({ title: 'Decision threshold', table: { head: ['Threshold', 'Source'], rows: [[num(m.threshold), src(m.threshold.source)]], numeric: [0] } });
      if (m.confusion) out.push(confusionTable(m.confusion));
      if (m.gates.length)
        out.push({
          title: 'Gates',
          table: { head: ['Gate', 'Result', 'Value', 'Source'], rows: m.gates.map((g) => [g.name, g.passed.value ? 'passed' : 'FAILED', num(g.value), src(g.passed.source)]), numeric: [2] },
        });
      return out;
    }
    case 'evaluationData':
    case 'trainingData': {
      const data = s[id].data;
      const out: { title: string; table: CardTable }[] = [];
      if (data.length)
        out.push({
          title: '',
          table: {
            head: ['Role', 'Name', 'Rows', 'Columns', 'Fingerprint', 'Findings', 'Source'],
            rows: data.map((d) => [
              d.role,
              d.name ?? '',
              num(d.rows),
              String(d.columns.length),
              d.hash.value,
              d.findings ? d.findings.map((f) => `${f.kind}${f.column ? `(${f.column})` : ''} ${f.severity}`).join('; ') || 'none' : 'not checked',
              d.rows.source.runId,
            ]),
            numeric: [2, 3],
          },
        });
      if (id === 'trainingData' && s.trainingData.preprocessing.length)
        out.push({ title: 'Preprocessing', table: { head: ['Step', 'Kind', 'Parameters'], rows: s.trainingData.preprocessing.map((p) => [p.name, p.kind, JSON.stringify(p.params)]) } });
      return out;
    }
    case 'quantitativeAnalyses': {
      const q = s.quantitativeAnalyses;
      const out: { title: string; table: CardTable }[] = q.slicings.map((sl) => {
        const names = Object.keys(sl.groups[0]?.metrics ?? {});
        // Regression: the spread of the absolute errors beside their mean (what the report's t-test reads).
        const sd = sl.groups.some((g) => g.errorSd) ? ['sd of abs. error'] : [];
        return {
          title: `By ${sl.columns.join(' × ')}${sl.sensitive ? ' (sensitive attribute)' : ''}`,
          table: {
            head: ['Group', 'Rows', ...names, ...sd, 'Note'],
            rows: [
              ...sl.groups.map((g) => [g.key, num(g.rows), ...names.map((n) => num(g.metrics[n])), ...sd.map(() => num(g.errorSd)), g.small ? `small group (< ${q.smallGroupRows} rows)` : '']),
              ['gap (max − min)', '', ...names.map((n) => formatNumber(sl.gaps[n])), ...sd.map(() => ''), ''],
            ],
            numeric: [1, ...[...names, ...sd].map((_, i) => i + 2)],
          },
        };
      });
      if (q.fairness?.length) out.push({ title: 'Fairness', table: fairnessTable(q.fairness) });
      if (q.importance.length)
        out.push({
          title: 'Permutation importance',
          table: { head: ['Feature', 'Importance', '± std', 'Source'], rows: q.importance.map((i) => [i.feature, num(i.importance), formatNumber(i.std), src(i.importance.source)]), numeric: [1, 2] },
        });
      if (q.driftReference) out.push({ title: 'Drift reference', table: { head: ['Profile', 'Package'], rows: [[q.driftReference.trainingProfile, q.driftReference.packageHash]] } });
      if (q.monitoring) {
        const m = q.monitoring;
        out.push({
          title: 'Latest monitoring',
          table: {
            head: ['Status', 'Drifted features', 'Prediction drift', 'Rows', 'Checked'],
            rows: [[m.status, `${m.driftedFeatures} of ${m.features}`, m.predictionDrift === null ? '—' : m.predictionDrift ? 'yes' : 'no', formatNumber(m.currentRows), m.createdAt]],
          },
        });
      }
      return out;
    }
    case 'caveatsAndRecommendations': {
      const c = s.caveatsAndRecommendations;
      const r = c.reviews;
      const out: { title: string; table: CardTable }[] = [];
      if (r.length)
        out.push({
          title: 'Reviews',
          table: {
            head: ['Reviewer', 'Role', 'Verdict', 'When', 'Evaluation runs'],
            rows: r.map((x) => [x.reviewer, x.role ?? '—', x.status === 'older' ? `${x.verdict} (an older version)` : x.verdict, x.createdAt, x.headRunIds.join(', ')]),
          },
        });
      if (c.lifecycleOverrides?.length)
        out.push({
          title: 'Lifecycle overrides',
          table: { head: ['Step', 'Missing checkpoints', 'Reason', 'Source'], rows: c.lifecycleOverrides.map((o) => [o.step, o.missing.join(', ') || '—', o.reason, o.source]) },
        });
      if (c.checkpoints?.length)
        out.push({
          title: 'Checkpoints',
          table: { head: ['Checkpoint', 'Result', 'Problems', 'Run'], rows: c.checkpoints.map((x) => [`${x.title} (${x.id})`, x.passed ? 'passed' : 'failed', x.problems.join('; ') || '—', x.runId]) },
        });
      return out;
    }
    default:
      return [];
  }
}

/**
 * The confusion matrix as a table: one row per actual class, one column per predicted class, and
 * the title says at which threshold, what was counted and which run field the counts come from.
 */
function confusionTable(c: CardConfusion): { title: string; table: CardTable } {
  const { labels, matrix } = confusionGrid(c);
  const first = matrix[0]?.[0]?.source;
  const at = c.kind === 'binary' ? ` at threshold ${num(c.threshold)}` : ' (most likely class)';
  const counted = c.counts === 'rows' ? 'rows' : 'summed sample weights';
  return {
    title: `Confusion matrix${at}: ${counted}${first ? `, from ${first.runId} confusion` : ''}`,
    table: {
      head: ['Actual ↓ / predicted →', ...labels, 'Total'],
      rows: matrix.map((row, i) => [labels[i], ...row.map((x) => num(x)), formatNumber(row.reduce((a, x) => a + x.value, 0))]),
      numeric: labels.map((_, i) => i + 1).concat(labels.length + 1),
    },
  };
}

/** Column titles of the fairness metrics (every format and the VS Code card view). */
export const FAIRNESS_HEADS: Record<(typeof CARD_FAIRNESS_METRICS)[number], string> = {
  demographicParityDifference: 'Demographic parity diff.',
  demographicParityRatio: 'Demographic parity ratio',
  equalizedOddsDifference: 'Equalized odds diff.',
  equalOpportunityDifference: 'Equal opportunity diff.',
};

/** Why an attribute has no fairness metrics, as a reader sees it. */
export const NOT_MEASURED: Record<NonNullable<CardFairness['reason']>, string> = {
  'not-sliced': 'not measured: the evaluation kept no slice of this column',
  'not-binary': 'not measured: fairness metrics need a binary task',
};

/** One row per sensitive attribute: its fairness metrics, or why they are missing. */
function fairnessTable(list: CardFairness[]): CardTable {
  return {
    head: ['Attribute', 'Groups', ...CARD_FAIRNESS_METRICS.map((m) => FAIRNESS_HEADS[m]), 'Source'],
    rows: list.map((f) => {
      const name = `${f.attribute}${f.declared ? ' (declared)' : ''}`;
      if (!f.metrics) return [name, '', ...CARD_FAIRNESS_METRICS.map(() => '—'), f.reason ? NOT_MEASURED[f.reason] : ''];
      const m = f.metrics;
      return [name, formatNumber(f.groups), ...CARD_FAIRNESS_METRICS.map((k) => num(m[k])), `${m.demographicParityDifference.source.runId} predictions.fairness.${f.attribute}`];
    }),
    numeric: [1, 2, 3, 4, 5],
  };
}

/** A section's prose fields in order: label → text (empty: not written). */
export function sectionProse(card: ModelCard, id: CardSectionId): [string, string][] {
  const s = card.sections;
  switch (id) {
    case 'modelDetails':
      return [['Owners', s.modelDetails.owners]];
    case 'intendedUse':
      return [
        ['Primary intended uses', s.intendedUse.primary],
        ['Out of scope', s.intendedUse.outOfScope],
        ['Users', s.intendedUse.users],
        ['Decision', s.intendedUse.decision],
      ];
    case 'factors':
      return [
        ['Factors', s.factors.prose],
        ['Sensitive attributes', s.factors.sensitiveAttributes.join(', ')],
        ['Slices evaluated', s.factors.sliceColumns.join(', ')],
      ];
    case 'metrics':
      return [
        ['Success criteria', s.metrics.successCriteria],
        ['Why these metrics', s.metrics.rationale],
      ];
    case 'evaluationData':
      return [['Notes', s.evaluationData.notes]];
    case 'trainingData':
      return [['Notes', s.trainingData.notes]];
    case 'quantitativeAnalyses':
      return [];
    case 'ethicalConsiderations':
      return [
        ['Ethical considerations', s.ethicalConsiderations.prose],
        ['Human oversight', s.ethicalConsiderations.humanOversight],
      ];
    case 'caveatsAndRecommendations':
      return [
        ['Limitations', s.caveatsAndRecommendations.limitations],
        ['Recommendations', s.caveatsAndRecommendations.recommendations],
        ['Constraints', s.caveatsAndRecommendations.constraints],
      ];
    default:
      return [];
  }
}
