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
  /** The link each gap is about (`gapKinds[i]` for `gaps[i]`), so a graph can draw the gap where the link belongs. */
  gapKinds?: LineageKind[];
  /** No gaps. */
  complete: boolean;
}

/** One box of the lineage graph, placed (pixels, top-left origin), with its text already cut to fit. */
export interface LineageGraphNode {
  /** Unique within the graph (`n<index>` for a lineage node, `gap-<kind>` for a link drawn only because it is missing). */
  key: string;
  kind: LineageKind;
  status: LineageNode['status'];
  /** The full id (a run id, a hash, a path); empty for a link that was never named. */
  id: string;
  /** The id as shown: hashes and run ids cut to their ends. */
  shortId: string;
  label: string;
  detail?: string;
  /** The sentences saying how to mend this link (missing or broken links only). */
  fix: string[];
  /** The fix, wrapped into lines that fit the box. */
  fixLines: string[];
  /** The run to open when the box is clicked (fit, pipeline and evaluation links that were found). */
  runId?: string;
  /** The layer, left to right (data 0 … card 5, reviews / approvals / registry 6). */
  column: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LineageGraphEdge {
  from: string;
  to: string;
  /** An SVG path (a horizontal cubic from the right edge of `from` to the left edge of `to`). */
  path: string;
  /** Drawn dashed: one end is missing or broken. */
  dashed: boolean;
}

/** The lineage laid out as a left-to-right layered graph (what the Lineage panel draws as SVG). */
export interface LineageGraph {
  width: number;
  height: number;
  nodes: LineageGraphNode[];
  edges: LineageGraphEdge[];
}
