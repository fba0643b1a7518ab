/** Lineage as an indented chain, one link per line (what `modelbook lineage` prints). */
import { LINEAGE_KINDS, type Lineage } from './contract';
import { lineageMessage } from './messages';

const MARK = { ok: '✓', missing: '✗', broken: '✗', older: '~' } as const;

/**
 * The chain, indented by link: data, then pipeline under it, … reviews, approvals and registry
 * versions at the end; then the missing links with their fixes.
 *
 * @example
 * renderLineageText(lineage) // "✓ data       train 3f2a… (train, 258 rows × 5 columns)\n  ✓ pipeline …"
 */
export function renderLineageText(l: Lineage): string {
  const lines = l.nodes.map((n) => {
    const depth = Math.min(LINEAGE_KINDS.indexOf(n.kind), 6);
    const id = n.label.includes(n.id) ? '' : ` ${n.kind === 'data' ? n.id : n.id.length > 40 ? `${n.id.slice(0, 40)}…` : n.id}`;
    return `${'  '.repeat(depth)}${MARK[n.status]} ${n.kind.padEnd(10)} ${n.label}${id}${n.detail ? `  (${n.detail})` : ''}${n.status === 'missing' ? '  — missing' : n.status === 'broken' ? '  — broken' : ''}`;
  });
  if (l.gaps.length) lines.push('', lineageMessage.gapsTitle, ...l.gaps.map((g) => `  - ${g}`));
  else lines.push('', lineageMessage.complete);
  return `${lines.join('\n')}\n`;
}
