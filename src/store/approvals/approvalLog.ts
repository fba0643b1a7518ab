/**
 * The approvals log on disk: `.modelbook/approvals/<time>-<hash>.json`, one file per sign-off,
 * created exclusively (`wx`: an existing file is never overwritten) and never rewritten.
 */
import fs from 'node:fs';
import path from 'node:path';
import { APPROVAL_LOG_DIR, GOVERNANCE_FILE, type ApprovalEntry, type ApprovalState, type Governance } from '../../core/approvals/contract';
import { approvalFileName, compareApproval, parseApprovalEntry, parseGovernance } from '../../core/approvals/entry';
import { approvalMessage } from '../../core/approvals/messages';
import { sha256Hex } from '../package/writePackage';
import { FileReadError, readRegularFile } from '../readRegularFile';
import type { GovernanceWorkspace } from '../lineage/workspace';

const MAX_ENTRY_BYTES = 1 << 20;
const MAX_ENTRIES = 100_000;

/**
 * Writes a new entry; refuses (throws) when its file exists already.
 *
 * @example
 * writeApproval('/work/churn', entry) // '.modelbook/approvals/20261207T100000000Z-3f2a9c1b0d4e.json'
 */
export function writeApproval(workspace: string, entry: ApprovalEntry): string {
  const rel = `${APPROVAL_LOG_DIR}/${approvalFileName(entry)}`;
  const file = path.join(workspace, ...rel.split('/'));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(approvalMessage.exists(rel), { cause: e });
    throw e;
  }
  try {
    fs.writeFileSync(fd, `${JSON.stringify(entry, null, 2)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return rel;
}

/**
 * Every entry of the log, oldest first, each compared with what exists now; unreadable files as problems.
 *
 * @example
 * listApprovals(new GovernanceWorkspace('/work/churn')).states.filter((s) => s.status === 'older')
 */
export function listApprovals(ws: GovernanceWorkspace): { states: ApprovalState[]; problems: { file: string; reason: string }[] } {
  const dir = path.join(ws.root, ...APPROVAL_LOG_DIR.split('/'));
  let names: string[];
  try {
    names = fs
      .readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .sort()
      .slice(0, MAX_ENTRIES);
  } catch {
    return { states: [], problems: [] };
  }
  const states: ApprovalState[] = [];
  const problems: { file: string; reason: string }[] = [];
  for (const name of names) {
    const file = `${APPROVAL_LOG_DIR}/${name}`;
    try {
      const text = readRegularFile(path.join(dir, name), { maxBytes: MAX_ENTRY_BYTES }).bytes.toString('utf8');
      const { entry, tampered } = parseApprovalEntry(text, sha256Hex);
      const { status, reasons } = compareApproval(entry, tampered, ws.currentHashes(entry.subject));
      states.push({ file, entry, status, reasons });
    } catch (e) {
      problems.push({ file, reason: (e as Error).message });
    }
  }
  return { states, problems };
}

/**
 * `.modelbook/governance.json`, or the default (no required roles) when there is none.
 *
 * @example
 * readGovernance('/work/churn').requiredRoles // ['model-owner', 'risk']
 */
export function readGovernance(workspace: string): Governance {
  const file = path.join(workspace, ...GOVERNANCE_FILE.split('/'));
  let text: string;
  try {
    text = readRegularFile(file, { maxBytes: 1 << 20 }).bytes.toString('utf8');
  } catch (e) {
    if (e instanceof FileReadError && e.problem === 'missing') return { requiredRoles: [] };
    throw e;
  }
  return parseGovernance(text, GOVERNANCE_FILE);
}
