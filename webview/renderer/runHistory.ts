/**
 * The inline run history in VS Code: the same table as its text/html, plus a button that asks the
 * extension (renderer messaging) to open the Experiments panel on this notebook's runs.
 */
import type { RendererContext } from 'vscode-notebook-renderer';
import { runHistoryHtml, type RunHistoryView } from '../../src/core/runs/inlineHistory';

export function renderRunHistory(view: RunHistoryView, element: HTMLElement, ctx: RendererContext<unknown>): void {
  element.innerHTML = runHistoryHtml(view);
  if (!ctx.postMessage || view.rows.length === 0) return;
  const button = document.createElement('button');
  button.className = 'modelbook-open-experiments';
  button.textContent = 'Compare in the Experiments panel';
  button.title = view.notebook ? `Open the Experiments panel filtered to ${view.notebook}` : 'Open the Experiments panel';
  button.style.cssText = 'margin:4px 6px;padding:2px 10px;border:none;border-radius:2px;cursor:pointer;color:var(--vscode-button-foreground);background:var(--vscode-button-background);font:inherit';
  const postMessage = ctx.postMessage.bind(ctx);
  button.addEventListener('click', () => postMessage({ type: 'openExperiments', ...(view.notebook !== undefined ? { notebook: view.notebook } : {}), runIds: view.rows.slice(0, 2).map((r) => r.id) }));
  element.appendChild(button);
}
