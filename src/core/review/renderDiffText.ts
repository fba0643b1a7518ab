import { cardChangeText, changedSteps, checkpointStateText, overrideText, environmentEntries, findingsText, pipelineStepText } from './structureText';
import type { ModelDiff } from './contract';
import { formatNumber } from '../text/number';
import { ciText, curvesText, flipsText, movesText, movedSlices, pairTitle, paramText, pText, reviewCounts, reviewPhrase, sideLabel, threadWhere, verdictMark } from './renderCommon';
import { formatDelta } from './verdict';

/** Lines aligned in columns (two spaces apart). */
function columns(rows: string[][]): string[] {
  const widths = rows[0].map((_, j) => Math.max(...rows.map((r) => [...(r[j] ?? '')].length)));
  return rows.map((r) =>
    r
      .map((c, j) => (j === r.length - 1 ? c : c.padEnd(widths[j])))
      .join('  ')
      .trimEnd(),
  );
}

/**
 * The model diff for a terminal: the verdict first, then per pair its metrics (Δ, CI, p, a mark),
 * flips, slices that moved, gates, params, model, data, environment and notes; then the code
 * changes and what was left unpaired.
 *
 * @example
 * process.stdout.write(renderDiffText(diff))
 */
export function renderDiffText(d: ModelDiff): string {
  const out: string[] = [];
  out.push(`model diff ${sideLabel(d.base)} → ${sideLabel(d.head)}`);
  out.push(`${d.failed ? 'FAILED' : 'ok'} (--fail-on ${d.failOn}): ${d.verdict}`, '');
  for (const p of d.pairs) {
    out.push(`== ${pairTitle(p)}  [${p.base.runId} → ${p.head.runId}]`, `   ${p.verdict}`);
    if (p.metrics.length) {
      out.push('');
      const rows = [['metric', 'base', 'head', 'Δ', '95% CI', 'p', '']];
      for (const m of p.metrics) rows.push([m.name, formatNumber(m.base), formatNumber(m.head), formatDelta(m.delta), ciText(m), pText(m.pValue), verdictMark(m)]);
      out.push(...columns(rows).map((l) => `   ${l}`));
    }
    const flips = flipsText(p);
    if (flips) out.push('', `   flips: ${flips}`);
    const moves = movesText(p);
    if (moves.length) out.push(`   predictions moved (base → head): ${moves.join('; ')}`);
    const curves = curvesText(p);
    if (curves) out.push(`   curves: ${curves}`);
    const moved = movedSlices(p);
    if (moved.length) {
      out.push('', '   slices that moved:');
      out.push(
        ...columns(
          moved.map((s) => [`${s.slice} = ${s.group}`, s.metric.name, formatDelta(s.metric.delta), ciText(s.metric), verdictMark(s.metric), s.smallGroup ? `small group (${s.rows} rows)` : '']),
        ).map((l) => `     ${l}`),
      );
    }
    const fair = p.fairness.filter((f) => f.delta !== null && f.delta !== 0);
    if (fair.length) {
      out.push('', '   fairness gaps:');
      out.push(
        ...columns(fair.map((f) => [`${f.slice}`, f.metric, formatNumber(f.base), '→', formatNumber(f.head), formatDelta(f.delta), f.significant ? (f.worse ? '▼ worse' : '▲ better') : ''])).map(
          (l) => `     ${l}`,
        ),
      );
    }
    if (p.gates.length) {
      out.push('', '   gates:');
      const pass = (v: boolean | null) => (v === null ? '—' : v ? 'pass' : 'FAIL');
      out.push(...columns(p.gates.map((g) => [g.name, pass(g.base), '→', pass(g.head), g.newlyFailing ? 'newly failing' : ''])).map((l) => `     ${l}`));
    }
    if (p.params.length) {
      out.push('', '   params:');
      out.push(...columns(p.params.map((c) => [c.name, paramText(c.base), '→', paramText(c.head), c.change === 'changed' ? '' : c.change])).map((l) => `     ${l}`));
    }
    const steps = changedSteps(p);
    if (steps.length) {
      out.push(
        '',
        `   pipeline: ${
          p
            .pipeline!.filter((s) => s.head)
            .map((s) => s.name)
            .join(' → ') || '—'
        }`,
      );
      out.push(...columns(steps.map((s) => [s.name, pipelineStepText(s)])).map((l) => `     ${l}`));
    }
    const m = p.model;
    if (m.typeChanged || m.parameterCountDelta || m.layers.some((l) => l.change !== 'unchanged')) {
      out.push('', `   model: ${m.base?.type ?? '—'} → ${m.head?.type ?? '—'}, parameters ${formatNumber(m.base?.parameterCount)} → ${formatNumber(m.head?.parameterCount)}`);
      for (const l of m.layers.filter((x) => x.change !== 'unchanged')) out.push(`     layer ${l.name} ${l.change}: ${l.base ?? '—'} → ${l.head ?? '—'}`);
    }
    for (const x of p.data) {
      const findings = x.findingsAppeared.length || x.findingsGone.length ? findingsText(x) : '';
      if (x.sameContent && !findings) continue;
      if (x.sameContent) {
        out.push('', `   data ${x.role}${x.name ? ` (${x.name})` : ''}: same content; findings ${findings}`);
        continue;
      }
      const schema = [
        x.columnsAdded.length ? `+${x.columnsAdded.join(', +')}` : '',
        x.columnsRemoved.length ? `-${x.columnsRemoved.join(', -')}` : '',
        ...x.typeChanged.map((t) => `${t.column}: ${t.base} → ${t.head}`),
      ]
        .filter(Boolean)
        .join('; ');
      out.push(
        '',
        `   data ${x.role}${x.name ? ` (${x.name})` : ''}: content changed, rows ${formatNumber(x.base?.rows)} → ${formatNumber(x.head?.rows)}${schema ? `; columns ${schema}` : ''}${findings ? `; findings ${findings}` : ''}`,
      );
    }
    if (p.card) out.push('', `   model card: ${cardChangeText(p.card)}`);
    if (p.checkpoints) {
      out.push('', '   checkpoints (base → head):');
      for (const r of p.checkpoints.rows) out.push(`     ${r.id}: ${checkpointStateText(r.base)} → ${checkpointStateText(r.head)}${r.problem ? ` (${r.problem})` : ''}`);
      for (const o of p.checkpoints.overrides) out.push(`     lifecycle override, ${overrideText(o)}`);
    }
    const env = environmentEntries(p);
    if (env.length) {
      out.push('', `   environment (* differs):`);
      out.push(...columns(env.map((e) => [e.changed ? '*' : ' ', e.name, e.base ?? '—', e.changed ? '→' : '', e.changed ? (e.head ?? '—') : ''])).map((l) => `     ${l}`));
    }
    for (const n of p.notes) out.push(`   note: ${n}`);
    out.push('');
  }
  for (const nb of d.code) {
    out.push(`== code: ${nb.notebook}`);
    for (const c of nb.cells) {
      out.push(`-- cell ${c.cellId} (#${c.index}) ${c.change}`);
      out.push(...(c.change === 'changed' ? c.diff : c.diff.replace(/^/gm, c.change === 'added' ? '+' : '-')).split('\n'));
    }
    out.push('');
  }
  if (d.threads?.length || d.reviews?.length) {
    out.push(`== review at head: ${reviewCounts(d)}`);
    for (const r of d.reviews ?? []) out.push(`   ${r.verdict === 'approve' ? '✓' : '✗'} ${reviewPhrase(r)}${r.title ? `: ${r.title}` : ''}`);
    for (const t of d.threads ?? []) out.push(`   thread ${threadWhere(t)} — ${t.author}, ${t.comments} comment${t.comments === 1 ? '' : 's'}: ${t.title}`);
    out.push('');
  }
  if (d.unpaired.length) {
    out.push('== unpaired');
    for (const u of d.unpaired) out.push(`   ${u.side} ${u.runId} ${u.name}: ${u.reason}`);
  }
  return `${out.join('\n').trimEnd()}\n`;
}
