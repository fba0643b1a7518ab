/** One sign-off, from a name to its file: what `modelbook approve` and the VS Code command both do. */
import { buildApprovalEntry } from '../../core/approvals/entry';
import { GovernanceWorkspace } from '../lineage/workspace';
import { sha256Hex } from '../package/writePackage';
import { readGitAuthor } from '../reviews/gitAuthor';
import { writeApproval } from './approvalLog';

/**
 * Appends an approval of `ref` (a run id or a package folder) by the git user (read from the
 * config files) as `role`; returns the entry's workspace-relative file and what was approved.
 * Throws a RangeError for a bad role, a TargetNotFound for an unknown ref.
 *
 * @example
 * appendApproval('/work/churn', 'models/churn', '/work/churn', 'risk', 'thresholds ok') // { file: '.modelbook/approvals/…json', label: 'models/churn' }
 */
export function appendApproval(workspace: string, ref: string, cwd: string, role: string, note: string | undefined, now: Date = new Date()): { file: string; label: string } {
  const ws = new GovernanceWorkspace(workspace);
  const { subject, gates, label } = ws.subjectOf(ws.resolve(ref, cwd));
  const entry = buildApprovalEntry({ by: readGitAuthor(workspace), role, at: now.toISOString(), ...(note ? { note } : {}), subject, gates }, sha256Hex);
  return { file: writeApproval(workspace, entry), label };
}
