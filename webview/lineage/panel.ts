/**
 * The Lineage panel for one lineage: a header (subject, complete or how many links are missing),
 * the graph core's `layoutLineage` placed, drawn as inline SVG, and the missing links with their
 * fixes as a list. A run's box is a button that opens the run.
 */
import type { Lineage } from '../../src/core/lineage/contract';
import { layoutLineage } from '../../src/core/lineage/layout';
import type { RenderedLineage } from '../../src/protocol/lineage';
import { h } from '../shared/evaluationParts';
import { drawLineageGraph, fitGraphText } from './graph';

/** Draws the panel into `root` (replacing what was there) and says what it drew. */
export function renderLineagePanel(root: HTMLElement, lineage: Lineage, openRun: (runId: string) => void): RenderedLineage {
  const doc = root.ownerDocument;
  const graph = layoutLineage(lineage);
  const gaps = lineage.gaps.length;
  const header = h(
    doc,
    'header',
    {},
    h(doc, 'h1', {}, `Lineage of ${lineage.subject.kind === 'run' ? 'run' : 'package'} ${lineage.subject.ref}`),
    h(
      doc,
      'p',
      { class: `summary ${gaps ? 'fail' : 'pass'}` },
      gaps ? `✗ ${gaps} missing link${gaps === 1 ? '' : 's'}: dashed red boxes say how to mend each` : '✓ Complete: every link traced from the records',
    ),
    h(doc, 'p', { class: 'muted' }, 'Data → pipeline → training run → evaluation run → package → card → reviews, approvals, registry. Click a run to open it.'),
  );
  const svg = drawLineageGraph(doc, graph, openRun);
  const scroller = h(doc, 'div', { class: 'lineage-scroll', tabindex: '0', 'aria-label': 'Lineage graph, scrolls sideways' });
  scroller.append(svg);
  // VS Code's webview scrollbars show only on hover: say so when the chain runs past the panel's edge.
  const more = h(doc, 'p', { class: 'muted scroll-hint', hidden: '' }, 'The chain goes on to the right: scroll sideways (Shift + wheel) to see the rest →');
  const parts: HTMLElement[] = [header, more, scroller];
  if (gaps)
    parts.push(
      h(doc, 'section', { class: 'gaps', 'aria-labelledby': 'gaps-title' }, h(doc, 'h2', { id: 'gaps-title' }, 'Missing links'), h(doc, 'ul', {}, ...lineage.gaps.map((g) => h(doc, 'li', {}, g)))),
    );
  root.replaceChildren(h(doc, 'div', { class: 'modelbook-lineage panel' }, ...parts));
  fitGraphText(svg);
  const overflowing = () => (more.hidden = scroller.scrollWidth <= scroller.clientWidth);
  overflowing();
  doc.defaultView?.addEventListener('resize', overflowing);
  return {
    subject: lineage.subject.ref,
    nodes: graph.nodes.map((n) => `${n.kind}:${n.status}`),
    edges: graph.edges.length,
    dashedEdges: graph.edges.filter((e) => e.dashed).length,
  };
}
