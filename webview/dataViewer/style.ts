/** The data viewer's own styles (a <style> element; VS Code theme variables only). */
export const STYLE = `
html, body { height: 100%; }
body { padding: 0; overflow: hidden; }
#root { display: flex; flex-direction: column; height: 100vh; box-sizing: border-box; padding: 8px 12px 6px; gap: 6px; }
.toolbar { display: flex; gap: 8px; align-items: center; flex-wrap: wrap; }
.toolbar vscode-textfield { flex: 1 1 360px; min-width: 200px; }
/* Defined after the first rows are drawn: until then the controls hold their place, blank. */
.toolbar :not(:defined), .gone :not(:defined) { visibility: hidden; min-height: 26px; }
.toolbar .count { color: var(--vscode-descriptionForeground); white-space: nowrap; font-variant-numeric: tabular-nums; }
.status { min-height: 1.3em; color: var(--vscode-descriptionForeground); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
.status.error { color: var(--vscode-errorForeground); }
.status:empty { display: none; }
.main { flex: 1 1 auto; display: flex; min-height: 0; gap: 8px; }
.gone { flex: 1; display: flex; flex-direction: column; align-items: flex-start; gap: 10px; padding: 16px; border: 1px solid var(--vscode-editorWidget-border, #8884); }
.gone[hidden], .stats-pane[hidden], .main[hidden] { display: none; }
.scroller { flex: 1 1 auto; overflow: auto; position: relative; border: 1px solid var(--vscode-editorWidget-border, #8884); outline: none; }
.scroller:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.sizer { position: relative; }
.canvas { position: sticky; top: 0; left: 0; overflow: hidden; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size, 13px); }
.head { position: absolute; top: 0; left: 0; right: 0; z-index: 2; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); font-family: var(--vscode-font-family); }
.hcell { position: absolute; top: 0; bottom: 0; box-sizing: border-box; padding: 3px 8px; cursor: pointer; user-select: none; border-right: 1px solid var(--vscode-editorWidget-border, #8883); display: grid; grid-template-columns: 1fr auto; grid-template-rows: auto auto; }
.hcell:hover { background: var(--vscode-list-hoverBackground); }
.hcell.chosen { background: var(--vscode-list-inactiveSelectionBackground); }
.hcell .name { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.hcell .type { grid-column: 1 / 3; color: var(--vscode-descriptionForeground); font-size: 0.85em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.hcell.num .name, .hcell.num .type { text-align: right; }
.hcell .arrow { color: var(--vscode-textLink-foreground); padding-left: 4px; font-size: 0.85em; }
.hcell .arrow:empty { display: none; }
.rn { position: absolute; left: 0; top: 0; bottom: 0; box-sizing: border-box; padding: 0 8px; text-align: right; color: var(--vscode-editorLineNumber-foreground, var(--vscode-descriptionForeground)); background: var(--vscode-editor-background); border-right: 1px solid var(--vscode-editorWidget-border, #8884); z-index: 1; cursor: pointer; font-variant-numeric: tabular-nums; line-height: 22px; }
.head .rn { z-index: 3; }
.row { position: absolute; left: 0; right: 0; top: 0; height: 22px; contain: strict; border-bottom: 1px solid var(--vscode-editorWidget-border, #8882); }
.row.odd { background: color-mix(in srgb, var(--vscode-foreground) 4%, transparent); }
.row.odd .rn { background: var(--vscode-editor-background); }
.cell { position: absolute; top: 0; bottom: 0; box-sizing: border-box; contain: strict; padding: 0 8px; line-height: 22px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; cursor: cell; }
.cell.num { text-align: right; font-variant-numeric: tabular-nums; }
.cell.missing { color: var(--vscode-descriptionForeground); font-style: italic; }
.cell.sel { background: var(--vscode-editor-selectionBackground); }
.cell.focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
.loading { color: var(--vscode-descriptionForeground); }
.stats-pane { flex: 0 0 260px; overflow: auto; border: 1px solid var(--vscode-editorWidget-border, #8884); padding: 0 10px 10px; }
.stats-pane h3 { margin: 10px 0 2px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.stats-pane h4 { margin: 12px 0 4px; font-weight: 600; }
.stats-pane table.stats { width: 100%; margin-top: 8px; }
.stats-pane table.stats th { font-weight: normal; color: var(--vscode-descriptionForeground); padding-left: 0; }
.stats-pane table.stats td { padding-right: 0; max-width: 150px; overflow: hidden; text-overflow: ellipsis; }
ol.top { list-style: none; margin: 0; padding: 0; }
ol.top li { position: relative; display: flex; justify-content: space-between; gap: 8px; padding: 2px 4px; }
ol.top .bar { position: absolute; left: 0; top: 1px; bottom: 1px; background: var(--vscode-editor-selectionBackground); opacity: 0.5; z-index: 0; }
ol.top .v, ol.top .n { position: relative; z-index: 1; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
ol.top .n { font-variant-numeric: tabular-nums; color: var(--vscode-descriptionForeground); }
`;
