/**
 * The model diff as one self-contained HTML file: no scripts, no network, styles inline, charts as
 * inline SVG handed in already rendered (the CLI renders them in Node with vega, see
 * store/review/renderDiffReport.ts), print-friendly.
 */
import { cardChangeText, checkpointStateText, environmentEntries, overrideText, findingsText, pipelineStepText } from './structureText';
import { escapeHtml as e } from '../text/html';
import { formatNumber, formatShare } from '../text/number';
import type { DiffPair, ModelDiff } from './contract';
import { formatDelta, formatDeltaCi, formatValue, metricLabel, verdictMark } from './format';
import { collectDiffCharts } from './view';
import { reviewMessage } from './messages';
import { reviewCounts, threadWhere } from './renderCommon';

const STYLE = `:root{color-scheme:light}body{font:14px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f2328;background:#fff;margin:0 auto;max-width:1100px;padding:16px 24px}
h1{font-size:20px;margin:8px 0}h2{font-size:16px;margin:24px 0 8px;border-bottom:1px solid #d0d7de;padding-bottom:4px}h3{font-size:14px;margin:14px 0 6px}
.verdict{padding:10px 14px;border-radius:6px;border-left:5px solid #8c8c8c;background:#f6f8fa;font-weight:600}.verdict.failed{border-left-color:#d62728;background:#fff5f5}
.muted{color:#59636e}.worse,.fail{color:#b42318;font-weight:600}.better,.pass{color:#1a7f37;font-weight:600}.small{color:#9a6700}
table{border-collapse:collapse;margin:6px 0}th,td{padding:3px 10px;border-bottom:1px solid #d0d7de;text-align:left;vertical-align:top}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.newly-failing td{background:#fff0f0}pre{background:#f6f8fa;padding:8px;overflow-x:auto;font-size:12px;margin:4px 0}pre .add{color:#1a7f37}pre .del{color:#b42318}
.charts{display:flex;flex-wrap:wrap;gap:16px;align-items:flex-start}.charts svg{max-width:100%;height:auto}code{font-size:12px}
@media print{body{max-width:none;padding:0;font-size:11px}h2{break-after:avoid}table,.charts>div,pre,tr{break-inside:avoid}details{display:block}details>summary{display:none}.verdict{-webkit-print-color-adjust:exact;print-color-adjust:exact}}`;

/** Already-rendered SVG text per chart id (`forest-0`, `slices-0`, `flips-0`, …; see collectDiffCharts). */
export type DiffChartSvgs = Record<string, string>;

/**
 * The model diff as a self-contained HTML page: verdict, then per pair metrics (forest plot and
 * table with Δ, CI, p and a significance mark), flips, slices and fairness, parameters, model,
 * data, gates (newly failing first and highlighted), code changes and environment. Every text is
 * escaped; charts appear where `svgs` has them (SVG text from vega's renderer, trusted), else the
 * tables alone carry the numbers.
 *
 * @example
 * fs.writeFileSync('diff.html', renderDiffHtml(diff, await renderDiffChartSvgs(diff)));
 */
export function renderDiffHtml(diff: ModelDiff, svgs: DiffChartSvgs = {}): string {
  if (!diff || !Array.isArray(diff.pairs)) throw new TypeError(reviewMessage.notADiff('renderDiffHtml'));
  const charts = collectDiffCharts(diff);
  const svgOf = (id: string) => (svgs[id] && charts.some((c) => c.id === id) ? `<div data-chart="${e(id)}">${svgs[id]}</div>` : '');
  const title = `Model diff: ${diff.base.spec} ↔ ${diff.head.spec}`;
  const out: string[] = [
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(title)}</title><style>${STYLE}</style></head><body>`,
    `<h1>${e(title)}</h1>`,
    `<section id="verdict"><p class="verdict${diff.failed ? ' failed' : ''}">${diff.failed ? '✗ ' : ''}${e(diff.verdict)}</p>`,
    `<p class="muted">base ${side(diff.base)} · head ${side(diff.head)} · ${diff.pairs.length} paired evaluation${diff.pairs.length === 1 ? '' : 's'} · fail on ${e(diff.failOn)}${diff.threads || diff.reviews ? ` · ${e(reviewCounts(diff))}` : ''}</p>`,
    diff.unpaired.length ? `<p class="muted">Not paired: ${diff.unpaired.map((u) => `${e(u.name)} (${e(u.side)} ${e(u.runId)}: ${e(u.reason)})`).join('; ')}</p>` : '',
    '</section>',
  ];
  diff.pairs.forEach((p, i) => out.push(pairHtml(p, i, svgOf)));
  out.push(reviewHtml(diff));
  out.push(codeHtml(diff));
  out.push('</body></html>');
  return out.join('\n');
}

/** The open threads and reviews at head, as two short tables (nothing when there are none). */
function reviewHtml(diff: ModelDiff): string {
  const threads = diff.threads ?? [];
  const reviews = diff.reviews ?? [];
  if (threads.length === 0 && reviews.length === 0) return '';
  const parts = [`<section id="review"><h2>Review <span class="muted">— ${e(reviewCounts(diff))}</span></h2>`];
  if (reviews.length)
    parts.push(
      table(
        ['Review', 'Reviewer', 'Diff seen', 'Date', ''],
        reviews.map((r) => [
          `<span class="${r.verdict === 'approve' ? 'pass' : 'fail'}">${r.verdict === 'approve' ? '✓ approved' : '✗ changes requested'}</span>`,
          e(r.reviewer),
          r.sameDiff ? 'this diff' : '<span class="muted">an earlier diff</span>',
          e(r.createdAt.slice(0, 10)),
          e(r.title ?? ''),
        ]),
      ),
    );
  if (threads.length)
    parts.push(
      table(
        ['Open thread', 'About', 'Started by', 'Comments'],
        threads.map((t) => [e(t.title), e(threadWhere(t)), e(t.author), String(t.comments)]),
        [3],
      ),
    );
  parts.push('</section>');
  return parts.join('');
}

function side(s: ModelDiff['base']): string {
  return `<code>${e(s.spec)}</code>${s.commit ? ` (${e(s.commit.slice(0, 10))})` : ''}`;
}

const table = (head: string[], rows: string[][], numeric: number[] = [], rowAttrs: string[] = []) =>
  `<table><thead><tr>${head.map((h, i) => `<th${numeric.includes(i) ? ' class="num"' : ''}>${e(h)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r, j) => `<tr${rowAttrs[j] ?? ''}>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;

function pairHtml(p: DiffPair, i: number, svgOf: (id: string) => string): string {
  const where = `${p.notebook ? `${e(p.notebook)}` : 'no notebook'}${p.cellId ? ` · cell <code>${e(p.cellId)}</code>` : ''}`;
  const parts = [`<section class="pair" data-pair="${i}"><h2>${e(p.name)} <span class="muted">— ${where}</span></h2>`, `<p class="muted">${e(p.verdict)}</p>`];
  parts.push(
    `<section id="metrics-${i}"><h3>Metrics</h3><div class="charts">${svgOf(`forest-${i}`)}<div>${table(
      ['Metric', 'Base', 'Head', 'Δ', '95% CI of Δ', 'p', ''],
      p.metrics.map((m) => [
        `${e(metricLabel(m.name))} <span class="muted">${m.higherIsBetter ? '↑' : '↓'}</span>`,
        formatNumber(m.base),
        formatNumber(m.head),
        `<span class="${e(m.verdict)}">${e(formatDelta(m.delta))}</span>`,
        e(formatDeltaCi(m.ci)),
        formatNumber(m.pValue),
        `<span class="${e(m.verdict)}">${e(verdictMark(m))}</span>`,
      ]),
      [1, 2, 3, 4, 5],
    )}<p class="muted">Intervals: ${e([...new Set(p.metrics.map((m) => m.method))].join(', '))}. Marked significant only when the interval excludes zero.</p></div></div></section>`,
  );
  const curves = [svgOf(`roc-${i}`), svgOf(`pr-${i}`)].join('');
  if (curves && p.curves) parts.push(`<section id="curves-${i}"><h3>ROC and precision–recall curves</h3><div class="charts">${curves}</div><p class="muted">${e(curvesNote(p.curves))}</p></section>`);
  const f = p.flips;
  if (f) {
    const mc = f.mcnemar
      ? `McNemar ${f.mcnemar.exact ? '(exact binomial)' : '(χ², continuity-corrected)'}: statistic ${formatNumber(f.mcnemar.statistic)}, p ${formatNumber(f.mcnemar.pValue)}`
      : 'McNemar: not computed';
    const features = [...new Set(f.examples.flatMap((x) => Object.keys(x.features ?? {})))];
    parts.push(
      `<section id="flips-${i}"><h3>Prediction flips</h3><div class="charts">${svgOf(`flips-${i}`)}<div><p>${formatNumber(f.changed)} of ${formatNumber(f.rows)} shared rows changed: <span class="better">${formatNumber(f.fixes)} fixes</span>, <span class="worse">${formatNumber(f.regressions)} regressions</span> (negative flip rate ${formatShare(f.negativeFlipRate)})${f.bothRight !== undefined ? `; ${formatNumber(f.bothRight)} right and ${formatNumber(f.bothWrong)} wrong on both sides` : ''}.${f.errorGrew ? ` <span class="worse">Absolute error grew by more than ${formatNumber(f.errorGrew.tolerance)} on ${formatNumber(f.errorGrew.rows)} rows</span>.` : ''} ${f.mcnemar ? `${e(mc)}.` : ''}${f.onlyBase || f.onlyHead ? ` Only in base: ${formatNumber(f.onlyBase)}, only in head: ${formatNumber(f.onlyHead)}.` : ''}${f.sampled ? ` Sampled: base kept ${formatNumber(f.sampled.base.kept)} of ${formatNumber(f.sampled.base.total)}, head ${formatNumber(f.sampled.head.kept)} of ${formatNumber(f.sampled.head.total)}.` : ''}</p>${
        f.perClass.length === 0
          ? ''
          : table(
              ['True class', 'Fixes', 'Regressions', 'Changed'],
              f.perClass.map((c) => [e(c.label), formatNumber(c.fixes), formatNumber(c.regressions), formatNumber(c.changed)]),
              [1, 2, 3],
            )
      }${
        f.moves?.length
          ? table(
              ['Base predicted', 'Head predicts', 'Rows', 'Fixes', 'Regressions'],
              f.moves.map((x) => [e(x.from), e(x.to), formatNumber(x.rows), formatNumber(x.fixes), formatNumber(x.regressions)]),
              [2, 3, 4],
            )
          : ''
      }</div></div>${
        f.examples.length
          ? table(
              ['Row', 'Kind', 'True', 'Base', 'Head', ...features],
              f.examples.map((x) => [
                `<code>${e(x.rowId)}</code>`,
                `<span class="${x.kind === 'fix' ? 'better' : x.kind === 'regression' ? 'worse' : ''}">${e(x.kind)}</span>`,
                e(String(x.yTrue)),
                e(String(x.base)),
                e(String(x.head)),
                ...features.map((k) => e(cellValue(x.features?.[k]))),
              ]),
            )
          : ''
      }</section>`,
    );
  }
  if (p.slices.length || p.fairness.length) {
    parts.push(
      `<section id="slices-${i}"><h3>Slices and fairness</h3><div class="charts">${svgOf(`slices-${i}`)}<div>${table(
        ['Slice', 'Group', 'Rows', 'Metric', 'Δ', '95% CI', ''],
        p.slices.flatMap((s) =>
          s.metrics.map((m) => [
            e(s.slice),
            `${e(s.group)}${s.smallGroup ? ' <span class="small">⚠ small group</span>' : ''}`,
            formatNumber(s.rowsHead),
            e(metricLabel(m.name)),
            `<span class="${e(m.verdict)}">${e(formatDelta(m.delta))}</span>`,
            e(formatDeltaCi(m.ci)),
            `<span class="${e(m.verdict)}">${e(verdictMark(m))}</span>`,
          ]),
        ),
        [2, 4, 5],
      )}${
        p.fairness.length
          ? table(
              ['Slice', 'Fairness gap', 'Base', 'Head', 'Δ', '95% CI', ''],
              p.fairness.map((x) => [
                e(x.slice),
                e(x.metric),
                formatNumber(x.base),
                formatNumber(x.head),
                `<span class="${x.worse ? 'worse' : ''}">${e(formatDelta(x.delta))}</span>`,
                e(formatDeltaCi(x.ci)),
                x.worse ? `<span class="worse">${x.significant ? '▼ gap grew (significant)' : '▼ gap grew'}</span>` : '',
              ]),
              [2, 3, 4, 5],
            )
          : ''
      }</div></div></section>`,
    );
  }
  parts.push(
    `<section id="params-${i}"><h3>Parameters</h3>${
      p.params.length
        ? table(
            ['Parameter', 'Change', 'Base', 'Head'],
            p.params.map((x) => [`<code>${e(x.name)}</code>`, e(x.change), e(formatValue(x.base)), e(formatValue(x.head))]),
          )
        : '<p class="muted">No parameter changed.</p>'
    }</section>`,
  );
  if (p.card) parts.push(`<section id="card-${i}"><h3>Model card</h3><p>${e(cardChangeText(p.card))}</p></section>`);
  if (p.checkpoints)
    parts.push(
      `<section id="checkpoints-${i}"><h3>Checkpoints</h3>${table(
        ['Checkpoint', 'Base', 'Head', ''],
        p.checkpoints.rows.map((r) => [`<code>${e(r.id)}</code>`, e(checkpointStateText(r.base)), e(checkpointStateText(r.head)), e(r.problem ?? '')]),
      )}${p.checkpoints.overrides.map((o) => `<p class="worse">${e(overrideText(o))}</p>`).join('')}</section>`,
    );
  if (p.pipeline?.length)
    parts.push(
      `<section id="pipeline-${i}"><h3>Pipeline steps</h3>${table(
        ['Step', 'Base', 'Head', 'Change'],
        p.pipeline.map((s) => [
          `<code>${e(s.name)}</code>`,
          e(s.base ? `${s.base.index + 1}. ${s.base.kind}` : '—'),
          e(s.head ? `${s.head.index + 1}. ${s.head.kind}` : '—'),
          s.change === 'unchanged' ? '<span class="muted">unchanged</span>' : `<b>${e(pipelineStepText(s))}</b>`,
        ]),
      )}</section>`,
    );
  const m = p.model;
  parts.push(
    `<section id="model-${i}"><h3>Model</h3><p>${e(m.base?.type ?? '—')} → ${e(m.head?.type ?? '—')}${m.typeChanged ? ' <span class="worse">(type changed)</span>' : ''} · parameters ${formatNumber(m.base?.parameterCount)} → ${formatNumber(m.head?.parameterCount)} (${e(formatDelta(m.parameterCountDelta))})</p>${
      m.layers.length
        ? table(
            ['Layer', 'Change', 'Base', 'Head'],
            m.layers.map((l) => [e(l.name), e(l.change), e(l.base ?? '—'), e(l.head ?? '—')]),
          )
        : ''
    }${
      m.weights.length
        ? table(
            ['Weights', 'Mean base', 'Mean head', 'Std base', 'Std head', 'Δ std'],
            m.weights.map((w) => [e(w.name), formatNumber(w.base?.mean), formatNumber(w.head?.mean), formatNumber(w.base?.std), formatNumber(w.head?.std), e(formatDelta(w.stdDelta))]),
            [1, 2, 3, 4, 5],
          )
        : ''
    }</section>`,
  );
  parts.push(
    `<section id="data-${i}"><h3>Data</h3>${table(
      ['Role', 'Data', 'Content', 'Δ rows', 'Schema', 'Findings'],
      p.data.map((d) => [e(d.role), e(d.name ?? ''), d.sameContent ? 'same' : '<span class="worse">changed</span>', e(formatDelta(d.rowsDelta)), e(schemaText(d)), e(findingsText(d))]),
      [3],
    )}</section>`,
  );
  const gates = [...p.gates].sort((a, b) => Number(b.newlyFailing) - Number(a.newlyFailing));
  parts.push(
    `<section id="gates-${i}"><h3>Gates</h3>${
      gates.length
        ? table(
            ['Gate', 'Base', 'Head', ''],
            gates.map((g) => [`<code>${e(g.name)}</code>`, gateText(g.base, g.baseValue), gateText(g.head, g.headValue), g.newlyFailing ? '<span class="fail">newly failing</span>' : '']),
            [],
            gates.map((g) => (g.newlyFailing ? ' class="newly-failing"' : '')),
          )
        : '<p class="muted">No gates.</p>'
    }</section>`,
  );
  parts.push(
    `<section id="environment-${i}"><h3>Environment</h3>${table(
      ['Library', 'Base', 'Head', ''],
      environmentEntries(p).map((x) => [e(x.name), e(x.base ?? '—'), x.changed ? `<b>${e(x.head ?? '—')}</b>` : e(x.head ?? '—'), x.changed ? '<span class="muted">differs</span>' : '']),
      [],
      environmentEntries(p).map((x) => (x.changed ? ' class="env-changed"' : '')),
    )}${p.notes.length ? `<ul class="muted">${p.notes.map((n) => `<li>${e(n)}</li>`).join('')}</ul>` : ''}</section>`,
  );
  parts.push('</section>');
  return parts.join('\n');
}

function codeHtml(diff: ModelDiff): string {
  if (!diff.code.some((c) => c.cells.length)) return '<section id="code"><h2>Code changes</h2><p class="muted">No cell changed.</p></section>';
  const blocks = diff.code.map(
    (n) =>
      `<h3>${e(n.notebook)}</h3>${n.cells
        .map(
          (c) =>
            `<div data-cell="${e(c.cellId)}"><p><code>${e(c.cellId)}</code> · cell ${c.index} · <span class="${c.change === 'removed' ? 'worse' : c.change === 'added' ? 'better' : ''}">${e(c.change)}</span></p><pre>${c.diff
              .split('\n')
              .map((line) => (line.startsWith('+') ? `<span class="add">${e(line)}</span>` : line.startsWith('-') ? `<span class="del">${e(line)}</span>` : e(line)))
              .join('\n')}</pre></div>`,
        )
        .join('')}`,
  );
  return `<section id="code"><h2>Code changes</h2>${blocks.join('')}</section>`;
}

/**
 * A data role's schema change in one line: '+col, −col, col: string→number', or 'same'.
 *
 * @example
 * schemaText({ columnsAdded: ['a'], columnsRemoved: [], typeChanged: [] }) // '+a'
 */
export function schemaText(d: Pick<DiffPair['data'][number], 'columnsAdded' | 'columnsRemoved' | 'typeChanged'>): string {
  const parts = [...d.columnsAdded.map((c) => `+${c}`), ...d.columnsRemoved.map((c) => `−${c}`), ...d.typeChanged.map((t) => `${t.column}: ${t.base}→${t.head}`)];
  return parts.length ? parts.join(', ') : 'same';
}

/**
 * Which rows the curves were drawn on, in one sentence.
 *
 * @example
 * curvesNote({ rows: { base: 500, head: 500 }, paired: true }) // 'Base (orange) and head (blue) on the 500 rows both evaluated; AUC and AP in the legends.'
 */
export function curvesNote(c: NonNullable<DiffPair['curves']>): string {
  const rows = c.paired ? `on the ${formatNumber(c.rows.head)} rows both evaluated` : `on each side's kept rows (base ${formatNumber(c.rows.base)}, head ${formatNumber(c.rows.head)})`;
  return `Base (orange) and head (blue) ${rows}; AUC and AP in the legends.`;
}

function gateText(passed: boolean | null, value: number | null | undefined): string {
  const mark = passed === null ? '<span class="muted">—</span>' : passed ? '<span class="pass">✓ pass</span>' : '<span class="fail">✗ fail</span>';
  return value === undefined || value === null ? mark : `${mark} <span class="muted">(${formatNumber(value)})</span>`;
}

function cellValue(v: string | number | null | undefined): string {
  return v === null || v === undefined ? '—' : typeof v === 'number' ? formatNumber(v) : v;
}
