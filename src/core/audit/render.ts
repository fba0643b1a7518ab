/** The audit report as text (a terminal) or Markdown (a PR comment). */
import type { AuditReport } from './contract';
import { auditMessage } from './messages';

/**
 * One line per check ("PASS pii  …" / "FAIL card  …"), the fix indented under a failure.
 *
 * @example
 * renderAudit(report, 'text') // "Audit of models/churn\nPASS pii        no identifier columns …"
 */
export function renderAudit(report: AuditReport, format: 'text' | 'md'): string {
  const passed = report.checks.filter((c) => c.passed).length;
  if (format === 'md') {
    const rows = report.checks.map((c) => `| ${c.passed ? '✅ pass' : '❌ fail'} | ${c.name} | ${cell(c.detail)} | ${c.fix ? cell(c.fix) : ''} |`);
    return [
      `## ${auditMessage.title(report.subject)}`,
      '',
      `| result | check | found | ${auditMessage.fixLabel} |`,
      '| --- | --- | --- | --- |',
      ...rows,
      '',
      auditMessage.summary(passed, report.checks.length),
      '',
    ].join('\n');
  }
  const lines = [auditMessage.title(report.subject)];
  for (const c of report.checks) {
    lines.push(`${c.passed ? 'PASS' : 'FAIL'} ${c.name.padEnd(10)} ${c.detail}`);
    if (c.fix) lines.push(`     ${auditMessage.fixLabel}: ${c.fix}`);
  }
  lines.push(auditMessage.summary(passed, report.checks.length));
  return `${lines.join('\n')}\n`;
}

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
