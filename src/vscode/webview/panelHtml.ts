/**
 * The page a PanelHost serves, without `vscode`: the webview tests serve the same page under the
 * same Content-Security-Policy, built here, instead of keeping a copy that could drift.
 */
import { escapeHtml } from '../../core/text/html';

export interface PanelPage {
  title: string;
  /** The webview's `cspSource` (in tests: `'self'`). */
  cspSource: string;
  /** The URL of the panel's script (`dist/webview/<entry>.js`). */
  script: string;
  /** The URL of `media/panel.css`. */
  style: string;
  nonce: string;
}

/** The policy: scripts only with the nonce or from the webview's own resources, no eval; inline styles (Vega draws them). */
export function panelCsp(cspSource: string, nonce: string): string {
  return ["default-src 'none'", `script-src 'nonce-${nonce}' ${cspSource}`, `style-src ${cspSource} 'unsafe-inline'`, `img-src ${cspSource} data: blob:`, `font-src ${cspSource}`].join('; ');
}

export function panelHtml(page: PanelPage): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${panelCsp(page.cspSource, page.nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${page.style}">
<title>${escapeHtml(page.title)}</title></head>
<body><div id="root"></div><script type="module" nonce="${page.nonce}" src="${page.script}"></script></body></html>`;
}

/** A fresh nonce for each page load (base64 letters and digits). */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}
