/** Draws Vega-Lite specs into chart boxes; a later draw into a box wins even if an earlier one finishes last. */
export type DrawChart = (box: HTMLElement, spec: Record<string, unknown> | undefined) => Promise<void>;

export function createChartDrawer(): DrawChart {
  const finalizers = new Map<HTMLElement, () => void>();
  const drawing = new Map<HTMLElement, number>();
  return async (box, spec) => {
    const generation = (drawing.get(box) ?? 0) + 1;
    drawing.set(box, generation);
    finalizers.get(box)?.();
    finalizers.delete(box);
    if (!spec) {
      box.innerHTML = '';
      return;
    }
    // Each draw renders into its own element (attached, so 'container' widths measure), and the
    // older charts go once it is done; a draw overtaken by a newer one removes itself.
    const el = box.appendChild(box.ownerDocument.createElement('div'));
    try {
      const { renderVegaLite } = await import('../renderer/vegaLite');
      if (drawing.get(box) !== generation) return el.remove();
      const result = await renderVegaLite(spec, el);
      if (drawing.get(box) !== generation) {
        result.finalize();
        return el.remove();
      }
      for (const old of [...box.children]) if (old !== el) old.remove();
      finalizers.set(box, () => result.finalize());
    } catch (e) {
      if (drawing.get(box) === generation) box.textContent = `Could not draw the chart: ${(e as Error).message}`;
    }
  };
}
