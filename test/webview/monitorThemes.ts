/**
 * VS Code's Light+ and Dark+ theme variables that the monitoring and model card views read, set on the body as
 * VS Code sets them on a webview, so the Chromium tests and screenshots see real colours.
 */
const LIGHT = {
  foreground: '#616161',
  'editor-foreground': '#3b3b3b',
  'editor-background': '#ffffff',
  descriptionForeground: '#717171',
  errorForeground: '#a1260d',
  'editorWarning-foreground': '#bf8803',
  'testing-iconPassed': '#388a34',
  'editorWidget-border': '#c8c8c8',
  'button-background': '#005fb8',
  'button-foreground': '#ffffff',
  'list-inactiveSelectionBackground': '#e4e6f1',
  'list-hoverBackground': '#f2f2f2',
  focusBorder: '#005fb8',
  'charts-blue': '#1a85ff',
  'charts-red': '#e51400',
  'textLink-foreground': '#005fb8',
};
const DARK = {
  foreground: '#cccccc',
  'editor-foreground': '#cccccc',
  'editor-background': '#1f1f1f',
  descriptionForeground: '#9d9d9d',
  errorForeground: '#f85149',
  'editorWarning-foreground': '#cca700',
  'testing-iconPassed': '#73c991',
  'editorWidget-border': '#454545',
  'button-background': '#0078d4',
  'button-foreground': '#ffffff',
  'list-inactiveSelectionBackground': '#37373d',
  'list-hoverBackground': '#2a2d2e',
  focusBorder: '#0078d4',
  'charts-blue': '#3794ff',
  'charts-red': '#f14c4c',
  'textLink-foreground': '#4daafc',
};

const vars = (theme: Record<string, string>) =>
  Object.entries(theme)
    .map(([k, v]) => `--vscode-${k}: ${v};`)
    .join(' ');

/** A style sheet with both themes, keyed on VS Code's body classes. */
export const THEME_CSS = `body.vscode-light { ${vars(LIGHT)} background: ${LIGHT['editor-background']}; }
body.vscode-dark { ${vars(DARK)} background: ${DARK['editor-background']}; }
body { --vscode-font-family: system-ui, sans-serif; --vscode-font-size: 13px; }`;

export const DARK_FOREGROUND = DARK['editor-foreground'];
