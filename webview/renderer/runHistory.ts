/**
 * The inline run history in VS Code: the same table as its text/html, plus a button that asks the
 * extension (renderer messaging) to open the Experiments panel on this notebook's runs.
 */
import { runHistoryHtml, type RunHistoryView } from '../../src/core/runs/inlineHistory';
import { hostPoster, type RendererChannel } from './messaging';

export function renderRunHistory(view: RunHistoryView, element: HTMLElement, channel: RendererChannel): void {
  element.innerHTML = runHistoryHtml(view);
  const post = hostPoster(channel);
  if (!post || view.rows.length === 0) return;
  const button = document.createElement('button');
  button.className = 'modelbook-open-experiments';
  button.textContent = 'Compare in the Experiments panel';
  button.title = view.notebook ? `Open the Experiments panel filtered to ${view.notebook}` : 'Open the Experiments panel';
  button.style.cssText = 'margin:4px 6px;padding:2px 10px;border:none;border-radius:2px;cursor:pointer;color:var(--vscode-button-foreground);background:var(--vscode-button-background);font:inherit';
  button.addEventListener('click', () => post('openExperiments', { ...(view.notebook !== undefined ? { notebook: view.notebook } : {}), runIds: view.rows.slice(0, 2).map((r) => r.id) }));
  element.appendChild(button);
}
