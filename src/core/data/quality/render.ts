import { badge, formatValue, REPORT_CSS } from '../html';
import { escapeHtml } from '../../text/html';
import { formatNumber, formatShare } from '../../text/number';
import type { QualityReportData, Severity } from './contract';

const ORDER: Severity[] = ['error', 'warning', 'info'];

/**
 * The report as self-contained HTML: a summary line, the findings (worst first) with what to do,
 * the label's class balance and a per-column table.
 */
export function renderQualityHtml(r: QualityReportData): string {
  const counts = ORDER.map((s) => [s, r.findings.filter((f) => f.severity === s).length] as const);
  const summary = `${formatNumber(r.rows)} rows × ${r.columns.length} columns · ${counts.map(([s, n]) => `${n} ${s}${n === 1 ? '' : s === 'info' ? '' : 's'}`).join(' · ')}`;
  const findings = r.findings.length
    ? `<table><tbody>${r.findings
        .map((f) => `<tr><td>${badge(f.severity)}</td><td>${f.column ? `<b>${escapeHtml(f.column)}</b> ` : ''}${escapeHtml(f.message)}<br><span class="muted">${escapeHtml(f.advice)}</span></td></tr>`)
        .join('')}</tbody></table>`
    : '<p>No problems found.</p>';
  const label = r.label
    ? `<h4>Label ${escapeHtml(r.label.label)}</h4><table><tbody>${r.label.classes
        .slice(0, 20)
        .map(
          (c) =>
            `<tr><td>${escapeHtml(String(c.value))}</td><td class="num">${formatNumber(c.count)}</td><td class="num">${formatShare(c.share)}</td><td><span class="bar" style="width:${Math.max(1, Math.round(c.share * 200))}px"></span></td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const leakage = r.leakage ? `<p>Test split: ${formatNumber(r.leakage.testRows)} rows, ${formatNumber(r.leakage.sharedRows)} shared with training (${formatShare(r.leakage.sharedShare)}).</p>` : '';
  const head = ['column', 'type', 'missing', 'distinct', 'min', 'max', 'mean', 'most frequent'].map((h) => `<th>${h}</th>`).join('');
  const rows = r.columns
    .map(
      (c) =>
        `<tr><td><b>${escapeHtml(c.name)}</b></td><td>${c.kind}</td><td class="num">${c.missing ? `${formatNumber(c.missing)} (${formatShare(c.missingShare)})` : '0'}</td><td class="num">${formatNumber(c.distinct)}</td>` +
        `<td class="num">${escapeHtml(formatValue(c.min))}</td><td class="num">${escapeHtml(formatValue(c.max))}</td><td class="num">${formatNumber(c.mean)}</td>` +
        `<td>${c.top === undefined ? '' : `${escapeHtml(formatValue(c.top)).slice(0, 40)} <span class="muted">${formatShare(c.topShare ?? 0)}</span>`}</td></tr>`,
    )
    .join('');
  return (
    `<div class="mb-report"><style>${REPORT_CSS}</style>` +
    `<h3>Data quality ${r.passed ? badge('ok', 'passed') : badge('error', 'failed')}</h3><p>${summary}${r.duplicateRows ? ` · ${formatNumber(r.duplicateRows)} duplicate rows` : ''}</p>` +
    `<h4>Findings</h4>${findings}${label}${leakage}<h4>Columns</h4><table><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>`
  );
}

/** The report as plain text, for viewers without HTML and for logs. */
export function renderQualityText(r: QualityReportData): string {
  const lines = [`Data quality: ${r.passed ? 'passed' : 'FAILED'} — ${r.rows} rows × ${r.columns.length} columns, ${r.findings.length} findings`];
  for (const f of r.findings) lines.push(`  [${f.severity}] ${f.message} → ${f.advice}`);
  if (r.label)
    lines.push(
      `  label ${r.label.label}: ${r.label.classes
        .slice(0, 10)
        .map((c) => `${String(c.value)} ${formatShare(c.share)}`)
        .join(', ')}`,
    );
  return lines.join('\n');
}
