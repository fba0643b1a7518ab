import { formatNumber } from '../text/number';
import type { ModelCard } from './contract';
import { cardMessage } from './messages';

/**
 * The card as a Model Card Toolkit v0.0.2 document (`model_card.schema.json` v0.0.2): what the
 * toolkit and the tools built on it read. The schema has no place for intervals, gates, a threshold
 * or monitoring: intervals become metrics of their own (`auc (95% CI low)`), slice results carry a
 * `slice` name (`sex=female`), fairness metrics name the attribute as their slice (`sex`), gates and the threshold go into the documentation text. Metrics that
 * could not be computed (null) are left out, as the schema's value must be a number.
 *
 * @example
 * fs.writeFileSync('model_card.json', renderCardMct(card));
 */
export function renderCardMct(card: ModelCard): string {
  const s = card.sections;
  const metrics: { type: string; value: number; slice?: string }[] = [];
  for (const m of s.metrics.metrics) {
    if (m.value.value === null) continue;
    metrics.push({ type: m.name, value: m.value.value });
    if (m.interval) {
      const level = Math.round(m.interval.level * 100);
      metrics.push({ type: `${m.name} (${level}% CI low)`, value: m.interval.low.value }, { type: `${m.name} (${level}% CI high)`, value: m.interval.high.value });
    }
  }
  for (const sl of s.quantitativeAnalyses.slicings)
    for (const g of sl.groups) for (const [name, v] of Object.entries(g.metrics)) if (v.value !== null) metrics.push({ type: name, value: v.value, slice: `${sl.columns.join('×')}=${g.key}` });
  for (const f of s.quantitativeAnalyses.fairness ?? [])
    for (const [name, v] of Object.entries(f.metrics ?? {})) if (v.value !== null) metrics.push({ type: name, value: v.value, slice: f.attribute });
  const gates = s.metrics.gates.map((g) => `${g.name}: ${g.passed.value ? 'passed' : 'failed'}`);
  const documentation = [
    `Evaluation run ${s.modelDetails.evaluationRunId}${s.modelDetails.fitRunId ? `, fit run ${s.modelDetails.fitRunId}` : ''}.`,
    s.metrics.threshold ? `Decision threshold ${formatNumber(s.metrics.threshold.value)}.` : '',
    gates.length ? `Gates: ${gates.join('; ')}.` : '',
    card.missing.length ? `Missing required prose: ${card.missing.join(', ')}.` : '',
  ].filter(Boolean);
  const text = (t: string) => (t ? [{ description: t }] : []);
  const doc = {
    schema_version: '0.0.2',
    model_details: {
      name: card.name,
      overview: card.problem?.objective ?? s.intendedUse.primary,
      documentation: documentation.join(' '),
      owners: s.modelDetails.owners ? [{ name: s.modelDetails.owners }] : [],
      version: { name: s.modelDetails.version, date: s.modelDetails.createdAt.slice(0, 10) },
      licenses: s.modelDetails.license ? [{ identifier: s.modelDetails.license }] : [],
    },
    model_parameters: {
      model_architecture: s.modelDetails.type,
      data: [...s.trainingData.data, ...s.evaluationData.data].map((d) => ({
        name: d.name ?? `${d.role} ${d.hash.value}`,
        description: `${d.role} data: ${d.rows.value} rows, ${d.columns.length} columns, fingerprint ${d.hash.value} (run ${d.rows.source.runId}).`,
        ...(d.pii?.length ? { sensitive: { sensitive_data: d.pii.map((f) => `${f.kind}${f.column ? ` in ${f.column}` : ''}`) } } : {}),
      })),
    },
    quantitative_analysis: { performance_metrics: metrics },
    considerations: {
      users: text(s.intendedUse.users),
      use_cases: text(s.intendedUse.primary),
      limitations: [
        ...text(s.caveatsAndRecommendations.limitations),
        ...(s.caveatsAndRecommendations.lifecycleOverrides ?? []).map((o) => ({
          description: `Lifecycle gate before ${o.step} overridden (missing ${o.missing.join(', ') || 'nothing'}): ${o.reason}`,
        })),
        ...(s.caveatsAndRecommendations.checkpoints ?? []).filter((c) => !c.passed).map((c) => ({ description: cardMessage.checkpointFailed(c.id, c.problems) })),
      ],
      tradeoffs: text(s.caveatsAndRecommendations.constraints),
      ethical_considerations: s.ethicalConsiderations.prose ? [{ name: s.ethicalConsiderations.prose, mitigation_strategy: s.ethicalConsiderations.humanOversight }] : [],
    },
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
