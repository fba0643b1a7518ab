import { MIME_BUNDLE, type Displayable } from '../display/mimeBundle';
import type { MimeBundle } from '../notebook/contract';
import { MIME } from '../notebook/mime';
import { escapeHtml as e } from '../text/html';
import { formatNumber } from '../text/number';
import { MODEL_CARD_MIME, type ModelCard, type ProblemDefinition } from './contract';

/**
 * What `modelCard()` returns in a cell: the card, shown compactly (name, missing prose, metrics with
 * intervals, gates, Annex IV coverage) as HTML and Markdown, and carried whole under
 * `application/vnd.modelbook.card+json` for the VS Code card view.
 */
export class CardDisplay implements Displayable {
  constructor(readonly card: ModelCard) {}

  [MIME_BUNDLE](): MimeBundle {
    return { [MODEL_CARD_MIME]: this.card, [MIME.html]: cardSummaryHtml(this.card), [MIME.markdown]: cardSummaryMarkdown(this.card), [MIME.text]: cardSummaryText(this.card) };
  }
}

/** What `problem()` returns in a cell: the definition, shown as a short table. */
export class ProblemDisplay implements Displayable {
  constructor(
    readonly problem: ProblemDefinition,
    readonly runId: string | undefined,
  ) {}

  [MIME_BUNDLE](): MimeBundle {
    const rows = problemRows(this.problem);
    const html = `<table><tbody>${rows.map(([k, v]) => `<tr><th style="text-align:left;padding-right:12px">${e(k)}</th><td>${e(v)}</td></tr>`).join('')}</tbody></table>${this.runId ? `<div style="opacity:.7">problem recorded as run ${e(this.runId)}</div>` : ''}`;
    return { [MIME.html]: html, [MIME.text]: rows.map(([k, v]) => `${k}: ${v}`).join('\n') };
  }
}

function problemRows(p: ProblemDefinition): [string, string][] {
  const rows: [string, string][] = [
    ['Objective', p.objective],
    ['Target', p.target],
    ['Users', p.users],
    ['Decision', p.decision],
    ['Success criteria', p.successCriteria],
    ['Constraints', p.constraints],
  ];
  if (p.sensitiveAttributes?.length) rows.push(['Sensitive attributes', p.sensitiveAttributes.join(', ')]);
  return rows;
}

function metricRows(card: ModelCard): [string, string, string][] {
  return card.sections.metrics.metrics.map((m) => [m.name, formatNumber(m.value.value), m.interval ? `${formatNumber(m.interval.low.value)} – ${formatNumber(m.interval.high.value)}` : '']);
}

function coverage(card: ModelCard): string {
  const answered = card.annexIv.filter((r) => r.status === 'answered').length;
  return `Annex IV: ${answered} of ${card.annexIv.length} items answered`;
}

function gatesLine(card: ModelCard): string {
  const g = card.sections.metrics.gates;
  return g.length ? `gates: ${g.filter((x) => x.passed.value).length} of ${g.length} passed` : 'no gates';
}

function cardSummaryText(card: ModelCard): string {
  const lines = [`Model card: ${card.name} (evaluation run ${card.sections.modelDetails.evaluationRunId})`];
  if (card.missing.length) lines.push(`Missing required prose: ${card.missing.join(', ')}`);
  for (const [n, v, ci] of metricRows(card)) lines.push(`  ${n} ${v}${ci ? ` [${ci}]` : ''}`);
  lines.push(`${gatesLine(card)} · ${coverage(card)}`);
  return lines.join('\n');
}

function cardSummaryMarkdown(card: ModelCard): string {
  const lines = [`**Model card: ${card.name}** (evaluation run \`${card.sections.modelDetails.evaluationRunId}\`)`, ''];
  if (card.missing.length) lines.push(`Missing required prose: ${card.missing.join(', ')}`, '');
  lines.push('| Metric | Value | CI |', '| --- | ---: | --- |', ...metricRows(card).map((r) => `| ${r.join(' | ')} |`), '', `${gatesLine(card)} · ${coverage(card)}`);
  return lines.join('\n');
}

function cardSummaryHtml(card: ModelCard): string {
  const missing = card.missing.length ? `<div style="color:#b42318;font-weight:600">Missing required prose: ${e(card.missing.join(', '))}</div>` : '';
  const rows = metricRows(card)
    .map(([n, v, ci]) => `<tr><td>${e(n)}</td><td style="text-align:right">${e(v)}</td><td>${e(ci)}</td></tr>`)
    .join('');
  return `<div><strong>Model card: ${e(card.name)}</strong> <span style="opacity:.7">evaluation run ${e(card.sections.modelDetails.evaluationRunId)}</span>${missing}<table><thead><tr><th>Metric</th><th>Value</th><th>CI</th></tr></thead><tbody>${rows}</tbody></table><div style="opacity:.7">${e(gatesLine(card))} · ${e(coverage(card))}</div></div>`;
}
