/**
 * Vega-Lite config that follows VS Code's theme (light, dark, high contrast) by reading the
 * `--vscode-*` CSS variables VS Code sets on every webview.
 */
export function themeConfig(doc: Document = document): Record<string, unknown> {
  const style = getComputedStyle(doc.body);
  const v = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const fg = v('--vscode-editor-foreground', v('--vscode-foreground', '#333333'));
  const muted = v('--vscode-descriptionForeground', fg);
  const grid = v('--vscode-editorWidget-border', v('--vscode-panel-border', '#dddddd'));
  const font = v('--vscode-font-family', 'sans-serif');
  const highContrast = doc.body.classList.contains('vscode-high-contrast') || doc.body.classList.contains('vscode-high-contrast-light');
  return {
    background: 'transparent',
    font,
    axis: { labelColor: fg, titleColor: fg, domainColor: muted, tickColor: muted, gridColor: grid, gridOpacity: highContrast ? 1 : 0.5 },
    legend: { labelColor: fg, titleColor: fg },
    title: { color: fg, subtitleColor: muted },
    text: { color: fg },
    header: { labelColor: fg, titleColor: fg },
    view: { stroke: highContrast ? fg : 'transparent' },
    style: { 'guide-label': { fill: fg }, 'guide-title': { fill: fg } },
  };
}
