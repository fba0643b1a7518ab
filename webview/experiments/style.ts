/** The panel's own styles (added as a <style> element; VS Code theme variables only). */
export const STYLE = `
#root { display: flex; flex-direction: column; gap: 6px; padding-top: 8px; }
.toolbar vscode-textfield#filter { flex: 1 1 320px; min-width: 200px; }
#filter-error { color: var(--vscode-errorForeground); font-family: var(--vscode-editor-font-family); white-space: pre; font-size: 12px; }
#filter-error:empty { display: none; }
.summary { color: var(--vscode-descriptionForeground); }
.notice.error { color: var(--vscode-errorForeground); }
#history-bar[hidden], #history-none[hidden], #model-diff[hidden] { display: none; }
/* As tall as its rows, up to 55vh: a few runs leave no empty box pushing the comparison down. */
.viewport { position: relative; max-height: 55vh; min-height: 80px; overflow: auto; border: 1px solid var(--vscode-editorWidget-border, #8884); }
.hrow, .row { display: grid; grid-template-columns: var(--cols); align-items: center; min-width: max-content; }
.hrow { position: sticky; top: 0; z-index: 2; background: var(--vscode-editor-background); border-bottom: 1px solid var(--vscode-editorWidget-border, #8884); font-weight: 600; height: 26px; }
.hcell { padding: 0 8px; cursor: pointer; user-select: none; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.hcell:hover { background: var(--vscode-list-hoverBackground); }
.hcell.num { text-align: right; }
.spacer { position: relative; }
.row { position: absolute; left: 0; right: 0; height: 24px; border-bottom: 1px solid var(--vscode-editorWidget-border, #8882); }
.row:hover { background: var(--vscode-list-hoverBackground); }
.row.selected { background: var(--vscode-list-inactiveSelectionBackground); }
.row.group { font-weight: 600; background: var(--vscode-sideBarSectionHeader-background, transparent); grid-template-columns: 1fr; padding-left: 8px; }
.cell { padding: 0 8px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.cell.num { text-align: right; font-variant-numeric: tabular-nums; }
.cell.sel { padding: 0 4px; text-align: center; }
.s-finished { color: var(--vscode-testing-iconPassed, #388a34); }
.s-failed { color: var(--vscode-testing-iconFailed, #e51400); }
.s-interrupted { color: var(--vscode-editorWarning-foreground, #bf8803); }
.s-running { color: var(--vscode-progressBar-background, #0e70c0); }
.row.child .cell.name { padding-left: 22px; }
a.action { color: var(--vscode-textLink-foreground); cursor: pointer; text-decoration: none; }
a.action:hover { text-decoration: underline; }
details > summary { cursor: pointer; margin: 4px 0; }
.columns-list { display: flex; flex-wrap: wrap; gap: 4px 14px; max-height: 160px; overflow: auto; padding: 4px 0; }
table.grid tr.differs td { background: var(--vscode-diffEditor-insertedTextBackground, rgba(155,185,85,.2)); }
table.grid td.best { font-weight: 700; }
table.grid th.section { padding-top: 10px; }
.delta { color: var(--vscode-descriptionForeground); font-size: 11px; margin-left: 4px; }
.chart-box { min-height: 60px; }
#history-chart:empty { min-height: 0; }
/* Charts with width 'container' measure their box: a flex or grid item must grow, never shrink to its (empty) content. */
#charts .charts > .chart-box { flex: 1 1 380px; min-width: 0; }
`;
