/**
 * The approvals log: one JSON file per sign-off under `.modelbook/approvals/`, written once and never
 * rewritten. Each entry names exactly what was approved (the run record's hash, the package's content
 * hash, the card's hash) and carries the hash of its own content, so an edited entry is detectable and
 * a later change to what it approved shows it as "approved an older version".
 */
import type { ReviewAuthor } from '../review/threadContract';
import type { LifecycleConfig } from '../checkpoints/contract';

export const APPROVAL_LOG_DIR = '.modelbook/approvals';
export const GOVERNANCE_FILE = '.modelbook/governance.json';
export const APPROVAL_FORMAT_VERSION = 1;

/** What an approval names: any of a run, a package and its card, each by hash. */
export interface ApprovalSubject {
  /** The run approved (an evaluation run, or a package's evaluation run) and the sha-256 of its record file. */
  run?: { id: string; recordHash: string };
  /** The package approved: its folder (workspace-relative, '/'), manifest name and content hash. */
  package?: { path: string; name: string; contentHash: string };
  /** The package's card and the sha-256 of its bytes. */
  card?: { path: string; hash: string };
}

/** One sign-off, as in its file. */
export interface ApprovalEntry {
  kind: 'modelbook.approval';
  formatVersion: typeof APPROVAL_FORMAT_VERSION;
  by: ReviewAuthor;
  role: string;
  /** ISO 8601 UTC. */
  at: string;
  note?: string;
  subject: ApprovalSubject;
  /** The gate results at that moment (the evaluation run's, or the package's). */
  gates: { name: string; passed: boolean }[];
  /** sha-256 hex of the entry's canonical JSON without this field. */
  hash: string;
}

/** An entry compared with what exists now. */
export type ApprovalStatus = 'current' | 'older' | 'tampered';

export interface ApprovalState {
  file: string;
  entry: ApprovalEntry;
  status: ApprovalStatus;
  /** Why it is older or tampered (which hash changed). */
  reasons: string[];
}

/** `.modelbook/governance.json`. */
export interface Governance {
  /** Roles whose current approval export and promotion require. */
  requiredRoles: string[];
  /** Sensitive attributes the audit wants fairness results for (when the problem definition declares none). */
  sensitiveAttributes?: string[];
  /** Checkpoints that must pass before export and promotion, for every notebook of the workspace. */
  lifecycle?: LifecycleConfig;
}

/** A role name: short and safe in a file. */
export const ROLE_NAME = /^[a-z][a-z0-9-]{0,39}$/;
