/**
 * The lineage graph as inline SVG, built with DOM calls (no markup strings): a box per link with
 * its kind, status, short id, label and detail, the fix in red in a missing link's dashed box,
 * and the edges as curves. Colours are VS Code's theme variables (media/panel.css).
 */
import type { LineageGraph, LineageGraphNode } from '../../src/core/lineage/contract';

const SVG = 'http://www.w3.org/2000/svg';
const MARK = { ok: '✓ ok', missing: '✗ missing', broken: '✗ broken', older: '~ older' } as const;
const KIND = {
  data: 'data',
  pipeline: 'pipeline',
  fit: 'training run',
  evaluation: 'evaluation run',
  package: 'package',
  card: 'card',
  review: 'review',
  approval: 'approval',
  registry: 'registry',
} as const;

function el<K extends keyof SVGElementTagNameMap>(doc: Document, name: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const e = doc.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text !== undefined) e.textContent = text;
  return e;
}

/** The `<svg>` of a laid-out graph; `openRun` is called with the run id of a clicked (or Enter-pressed) run box. */
export function drawLineageGraph(doc: Document, graph: LineageGraph, openRun: (runId: string) => void): SVGSVGElement {
  const svg = el(doc, 'svg', { class: 'lineage-graph', width: graph.width, height: graph.height, viewBox: `0 0 ${graph.width} ${graph.height}`, role: 'group', 'aria-label': 'Lineage graph' });
  const defs = el(doc, 'defs', {});
  for (const [id, cls] of [
    ['lineage-arrow', 'arrow-head'],
    ['lineage-arrow-dashed', 'arrow-head dashed'],
  ]) {
    const marker = el(doc, 'marker', { id, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' });
    marker.append(el(doc, 'path', { d: 'M 0 0 L 10 5 L 0 10 z', class: cls }));
    defs.append(marker);
  }
  svg.append(defs);
  const edges = el(doc, 'g', { class: 'edges' });
  for (const e of graph.edges)
    edges.append(el(doc, 'path', { d: e.path, class: e.dashed ? 'edge dashed' : 'edge', 'data-from': e.from, 'data-to': e.to, 'marker-end': `url(#lineage-arrow${e.dashed ? '-dashed' : ''})` }));
  svg.append(edges);
  for (const n of graph.nodes) svg.append(drawNode(doc, n, openRun));
  return svg;
}

function drawNode(doc: Document, n: LineageGraphNode, openRun: (runId: string) => void): SVGGElement {
  const g = el(doc, 'g', { class: `node status-${n.status}${n.runId ? ' run' : ''}`, transform: `translate(${n.x} ${n.y})`, 'data-key': n.key, 'data-kind': n.kind, 'data-status': n.status });
  g.append(el(doc, 'title', {}, [`${KIND[n.kind]} ${n.id}`.trim(), n.label, n.detail, ...n.fix].filter(Boolean).join('\n')));
  g.append(el(doc, 'rect', { class: 'box', width: n.width, height: n.height, rx: 5 }));
  g.append(el(doc, 'rect', { class: 'stripe', width: 4, height: n.height - 2, x: 1, y: 1, rx: 2 }));
  const left = 12;
  g.append(el(doc, 'text', { class: 'kind', x: left, y: 17 }, KIND[n.kind].toUpperCase()));
  g.append(el(doc, 'text', { class: 'status', x: n.width - 8, y: 17, 'text-anchor': 'end' }, MARK[n.status]));
  g.append(el(doc, 'text', { class: 'id', x: left, y: 33 }, n.shortId || '—'));
  g.append(el(doc, 'text', { class: 'label', x: left, y: 48 }, n.label));
  if (n.detail) g.append(el(doc, 'text', { class: 'detail', x: left, y: 62 }, n.detail));
  const fixTop = n.detail ? 62 : 48;
  n.fixLines.forEach((line, i) => g.append(el(doc, 'text', { class: 'fix', x: left, y: fixTop + 14 * (i + 1) }, line)));
  if (n.runId) {
    const runId = n.runId;
    g.setAttribute('role', 'button');
    g.setAttribute('tabindex', '0');
    g.setAttribute('aria-label', `Open ${KIND[n.kind]} ${runId}`);
    g.setAttribute('data-run', runId);
    g.addEventListener('click', () => openRun(runId));
    g.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      openRun(runId);
    });
  }
  return g;
}

/**
 * Once the graph is in the document (text can be measured only there): a line wider than its box
 * is condensed to fit (the fix, whose every word matters) or cut with an ellipsis (the rest, shown
 * whole in the box's tooltip); the kind gives way to the status beside it.
 */
export function fitGraphText(svg: SVGSVGElement): void {
  for (const g of svg.querySelectorAll<SVGGElement>('g.node')) {
    const box = g.querySelector('rect.box');
    const status = g.querySelector<SVGTextElement>('text.status');
    if (!box || !status) continue;
    const inner = Number(box.getAttribute('width')) - 12 - 8;
    for (const t of g.querySelectorAll<SVGTextElement>('text.fix')) condense(t, inner);
    for (const t of g.querySelectorAll<SVGTextElement>('text.id, text.label, text.detail')) cutToFit(t, inner);
    const kind = g.querySelector<SVGTextElement>('text.kind');
    if (kind) condense(kind, inner - status.getComputedTextLength() - 6);
  }
}

function condense(t: SVGTextElement, width: number): void {
  if (t.getComputedTextLength() <= width) return;
  t.setAttribute('textLength', String(width));
  t.setAttribute('lengthAdjust', 'spacingAndGlyphs');
}

function cutToFit(t: SVGTextElement, width: number): void {
  const text = t.textContent ?? '';
  let n = text.length;
  while (n > 1 && t.getComputedTextLength() > width) t.textContent = `${text.slice(0, --n)}…`;
}
