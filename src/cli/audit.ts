/**
 * `modelbook audit NOTEBOOK|PACKAGE_DIR [--format text|json|md]`: the governance checks in one
 * command, each pass/fail with the fix; the exit code is for CI. Wired into src/cli/main.ts.
 */
import path from 'node:path';
import { collectAudit } from '../core/audit/collect';
import { auditMessage } from '../core/audit/messages';
import { renderAudit } from '../core/audit/render';
import { gatherAuditFacts } from '../store/audit/gatherFacts';
import { findRunWorkspace } from '../store/runs/paths';
import { parseFlags, UsageError, type FlagSpec } from './flags';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const AUDIT_FLAGS = { format: { type: 'string' }, workspace: { type: 'string' } } as const satisfies Record<string, FlagSpec>;

/**
 * Runs `modelbook audit …`. Exit code 0 every check passed, 1 a check failed, 2 bad arguments or not found.
 *
 * @example
 * runAuditCommand(['churn.mlnb', '--format', 'md'], io, process.cwd()) // 0 | 1 | 2
 */
export function runAuditCommand(argv: string[], io: Io, cwd: string): number {
  try {
    const { values: v, positionals, help } = parseFlags('audit', argv, AUDIT_FLAGS);
    if (help) {
      io.out(`${auditMessage.auditUsage}\n`);
      return 0;
    }
    const format = v.format ?? 'text';
    if (positionals.length !== 1 || (format !== 'text' && format !== 'json' && format !== 'md')) throw new UsageError(auditMessage.auditUsage);
    const workspace = path.resolve(cwd, v.workspace ?? findRunWorkspace(cwd));
    const report = collectAudit(gatherAuditFacts(workspace, positionals[0], cwd));
    io.out(format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : renderAudit(report, format));
    return report.passed ? 0 : 1;
  } catch (e) {
    io.err(e instanceof UsageError ? `${e.message}\n${auditMessage.auditUsage}\n` : `${(e as Error).message}\n`);
    return 2;
  }
}
