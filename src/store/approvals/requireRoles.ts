/** The check export and promotion run: the roles `.modelbook/governance.json` requires, approved for the current version. */
import { approvalsFor, missingRoles } from '../../core/approvals/entry';
import { approvalMessage } from '../../core/approvals/messages';
import { GovernanceWorkspace } from '../lineage/workspace';
import { listApprovals, readGovernance } from './approvalLog';

/**
 * The refusal sentence when a required role has no current approval of `ref` (a run id or a
 * package folder), or undefined when none is required or all are there. Opt-in: without a
 * governance file nothing is required.
 *
 * @example
 * requiredApprovalsProblem('/work/churn', '01JD…', '/work/churn') // "01JD… needs a current approval from risk (…)"
 */
export function requiredApprovalsProblem(workspace: string, ref: string, cwd: string): string | undefined {
  const required = readGovernance(workspace).requiredRoles;
  if (required.length === 0) return undefined;
  const ws = new GovernanceWorkspace(workspace);
  const { subject } = ws.subjectOf(ws.resolve(ref, cwd));
  const missing = missingRoles(
    required,
    approvalsFor(listApprovals(ws).states, subject).map((s) => ({ role: s.entry.role, status: s.status })),
  );
  return missing.length ? approvalMessage.missingRoles(ref, missing) : undefined;
}
