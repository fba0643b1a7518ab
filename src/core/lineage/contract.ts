/**
 * Lineage: where a model came from, traced through the records alone — data fingerprint → pipeline →
 * training (fit) run → evaluation run → package → card → reviews, approvals and registry versions.
 * Schema: `schemas/lineage.schema.json`.
 */

/** The links of the chain, in chain order. */
export const LINEAGE_KINDS = ['data', 'pipeline', 'fit', 'evaluation', 'package', 'card', 'review', 'approval', 'registry'] as const;
export type LineageKind = (typeof LINEAGE_KINDS)[number];

/** One link: found (ok), named but not found (missing), found but not trustworthy (broken), or approved an older version (older). */
export interface LineageNode {
  kind: LineageKind;
  /** A run id, a fingerprint hash, a package path, a file name… */
  id: string;
  label: string;
  status: 'ok' | 'missing' | 'broken' | 'older';
  /** A hash or a short fact (rows, gates passed, who and when). */
  detail?: string;
}

export interface Lineage {
  kind: 'modelbook.lineage';
  version: 1;
  subject: { kind: 'run' | 'package'; ref: string };
  nodes: LineageNode[];
  /** One sentence per missing or broken link, with the fix. */
  gaps: string[];
  /** No gaps. */
  complete: boolean;
}
