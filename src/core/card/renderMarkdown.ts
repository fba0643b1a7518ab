import { CARD_SECTIONS, ANNEX_IV_ITEMS, type ModelCard } from './contract';
import { sectionProse, sectionTables, type CardTable } from './renderCommon';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

function table(t: CardTable): string {
  const align = t.head.map((_, i) => (t.numeric?.includes(i) ? '---:' : '---'));
  return [`| ${t.head.map(cell).join(' | ')} |`, `| ${align.join(' | ')} |`, ...t.rows.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n');
}

/**
 * The card as Markdown (what `card.md` in a package and `modelbook card --format md` hold): the
 * problem, the nine sections with their prose and tables (each number beside its source run and
 * field), required prose that is missing as a visible line, and the Annex IV table.
 *
 * @example
 * fs.writeFileSync('card.md', renderCardMarkdown(card));
 */
export function renderCardMarkdown(card: ModelCard): string {
  const out: string[] = [`# Model card: ${card.name}`, ''];
  if (card.missing.length) out.push(`> **Missing required prose:** ${card.missing.join(', ')}`, '');
  if (card.problem) {
    const p = card.problem;
    out.push('## Problem', '', `- **Objective:** ${p.objective}`, `- **Target:** ${p.target}`, `- **Users:** ${p.users}`, `- **Decision:** ${p.decision}`);
    out.push(`- **Success criteria:** ${p.successCriteria}`, `- **Constraints:** ${p.constraints}`, '');
  }
  for (const { id, title } of CARD_SECTIONS) {
    out.push(`## ${title}`, '');
    const missing = card.sections[id].missing;
    if (missing.length) out.push(`_Missing: ${missing.join(', ')}._`, '');
    for (const [label, text] of sectionProse(card, id)) if (text) out.push(`**${label}:** ${text}`, '');
    for (const t of sectionTables(card, id)) {
      if (t.title) out.push(`### ${t.title}`, '');
      out.push(table(t.table), '');
    }
  }
  out.push('## EU AI Act Annex IV', '', 'Which section of this card answers which item of Annex IV (Regulation (EU) 2024/1689).', '');
  out.push(
    table({ head: ['Item', 'Requirement', 'Answered by', 'Status'], rows: card.annexIv.map((r) => [r.item, r.title, r.sections.join(', ') || '—', r.note ? `${r.status}: ${r.note}` : r.status]) }),
    '',
  );
  const open = card.annexIv.filter((r) => r.status !== 'answered').map((r) => r.item);
  out.push(`Unanswered or partial: ${open.length ? open.join(', ') : 'none'} (of ${ANNEX_IV_ITEMS.length} items).`, '');
  out.push(`_Sources: runs ${card.runIds.join(', ')}._`, '');
  return out.join('\n');
}
