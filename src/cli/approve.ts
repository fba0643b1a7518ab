/**
 * `modelbook approve RUN_ID|PACKAGE_DIR --role ROLE [--note TEXT]` appends a sign-off to
 * `.modelbook/approvals/`; `modelbook approvals [RUN_ID|PACKAGE_DIR]` lists them, each current or
 * "approved an older version". Wired into src/cli/main.ts.
 */
import path from 'node:path';
import { approvalsFor } from '../core/approvals/entry';
import { approvalMessage } from '../core/approvals/messages';
import { listApprovals } from '../store/approvals/approvalLog';
import { appendApproval } from '../store/approvals/appendApproval';
import { GovernanceWorkspace } from '../store/lineage/workspace';
import { findRunWorkspace } from '../store/runs/paths';
import { parseFlags, UsageError, type FlagSpec } from './flags';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

const APPROVE_FLAGS = { role: { type: 'string' }, note: { type: 'string' }, workspace: { type: 'string' } } as const satisfies Record<string, FlagSpec>;
const APPROVALS_FLAGS = { json: { type: 'boolean' }, workspace: { type: 'string' } } as const satisfies Record<string, FlagSpec>;

/**
 * Runs `modelbook approve …`. Exit code 0 written, 2 bad arguments or a run/package not found.
 *
 * @example
 * runApproveCommand(['models/churn', '--role', 'risk'], io, process.cwd()) // 0
 */
export function runApproveCommand(argv: string[], io: Io, cwd: string, now: () => Date = () => new Date()): number {
  return guarded(io, approvalMessage.approveUsage, () => {
    const { values: v, positionals, help } = parseFlags('approve', argv, APPROVE_FLAGS);
    if (help) {
      io.out(`${approvalMessage.approveUsage}\n`);
      return 0;
    }
    if (positionals.length !== 1 || !v.role) throw new UsageError(approvalMessage.approveUsage);
    let written;
    try {
      written = appendApproval(path.resolve(cwd, v.workspace ?? findRunWorkspace(cwd)), positionals[0], cwd, v.role, v.note, now());
    } catch (e) {
      if (e instanceof RangeError) throw new UsageError(e.message);
      throw e;
    }
    io.out(`${approvalMessage.approved(v.role, written.label, written.file)}\n`);
    return 0;
  });
}

/**
 * Runs `modelbook approvals …`. Exit code 0 listed, 2 bad arguments or not found.
 *
 * @example
 * runApprovalsCommand(['models/churn'], io, process.cwd()) // 0
 */
export function runApprovalsCommand(argv: string[], io: Io, cwd: string): number {
  return guarded(io, approvalMessage.approvalsUsage, () => {
    const { values: v, positionals, help } = parseFlags('approvals', argv, APPROVALS_FLAGS);
    if (help) {
      io.out(`${approvalMessage.approvalsUsage}\n`);
      return 0;
    }
    if (positionals.length > 1) throw new UsageError(approvalMessage.approvalsUsage);
    const ws = new GovernanceWorkspace(path.resolve(cwd, v.workspace ?? findRunWorkspace(cwd)));
    const { states: all, problems } = listApprovals(ws);
    for (const p of problems) io.err(`warning: ${p.file}: ${p.reason}\n`);
    const states = positionals.length ? approvalsFor(all, ws.subjectOf(ws.resolve(positionals[0], cwd)).subject) : all;
    if (v.json) {
      io.out(`${JSON.stringify(states, null, 2)}\n`);
      return 0;
    }
    if (states.length === 0) io.out(`${approvalMessage.noApprovals}\n`);
    for (const s of states) {
      const what = s.entry.subject.package?.path ?? s.entry.subject.run?.id ?? '?';
      const who = s.entry.by.email ? `${s.entry.by.name} <${s.entry.by.email}>` : s.entry.by.name;
      io.out(`${approvalMessage.statusLine(s.status, s.entry.role, who, s.entry.at, what)}\n`);
      if (s.status === 'older') io.out(`         ${approvalMessage.olderNote}: ${s.reasons.join('; ')}\n`);
      if (s.status === 'tampered') io.out(`         ${s.reasons.join('; ')} (${s.file})\n`);
    }
    return 0;
  });
}

function guarded(io: Io, usage: string, body: () => number): number {
  try {
    return body();
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n${usage}\n`);
      return 2;
    }
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
}
