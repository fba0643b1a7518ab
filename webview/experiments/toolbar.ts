import { esc } from './html';
import type { PanelContext } from './layout';
import type { UiState } from './state';

export interface Toolbar {
  /** Puts the state's filter and grouping into the controls (after a load or a focus). */
  showChoices(): void;
  /** Shows the filter's error, or clears it. */
  showFilterError(error: string | undefined): void;
  renderSummary(): void;
  renderTags(): void;
  renderProblems(): void;
  showNotice(notice: { text: string; kind: 'info' | 'error' }): void;
}

/** The filter box, tag and group pickers, CSV export, the summary line and the unreadable-files notice. */
export function createToolbar(ctx: PanelContext, requery: (fromTop: boolean) => void): Toolbar {
  const { state, el } = ctx;
  let filterTimer: ReturnType<typeof setTimeout> | undefined;

  el.filter.addEventListener('input', () => {
    if (filterTimer) clearTimeout(filterTimer);
    filterTimer = setTimeout(() => {
      state.ui.filter = el.filter.value;
      ctx.save();
      requery(true);
    }, 120);
  });
  el.tag.addEventListener('change', () => {
    state.ui.tag = el.tag.value;
    ctx.save();
    requery(false);
  });
  el.group.addEventListener('change', () => {
    state.ui.group = el.group.value as UiState['group'];
    ctx.save();
    requery(false);
  });
  el.exportCsv.addEventListener('click', () => ctx.post('exportCsv', { ids: state.shown.map((r) => r.id), columns: state.paths.map((p) => p.key) }));

  return {
    showChoices() {
      el.filter.value = state.ui.filter;
      el.group.value = state.ui.group;
    },
    showFilterError(error) {
      el.filterError.textContent = error ?? '';
      el.filter.invalid = error !== undefined;
    },
    renderSummary() {
      const { shown, runs, ui } = state;
      const count = shown.length === runs.size ? `${runs.size} runs` : `${shown.length} of ${runs.size} runs`;
      el.summary.textContent = `${count}${ui.selected.length ? ` · ${ui.selected.length} selected` : ''} (${state.lastMs} ms)`;
    },
    renderTags() {
      const tags = [...new Set([...state.runs.values()].flatMap((r) => r.tags))].sort();
      const current = state.ui.tag;
      el.tag.innerHTML = `<vscode-option value="">all tags</vscode-option>` + tags.map((t) => `<vscode-option value="${esc(t)}"${t === current ? ' selected' : ''}>${esc(t)}</vscode-option>`).join('');
    },
    renderProblems() {
      const { problems } = state;
      el.problems.innerHTML = problems.length
        ? `<details><summary>${problems.length} file${problems.length === 1 ? ' is' : 's are'} in .modelbook/runs but not readable run records (skipped)</summary><ul>${problems.map((p) => `<li><code>${esc(p.path)}</code>: ${esc(p.reason)}</li>`).join('')}</ul></details>`
        : '';
    },
    showNotice(notice) {
      el.notice.textContent = notice.text;
      el.notice.className = `notice ${notice.kind}`;
    },
  };
}
