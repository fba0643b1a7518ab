/**
 * The governance audit: the checks a reviewer asks for before a model ships, each pass/fail with
 * the fix — PII in the data used, fairness results for the sensitive attributes, the card, the
 * lineage, the required approvals.
 */
import type { Lineage } from '../lineage/contract';

export type AuditCheckName = 'pii' | 'fairness' | 'card' | 'lineage' | 'approvals';

export interface AuditCheck {
  name: AuditCheckName;
  passed: boolean;
  /** What was found. */
  detail: string;
  /** What to do, when it failed. */
  fix?: string;
}

export interface AuditReport {
  kind: 'modelbook.audit';
  version: 1;
  /** The notebook or package audited (workspace-relative). */
  subject: string;
  checks: AuditCheck[];
  passed: boolean;
}

/** A data file scanned for PII: identifier columns (by value pattern or name) and sensitive attributes (by name). */
export interface PIIFileFacts {
  file: string;
  identifiers: { column: string; what: string }[];
  sensitive: { column: string; what: string }[];
}

/** What the audit judges, gathered by the store. */
export interface AuditFacts {
  subject: string;
  pii: { scanned: PIIFileFacts[]; unscanned: string[] };
  fairness: {
    /** Declared sensitive attributes and who declared them. */
    declared: string[];
    declaredBy: 'problem' | 'governance' | 'none';
    /** Slice columns the evaluation kept results for. */
    evaluated: string[];
    evaluationRun?: string;
  };
  card: { path?: string; missingSections?: string[]; packagePath?: string };
  lineage: Lineage;
  approvals: { required: string[]; missing: string[]; older: string[]; ref: string };
}
