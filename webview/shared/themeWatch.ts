/**
 * Calls back when VS Code changes the theme under a live webview: it swaps the body's
 * `vscode-light` / `vscode-dark` / `vscode-high-contrast` classes (and `data-vscode-theme-*`) and
 * rewrites the `--vscode-*` variables in the root element's style attribute, without a reload.
 * Several mutations of one switch are coalesced into one call on the next animation frame.
 *
 * @example
 * const stop = watchTheme(document, () => redrawCharts());
 */
export function watchTheme(doc: Document, onChange: () => void): () => void {
  const win = doc.defaultView;
  let pending = false;
  const observer = new (win?.MutationObserver ?? MutationObserver)(() => {
    if (pending) return;
    pending = true;
    const run = () => {
      pending = false;
      onChange();
    };
    if (win) win.requestAnimationFrame(run);
    else setTimeout(run, 0);
  });
  const filter = ['class', 'style', 'data-vscode-theme-kind', 'data-vscode-theme-id', 'data-vscode-theme-name'];
  observer.observe(doc.documentElement, { attributes: true, attributeFilter: filter });
  if (doc.body) observer.observe(doc.body, { attributes: true, attributeFilter: filter });
  return () => observer.disconnect();
}
