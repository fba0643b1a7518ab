import { formatNumber } from '../text/number';
import { renderCardMarkdown } from './renderMarkdown';
import type { ModelCard } from './contract';

/** A YAML scalar: JSON's double-quoted string is valid YAML and escapes everything that needs it. */
const y = (s: string) => JSON.stringify(s);

/**
 * The card as a Hugging Face `README.md`: YAML front matter with `model-index` (the evaluation's
 * metrics, on its test data by fingerprint) and the licence, then the Markdown card. Hugging Face's
 * metadata has no place for intervals or slices: those stay in the Markdown body.
 *
 * @example
 * fs.writeFileSync('README.md', renderCardHf(card));
 */
export function renderCardHf(card: ModelCard): string {
  const s = card.sections;
  const test = s.evaluationData.data[0];
  const task = s.metrics.task === 'regression' ? 'tabular-regression' : 'tabular-classification';
  const lines = ['---'];
  if (s.modelDetails.license) lines.push(`license: ${y(s.modelDetails.license)}`);
  lines.push('library_name: modelbook', 'tags:', '  - tabular', '  - modelbook', 'model-index:', `  - name: ${y(card.name)}`, '    results:', '      - task:', `          type: ${task}`);
  lines.push('        dataset:', `          name: ${y(test?.name ?? 'evaluation data')}`, `          type: ${y(test ? `fingerprint:${test.hash.value}` : 'unknown')}`, '        metrics:');
  for (const m of s.metrics.metrics) {
    if (m.value.value === null) continue;
    lines.push(
      `          - type: ${y(m.name)}`,
      `            value: ${m.value.value}`,
      `            name: ${y(m.interval ? `${m.name} (${Math.round(m.interval.level * 100)}% CI ${formatNumber(m.interval.low.value)}–${formatNumber(m.interval.high.value)})` : m.name)}`,
    );
  }
  lines.push('---', '');
  return `${lines.join('\n')}\n${renderCardMarkdown(card)}`;
}
