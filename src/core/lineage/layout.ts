/**
 * `layoutLineage`: the lineage chain as a layered DAG, left to right — one layer per link kind,
 * each box joined to the boxes of the nearest layer before it that has any, boxes ordered in each
 * layer by the mean position of their parents (the barycentre step of Sugiyama's method) so edges
 * cross as little as a chain allows. A gap whose link has no box gets a dashed box of its own.
 */
import { LINEAGE_KINDS, type Lineage, type LineageGraph, type LineageGraphEdge, type LineageGraphNode, type LineageKind, type LineageNode } from './contract';

/** Sizes in pixels; the defaults fit all seven layers in 1280 pixels. */
export interface LineageLayoutOptions {
  nodeWidth?: number;
  /** Horizontal space between layers (edges run here). */
  gapX?: number;
  /** Vertical space between boxes of one layer. */
  gapY?: number;
  margin?: number;
  /** Characters of a line of text in a box (the panel's 11px font fits 21 in the 136 pixels of text of a default box). */
  lineChars?: number;
}

const DEFAULTS: Required<LineageLayoutOptions> = { nodeWidth: 156, gapX: 20, gapY: 14, margin: 12, lineChars: 21 };
/** Kind row, id row and label row; then the detail row, when there is a detail, and a line per line of fix text. */
const BASE_HEIGHT = 56;
const LINE_HEIGHT = 14;
const MAX_FIX_LINES = 12;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;
const RUN_KINDS: ReadonlySet<LineageKind> = new Set(['pipeline', 'fit', 'evaluation']);

/**
 * The layer of a link kind: data 0, pipeline 1, fit 2, evaluation 3, package 4, card 5, and the
 * reviews, approvals and registry versions together in 6.
 *
 * @example
 * columnOf('evaluation') // 3
 * columnOf('registry') // 6
 */
export function columnOf(kind: LineageKind): number {
  return Math.min(LINEAGE_KINDS.indexOf(kind), 6);
}

/**
 * Places every link of `lineage` (and a dashed box for each gap whose link has none) in layers
 * left to right, with the edges between them and each box's text cut to fit.
 *
 * @example
 * const g = layoutLineage(collectLineage({ kind: 'run', id }, readers));
 * g.nodes.map((n) => n.kind) // ['data', 'pipeline', 'fit', 'evaluation', …]
 * g.edges[0].path // 'M 212 49 C 236 49, 236 49, 260 49'
 */
export function layoutLineage(lineage: Lineage, options: LineageLayoutOptions = {}): LineageGraph {
  const o = { ...DEFAULTS, ...options };
  const nodes = graphNodes(lineage, o.lineChars);
  const layers: LineageGraphNode[][] = [];
  for (const n of nodes) (layers[n.column] ??= []).push(n);
  const filled = layers.filter((l): l is LineageGraphNode[] => l !== undefined);
  const links: [LineageGraphNode, LineageGraphNode][] = [];
  filled.forEach((layer, i) => {
    if (i === 0) return;
    for (const n of layer) for (const p of parentsOf(n, filled[i - 1])) links.push([p, n]);
  });
  orderByBarycentre(filled, links);
  const height = place(filled, o);
  const width = filled.length ? o.margin * 2 + filled.length * o.nodeWidth + (filled.length - 1) * o.gapX : 0;
  const edges: LineageGraphEdge[] = links.map(([a, b]) => ({ from: a.key, to: b.key, path: edgePath(a, b), dashed: broken(a) || broken(b) }));
  return { width, height, nodes: filled.flat(), edges };
}

function graphNodes(lineage: Lineage, lineChars: number): LineageGraphNode[] {
  const fixes = new Map<LineageKind, string[]>();
  lineage.gaps.forEach((text, i) => {
    const kind = lineage.gapKinds?.[i] ?? 'evaluation';
    fixes.set(kind, [...(fixes.get(kind) ?? []), text]);
  });
  const out = lineage.nodes.map((n, i) => {
    // A gap belongs to the first box of its kind that is missing or broken, else to a box of its own.
    const fix = n.status === 'missing' || n.status === 'broken' ? takeFix(fixes, n.kind) : [];
    return box(`n${i}`, n, fix, lineChars);
  });
  for (const [kind, fix] of fixes) if (fix.length) out.push(box(`gap-${kind}`, { kind, id: '', label: 'not traced', status: 'missing' }, fix, lineChars));
  return out;
}

function takeFix(fixes: Map<LineageKind, string[]>, kind: LineageKind): string[] {
  const fix = fixes.get(kind) ?? [];
  fixes.delete(kind);
  return fix;
}

function box(key: string, n: LineageNode, fix: string[], lineChars: number): LineageGraphNode {
  const fixLines = fix.flatMap((f) => wrap(f, lineChars));
  const shown = fixLines.length > MAX_FIX_LINES ? [...fixLines.slice(0, MAX_FIX_LINES - 1), `${fixLines[MAX_FIX_LINES - 1].slice(0, lineChars - 1)}…`] : fixLines;
  const runId = RUN_KINDS.has(n.kind) && n.status !== 'missing' && ULID.test(n.id) ? n.id : undefined;
  return {
    key,
    kind: n.kind,
    status: n.status,
    id: n.id,
    shortId: shortId(n.id, lineChars),
    label: cut(n.label, lineChars),
    ...(n.detail ? { detail: cut(n.detail, lineChars) } : {}),
    fix,
    fixLines: shown,
    ...(runId ? { runId } : {}),
    column: columnOf(n.kind),
    x: 0,
    y: 0,
    width: 0,
    height: BASE_HEIGHT + ((n.detail ? 1 : 0) + shown.length) * LINE_HEIGHT,
  };
}

/** A card hangs under its own package; every other box under each box of the layer before. */
function parentsOf(n: LineageGraphNode, previous: LineageGraphNode[]): LineageGraphNode[] {
  if (n.kind === 'card') {
    const own = previous.filter((p) => p.kind === 'package' && n.id.startsWith(`${p.id}/`));
    if (own.length) return own;
  }
  return previous;
}

/** One left-to-right sweep: each layer sorted by its boxes' mean parent position (stable, so ties keep record order). */
function orderByBarycentre(layers: LineageGraphNode[][], links: [LineageGraphNode, LineageGraphNode][]): void {
  for (let i = 1; i < layers.length; i++) {
    const rank = new Map(layers[i - 1].map((n, k) => [n.key, k]));
    const centre = (n: LineageGraphNode) => {
      const ps = links.filter(([, b]) => b === n).map(([a]) => rank.get(a.key) ?? 0);
      return ps.length ? ps.reduce((s, v) => s + v, 0) / ps.length : 0;
    };
    const centres = new Map(layers[i].map((n) => [n.key, centre(n)]));
    layers[i].sort((a, b) => centres.get(a.key)! - centres.get(b.key)!);
  }
}

/** Sets x, y and width; each layer centred on the tallest. Returns the graph's height. */
function place(layers: LineageGraphNode[][], o: Required<LineageLayoutOptions>): number {
  const heights = layers.map((l) => l.reduce((s, n) => s + n.height, 0) + (l.length - 1) * o.gapY);
  const tallest = Math.max(0, ...heights);
  layers.forEach((layer, i) => {
    let y = o.margin + (tallest - heights[i]) / 2;
    for (const n of layer) {
      n.x = o.margin + i * (o.nodeWidth + o.gapX);
      n.y = y;
      n.width = o.nodeWidth;
      y += n.height + o.gapY;
    }
  });
  return layers.length ? tallest + o.margin * 2 : 0;
}

function edgePath(a: LineageGraphNode, b: LineageGraphNode): string {
  const x1 = a.x + a.width;
  const y1 = a.y + a.height / 2;
  const x2 = b.x;
  const y2 = b.y + b.height / 2;
  const mid = (x1 + x2) / 2;
  return `M ${x1} ${y1} C ${mid} ${y1}, ${mid} ${y2}, ${x2} ${y2}`;
}

const broken = (n: LineageGraphNode) => n.status === 'missing' || n.status === 'broken';

/** Run ids and hashes cut to their ends: '01JD5Z8X…7U8V', 'eec11533da9e'. */
function shortId(id: string, chars: number): string {
  if (ULID.test(id)) return `${id.slice(0, 8)}…${id.slice(-4)}`;
  if (/^[0-9a-f]{16,}$/.test(id)) return id.slice(0, 12);
  return id.length > chars ? `…${id.slice(-(chars - 1))}` : id;
}

function cut(text: string, chars: number): string {
  return text.length > chars ? `${text.slice(0, chars - 1)}…` : text;
}

/** Greedy word wrap; a word longer than a line is split. */
function wrap(text: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let w = word; w;) {
      const room = line ? chars - line.length - 1 : chars;
      if (w.length <= room) {
        line = line ? `${line} ${w}` : w;
        w = '';
      } else if (line) {
        lines.push(line);
        line = '';
      } else {
        lines.push(w.slice(0, chars));
        w = w.slice(chars);
      }
    }
  }
  if (line) lines.push(line);
  return lines;
}
