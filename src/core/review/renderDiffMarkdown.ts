import { cardChangeText, changedSteps, checkpointStateText, overrideText, environmentEntries, findingsText, pipelineStepText } from './structureText';
import type { DiffPair, DiffReview, DiffThread, ModelDiff } from './contract';
import { escapeHtml } from '../text/html';
import { formatNumber } from '../text/number';
import { ciText, flipsText, metricChanged, movedSlices, movesText, pairTitle, paramText, pText, reviewCounts, reviewPhrase, sideLabel, verdictMark } from './renderCommon';
import { formatDelta } from './verdict';
import { reviewMessage } from './messages';

/** The marker a CI job looks for to update its one comment instead of adding another. */
export const DIFF_COMMENT_MARKER = '<!-- modelbook:model-diff -->';
/** GitHub refuses comments over 65,536 characters; we stay well under. */
export const MARKDOWN_MAX_CHARS = 60_000;

export interface MarkdownOptions {
  /** Total length bound (default 60,000); sections are truncated, with a note, to stay under it. */
  maxChars?: number;
}

/** A block of the comment: a fixed head and tail, and rows that may be cut to fit. */
interface Section {
  head: string;
  rows: string[];
  tail?: string;
  /** What a cut row is called in the note, e.g. 'metrics'. */
  what: string;
}

/** Text safe in a Markdown table cell and in a GitHub comment (no raw HTML, no pipes, one line). */
const cell = (s: string) => escapeHtml(s).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
/** A code span in a table cell: entities would show literally there, so only backticks, pipes and newlines change. */
const code = (s: string) => `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/\r?\n/g, ' ')}\``;

/**
 * The model diff as a pull-request comment: the verdict first; per pair a table of the metrics that
 * changed (Δ, 95% CI, p, a significance mark), flips, slices that moved, gates and changed params;
 * model, data, environment, notes and the code diff in `<details>`. No images. Always under
 * `maxChars` (60,000): what does not fit is cut with a note saying how much was left out.
 *
 * @example
 * fs.writeFileSync('diff.md', renderDiffMarkdown(diff)) // '<!-- modelbook:model-diff -->\n### ❌ Model diff …'
 */
export function renderDiffMarkdown(d: ModelDiff, options: MarkdownOptions = {}): string {
  const max = options.maxChars ?? MARKDOWN_MAX_CHARS;
  if (!(max >= 2000)) throw new Error(reviewMessage.tooSmall('renderDiffMarkdown', 'maxChars', 2000, max));
  const sections: Section[] = [];
  const add = (head: string, rows: string[], what: string, tail = '') => sections.push({ head, rows, what, tail });
  add(
    `${DIFF_COMMENT_MARKER}\n### ${d.failed ? '❌' : d.pairs.some((p) => p.metrics.some((m) => m.verdict === 'worse')) ? '⚠️' : '✅'} Model diff \`${cell(sideLabel(d.base))}\` → \`${cell(sideLabel(d.head))}\`\n\n**${cell(d.verdict)}**\n\n` +
      `<sub>--fail-on ${d.failOn}: ${d.failed ? 'failed' : 'passed'} · ${d.pairs.length} evaluation${d.pairs.length === 1 ? '' : 's'} paired · ${d.unpaired.length} unpaired · ${d.code.reduce((s, n) => s + n.cells.length, 0)} cells changed</sub>\n`,
    [],
    '',
  );
  for (const p of d.pairs) pairSections(p, d.pairs.length > 1, add);
  reviewSection(d, add);
  if (d.unpaired.length)
    add(
      '\n<details><summary>Unpaired evaluations</summary>\n\n| side | run | name | reason |\n|---|---|---|---|',
      d.unpaired.map((u) => `| ${u.side} | \`${u.runId}\` | ${cell(u.name)} | ${cell(u.reason)} |`),
      'unpaired evaluations',
      '\n</details>\n',
    );
  for (const nb of d.code)
    for (const c of nb.cells) {
      const fence = '`'.repeat(Math.max(3, ...[...c.diff.matchAll(/`{3,}/g)].map((m) => m[0].length + 1)));
      const lines = c.change === 'changed' ? c.diff.split('\n') : c.diff.split('\n').map((l) => `${c.change === 'added' ? '+' : '-'}${l}`);
      add(`\n<details><summary>code: ${cell(nb.notebook)} · cell <code>${cell(c.cellId)}</code> (#${c.index}) ${c.change}</summary>\n\n${fence}diff`, lines, 'diff lines', `${fence}\n</details>\n`);
    }
  return fit(sections, max);
}

type Add = (head: string, rows: string[], what: string, tail?: string) => void;

/** Review lines up to this many are shown as they are; more go in `<details>`. */
const REVIEW_OPEN_ROWS = 5;

/** The open threads and reviews at head: a short list, folded in `<details>` when long. */
function reviewSection(d: ModelDiff, add: Add): void {
  const rows = [...(d.reviews ?? []).map(reviewRow), ...(d.threads ?? []).map(threadRow)];
  if (rows.length === 0) return;
  if (rows.length <= REVIEW_OPEN_ROWS) add(`\n**Review:** ${reviewCounts(d)}\n`, rows, 'review lines', '');
  else add(`\n<details><summary><b>Review:</b> ${reviewCounts(d)}</summary>\n`, rows, 'review lines', '\n</details>\n');
}

function reviewRow(r: DiffReview): string {
  return `- ${r.verdict === 'approve' ? '✅' : '❌'} ${cell(reviewPhrase(r))}${r.title ? `: ${cell(r.title)}` : ''}`;
}

function threadRow(t: DiffThread): string {
  const about = [t.metric !== undefined ? `metric ${code(t.metric)}` : '', t.slice !== undefined ? `slice ${code(t.slice)}` : ''].filter(Boolean).join(', ');
  return `- 💬 ${code(t.notebook)} cell ${code(t.cellId)}${about ? ` (${about})` : ''} — ${cell(t.author)}, ${t.comments} comment${t.comments === 1 ? '' : 's'}: ${cell(t.title)}`;
}

function pairSections(p: DiffPair, many: boolean, add: Add): void {
  add(`\n#### ${cell(pairTitle(p))}\n${many ? `\n${cell(p.verdict)}\n` : ''}`, [], '');
  const changed = p.metrics.filter(metricChanged);
  if (changed.length)
    add(
      '| metric | base | head | Δ | 95% CI | p | |\n|---|--:|--:|--:|:-:|--:|---|',
      changed.map((m) => `| ${cell(m.name)} | ${formatNumber(m.base)} | ${formatNumber(m.head)} | ${formatDelta(m.delta)} | ${ciText(m)} | ${pText(m.pValue)} | ${verdictMark(m)} |`),
      'metrics',
    );
  else if (p.metrics.length) add(`No metric changed (${p.metrics.length} compared).`, [], '');
  const flips = flipsText(p);
  if (flips) add(`\n**Flips:** ${cell(flips)}`, [], '');
  const moves = movesText(p);
  if (moves.length)
    add(
      '\n<details><summary>Where changed predictions moved (base → head)</summary>\n',
      moves.map((m) => `- ${cell(m)}`),
      'moves',
      '\n</details>\n',
    );
  const moved = movedSlices(p);
  if (moved.length)
    add(
      '\n**Slices that moved**\n\n| slice | group | metric | Δ | 95% CI | |\n|---|---|---|--:|:-:|---|',
      moved.map(
        (s) =>
          `| ${cell(s.slice)} | ${cell(s.group)} | ${cell(s.metric.name)} | ${formatDelta(s.metric.delta)} | ${ciText(s.metric)} | ${verdictMark(s.metric)}${s.smallGroup ? ` (small group, ${s.rows} rows)` : ''} |`,
      ),
      'slice rows',
    );
  if (p.gates.length) {
    const pass = (v: boolean | null) => (v === null ? '—' : v ? '✅ pass' : '❌ fail');
    add(
      '\n**Gates**\n\n| gate | base | head | |\n|---|---|---|---|',
      p.gates.map((g) => `| ${cell(g.name)} | ${pass(g.base)} | ${pass(g.head)} | ${g.newlyFailing ? '**newly failing**' : ''} |`),
      'gates',
    );
  }
  if (p.params.length)
    add(
      '\n**Changed params**\n\n| param | base | head |\n|---|---|---|',
      p.params.map((c) => `| ${code(c.name)} | ${cell(paramText(c.base))} | ${cell(paramText(c.head))} |`),
      'params',
    );
  const steps = changedSteps(p);
  if (steps.length)
    add(
      `\n**Pipeline** ${
        p
          .pipeline!.filter((s) => s.head)
          .map((s) => code(s.name))
          .join(' → ') || '—'
      }\n\n| step | change |\n|---|---|`,
      steps.map((s) => `| ${code(s.name)} | ${cell(pipelineStepText(s))} |`),
      'pipeline steps',
    );
  if (p.card) add(`\n**Model card:** ${cell(cardChangeText(p.card))}\n`, [], 'model card');
  if (p.checkpoints) {
    const c = p.checkpoints;
    add(
      '\n**Checkpoints**\n\n| checkpoint | base | head | |\n|---|---|---|---|',
      c.rows.map((r) => `| ${code(r.id)} | ${checkpointStateText(r.base)} | ${checkpointStateText(r.head)} | ${r.problem ? cell(r.problem) : ''} |`),
      'checkpoints',
    );
    if (c.overrides.length)
      add(
        '\n**Lifecycle overrides**\n',
        c.overrides.map((o) => `- ⚠️ ${cell(overrideText(o))}`),
        'overrides',
      );
  }
  const rest: string[] = [];
  const m = p.model;
  if (m.base || m.head) rest.push(`- model: ${cell(m.base?.type ?? '—')} → ${cell(m.head?.type ?? '—')}, parameters ${formatNumber(m.base?.parameterCount)} → ${formatNumber(m.head?.parameterCount)}`);
  for (const l of m.layers.filter((x) => x.change !== 'unchanged')) rest.push(`- layer ${code(l.name)} ${l.change}: ${cell(l.base ?? '—')} → ${cell(l.head ?? '—')}`);
  for (const w of m.weights.filter((x) => x.change !== 'unchanged'))
    rest.push(`- weights ${code(w.name)} ${w.change}${w.meanDelta !== undefined ? `: mean ${formatDelta(w.meanDelta)}, std ${formatDelta(w.stdDelta)}` : ''}`);
  for (const x of p.data) {
    const schema = [...x.columnsAdded.map((c) => `+${c}`), ...x.columnsRemoved.map((c) => `−${c}`), ...x.typeChanged.map((t) => `${t.column}: ${t.base} → ${t.head}`)];
    rest.push(
      `- data ${cell(x.role)}${x.name ? ` (${cell(x.name)})` : ''}: ${x.sameContent ? 'same content' : `content changed, rows ${formatNumber(x.base?.rows)} → ${formatNumber(x.head?.rows)}`}${schema.length ? `; columns ${cell(schema.join(', '))}` : ''}${findingsText(x) ? `; quality findings ${cell(findingsText(x))}` : ''}`,
    );
  }
  const fair = p.fairness.filter((f) => f.delta !== null);
  for (const f of fair)
    rest.push(
      `- fairness ${cell(f.slice)} ${cell(f.metric)}: ${formatNumber(f.base)} → ${formatNumber(f.head)} (${formatDelta(f.delta)}${f.ci ? ` ${ciText(f)}` : ''})${f.significant ? (f.worse ? ' ▼ worse' : ' ▲ better') : ''}`,
    );
  for (const e of environmentEntries(p)) rest.push(`- environment ${cell(e.name)}: ${e.changed ? `**${cell(e.base ?? '—')} → ${cell(e.head ?? '—')}**` : cell(e.base ?? '—')}`);
  for (const n of p.notes) rest.push(`- note: ${cell(n)}`);
  rest.push(`- runs: base \`${p.base.runId}\`, head \`${p.head.runId}\``);
  add(`\n<details><summary>Model, data, fairness, environment, notes</summary>\n`, rest, 'details', '\n</details>\n');
}

/** Joins the sections, cutting rows (last sections first in line) so the whole stays under `max`. */
function fit(sections: Section[], max: number): string {
  const note = (n: number, what: string) => `\n_… ${formatNumber(n)} more ${what} not shown (the comment is kept under ${formatNumber(max)} characters; \`--format json\` has everything)._`;
  const full = (s: Section) => [s.head, ...s.rows, s.tail ?? ''].join('\n');
  const total = sections.reduce((n, s) => n + full(s).length + 1, 0);
  if (total <= max) return tidy(sections.map(full).join('\n'));
  // Reserve each section's head, tail and a note; share what is left in order (verdict and metrics first).
  const NOTE_RESERVE = 200;
  let budget = max - 400;
  const out: string[] = [];
  let dropped = 0;
  for (const s of sections) {
    const fixed = s.head.length + (s.tail ?? '').length + 2;
    if (budget < fixed + NOTE_RESERVE) {
      dropped++;
      continue;
    }
    budget -= fixed;
    const kept: string[] = [];
    for (const r of s.rows) {
      if (r.length + 1 > budget - NOTE_RESERVE) break;
      kept.push(r);
      budget -= r.length + 1;
    }
    const cut = s.rows.length - kept.length;
    const cutNote = cut > 0 ? note(cut, s.what) : '';
    budget -= cutNote.length;
    // A note inside a code fence would read as code: put it after the tail.
    out.push([s.head, ...kept, s.tail ?? ''].join('\n') + cutNote);
  }
  if (dropped) out.push(note(dropped, 'sections'));
  return tidy(out.join('\n'));
}

/** At most one blank line in a row (diff lines inside fences are never empty: they start with ' ', '+' or '-'). */
function tidy(text: string): string {
  return `${text.replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}
