import { structuredPatch } from 'diff';
import type { CellChange } from './contract';
import type { Cell } from '../notebook/contract';
import { parseNotebook } from '../notebook/parse';

const CONTEXT_LINES = 3;

/**
 * The code change between two versions of a notebook, by cell id: cells added, removed, or whose
 * source (or type) changed, each with a unified diff of the source (jsdiff's `structuredPatch`,
 * 3 lines of context). Outputs, execution counts and metadata never count. A side that is missing
 * (`undefined`) has no cells: every cell of the other is added or removed.
 *
 * @param base the base notebook's text (nbformat 4 JSON)
 * @param head the head notebook's text
 * @param name the notebook's path, for parse errors
 * @example
 * diffCells(baseText, headText, 'churn.mlnb')
 * // [{ cellId: 'train', change: 'changed', index: 3, diff: '@@ -1,3 +1,3 @@\n const m = new LogisticRegression({\n-  C: 1,\n+  C: 10,\n …' }]
 */
export function diffCells(base: string | undefined, head: string | undefined, name = 'notebook'): CellChange[] {
  const cb = base === undefined ? [] : parseNotebook(base, name).cells;
  const ch = head === undefined ? [] : parseNotebook(head, name).cells;
  const byIdBase = new Map(cb.map((c, i) => [c.id, { cell: c, index: i + 1 }]));
  const headIds = new Set(ch.map((c) => c.id));
  const out: CellChange[] = [];
  ch.forEach((c, i) => {
    const b = byIdBase.get(c.id);
    if (!b) out.push({ cellId: c.id, change: 'added', diff: c.source, index: i + 1 });
    else if (b.cell.source !== c.source || b.cell.cell_type !== c.cell_type) out.push({ cellId: c.id, change: 'changed', diff: unifiedDiff(b.cell, c), index: i + 1 });
  });
  for (const [id, b] of byIdBase) if (!headIds.has(id)) out.push({ cellId: id, change: 'removed', diff: b.cell.source, index: b.index });
  return out;
}

function unifiedDiff(base: Cell, head: Cell): string {
  const lines = (s: string) => (s === '' || s.endsWith('\n') ? s : `${s}\n`);
  const typeLine = base.cell_type === head.cell_type ? '' : `cell type: ${base.cell_type} → ${head.cell_type}\n`;
  const patch = structuredPatch('base', 'head', lines(base.source), lines(head.source), '', '', { context: CONTEXT_LINES });
  const hunks = patch.hunks.map((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines].join('\n'));
  return `${typeLine}${hunks.join('\n')}`;
}
