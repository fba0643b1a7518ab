/**
 * A run's splitter in words, for people reading a card or a run: its kind and its settings, without
 * the lineage fingerprints it keeps for the split-before-fit checkpoint (`parts`).
 */
import { formatNumber } from '../text/number';
import type { JsonValue, SplitterRecord } from './contract';

/**
 * @example
 * splitterText({ kind: 'trainTestSplit', params: { testSize: 0.5, seed: 7, stratify: 'Sex', shuffle: true, trainRows: 166, testRows: 167, parts: { role: 'train' } } })
 * // 'trainTestSplit: testSize 0.5, seed 7, stratify Sex, shuffle true, trainRows 166, testRows 167 (this run used the train part)'
 */
export function splitterText(s: SplitterRecord): string {
  const settings = Object.entries(s.params)
    .filter(([k, v]) => k !== 'parts' && v !== null && typeof v !== 'object')
    .map(([k, v]) => `${k} ${valueText(v)}`);
  const parts = s.params.parts;
  const role = parts && typeof parts === 'object' && !Array.isArray(parts) && typeof parts.role === 'string' ? parts.role : undefined;
  return `${s.kind}${settings.length ? `: ${settings.join(', ')}` : ''}${role ? ` (this run used the ${role} part)` : ''}`;
}

function valueText(v: JsonValue): string {
  return typeof v === 'number' ? formatNumber(v) : String(v);
}
