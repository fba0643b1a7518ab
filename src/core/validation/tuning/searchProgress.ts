import { MIME_BUNDLE } from '../../display/mimeBundle';
import { kernelService } from '../../kernel/service';
import { escapeHtml } from '../../text/html';
import { formatNumber } from '../../text/number';

/** Live progress of a search in the running cell's output (nothing outside a kernel). */
export interface SearchProgress {
  update(done: number, total: number, best: { score: number; params: Record<string, unknown> } | undefined, note?: string): void;
}

let counter = 0;

/**
 * A progress line shown with display(…, { id, update: true }) at most every 200 ms (and always
 * for the last trial), so fast trials do not flood the notebook.
 *
 * @example
 * const p = createSearchProgress('gridSearch', 'accuracy', true); p.update(3, 20, best);
 */
export function createSearchProgress(search: string, metric: string, enabled: boolean): SearchProgress {
  const kernel = enabled ? kernelService() : undefined;
  if (!kernel) return { update: () => {} };
  const id = `modelbook-${search}-${++counter}`;
  const started = Date.now();
  let shown = false;
  let last = 0;
  return {
    update(done, total, best, note) {
      const t = Date.now();
      if (shown && done < total && t - last < 200) return;
      last = t;
      const bestText = best ? ` · best ${metric} ${formatNumber(best.score, { fixed: 4 })} with ${JSON.stringify(best.params)}` : '';
      const text = `${search}: ${done}/${total} trials${note ? ` (${note})` : ''}${bestText} · ${((t - started) / 1000).toFixed(1)} s`;
      const pct = total ? Math.round((100 * done) / total) : 100;
      const html = `<div><progress max="100" value="${pct}"></progress> ${escapeHtml(text)}</div>`;
      kernel.display({ [MIME_BUNDLE]: () => ({ 'text/plain': text, 'text/html': html }) }, { id, update: shown });
      shown = true;
    },
  };
}
