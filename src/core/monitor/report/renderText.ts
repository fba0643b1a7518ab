/** The monitoring report as plain text (terminal, cron mail) and as Markdown (a PR or issue comment). */
import { formatNumber, formatShare } from '../../text/number';
import type { FeatureReport, MonitorReport } from '../contract';

const n = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatNumber(v));
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : formatShare(v));

/** The one-line verdict. */
export function summaryLine(r: MonitorReport): string {
  const s = r.summary;
  const mark = s.status === 'critical' ? '✗ CRITICAL' : s.status === 'warning' ? '! WARNING' : '✓ OK';
  return `${mark}: ${s.driftedFeatures} of ${s.features} features drifted (${pct(s.driftedShare)})${s.predictionDrift === null ? '' : s.predictionDrift ? ', predictions drifted' : ', predictions stable'}; ${r.quality.invalidRows} invalid rows; ${s.firedCritical} critical and ${s.firedWarning} warning rules fired`;
}

function rowCells(f: FeatureReport): string[] {
  const d = f.drift;
  if (!d) return [f.name, f.type, '—', '—', '—', '—', '—', f.skipped ?? ''];
  return [
    f.name,
    f.type,
    d.method,
    `${n(d.effect)} / ${n(d.threshold)}`,
    d.pValue === null ? '—' : formatP(d.pValue),
    `${n(d.statistics.psi)} (${d.statistics.psiBand})`,
    n(d.statistics.jensenShannon),
    d.drifted ? 'DRIFT' : '',
  ];
}

/** A p-value, with the ones too small to print as '<1e-4'. */
export function formatP(p: number): string {
  return p < 1e-4 ? '<1e-4' : formatNumber(p);
}

const HEAD = ['feature', 'type', 'method', 'effect / threshold', 'p', 'PSI', 'JS', 'drift'];

/**
 * Plain text: verdict, drift table (drifted first), prediction drift, quality, performance, rules.
 *
 * @example
 * console.log(renderMonitorText(report));
 */
export function renderMonitorText(r: MonitorReport): string {
  const rows = [HEAD, ...sortFeatures(r).map(rowCells)];
  if (r.prediction) rows.push(rowCells({ ...r.prediction, name: `${r.prediction.name} (prediction)` }));
  const widths = HEAD.map((_, i) => Math.max(...rows.map((x) => x[i].length)));
  const out = [`Monitor: ${r.reference.source} (${r.reference.rows} rows) ↔ ${r.current.source} (${r.current.rows} rows)`, summaryLine(r), ''];
  for (const row of rows)
    out.push(
      row
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd(),
    );
  out.push('', ...qualityLines(r), ...performanceLines(r, false), '', 'Rules:');
  for (const x of r.rules) out.push(`  ${x.fired ? (x.severity === 'critical' ? '✗' : '!') : '·'} [${x.severity}] ${x.rule}: ${n(x.value)}${x.note ? ` (${x.note})` : ''}`);
  for (const note of r.notes) out.push(`Note: ${note}`);
  return out.join('\n');
}

/**
 * Markdown: the same content, tables in GitHub style (only drifted features and the first 30
 * others, so a comment stays short).
 *
 * @example
 * fs.writeFileSync('monitor.md', renderMonitorMarkdown(report));
 */
export function renderMonitorMarkdown(r: MonitorReport): string {
  const esc = (s: string) => s.replace(/[|\\`*_<>]/g, (c) => `\\${c}`);
  const feats = sortFeatures(r);
  const shown = feats.filter((f, i) => f.drift?.drifted || i < 30);
  const out = [`### Monitoring: ${esc(r.reference.source)} ↔ ${esc(r.current.source)}`, '', `**${esc(summaryLine(r))}**`, '', `| ${HEAD.join(' | ')} |`, `|${HEAD.map(() => ' --- ').join('|')}|`];
  for (const f of shown) out.push(`| ${rowCells(f).map(esc).join(' | ')} |`);
  if (shown.length < feats.length) out.push('', `_${feats.length - shown.length} more features without drift._`);
  if (r.prediction) out.push('', `Prediction drift (${esc(r.prediction.name)}): ${rowCells(r.prediction).slice(2).map(esc).join(' · ')}`);
  out.push('', ...qualityLines(r).map((l) => `- ${esc(l.trim())}`), ...performanceLines(r, true), '', '| rule | severity | value | fired |', '| --- | --- | --- | --- |');
  for (const x of r.rules) out.push(`| \`${x.rule}\` | ${x.severity} | ${n(x.value)} | ${x.fired ? '**yes**' : 'no'} |`);
  for (const note of r.notes) out.push('', `> ${esc(note)}`);
  return out.join('\n');
}

/** Drifted features first, then by effect relative to its threshold. */
export function sortFeatures(r: MonitorReport): FeatureReport[] {
  return [...r.features].sort(
    (a, b) => Number(b.drift?.drifted ?? false) - Number(a.drift?.drifted ?? false) || (b.drift?.effect ?? -1) / (b.drift?.threshold ?? 1) - (a.drift?.effect ?? -1) / (a.drift?.threshold ?? 1),
  );
}

function qualityLines(r: MonitorReport): string[] {
  const q = r.quality;
  const out = [
    `Quality (${q.source === 'schema' ? 'input schema' : 'profile only'}): ${q.invalidRows} of ${q.rows} rows invalid (${pct(q.invalidShare)})${q.missingColumns.length ? `; missing columns: ${q.missingColumns.join(', ')}` : ''}`,
  ];
  for (const f of r.features) {
    const parts: string[] = [];
    if (f.quality.newCategoryRows)
      parts.push(
        `${f.quality.newCategoryRows} rows with new categories (${f.quality.newCategories
          .slice(0, 5)
          .map((c) => c.value)
          .join(', ')})`,
      );
    if (f.quality.outOfRange) parts.push(`${pct(f.quality.outOfRange)} out of range`);
    if (Math.abs(f.quality.missingCurrent - f.quality.missingReference) >= 0.01) parts.push(`missing ${pct(f.quality.missingReference)} → ${pct(f.quality.missingCurrent)}`);
    if (parts.length) out.push(`  ${f.name}: ${parts.join('; ')}`);
  }
  return out;
}

function performanceLines(r: MonitorReport, md: boolean): string[] {
  const p = r.performance;
  if (!p) return [];
  const out = ['', `Performance on ${p.rows} labelled rows (${p.labels}, ${p.task}):`];
  if (md) out.push('', '| metric | reference | current | 95 % CI | Δ |', '| --- | --- | --- | --- | --- |');
  for (const m of p.metrics) {
    const ci = m.currentCi ? `[${n(m.currentCi.lower)}, ${n(m.currentCi.upper)}]` : '—';
    out.push(
      md ? `| ${m.label} | ${n(m.reference)} | ${n(m.current)} | ${ci} | ${n(m.delta)}${m.worse ? ' ▼' : ''} |` : `  ${m.label}: ${n(m.reference)} → ${n(m.current)} ${ci}${m.worse ? ' worse' : ''}`,
    );
  }
  return out;
}
