import { esc } from './html';
import type { PanelContext } from './layout';

/** The column picker: a checkbox per column the runs offer; a change sets `state.ui.columns`. */
export function createColumnPicker(ctx: PanelContext, changed: () => void): { render(): void } {
  const { state, el } = ctx;
  el.columnsList.addEventListener('change', (e) => {
    const box = e.target as HTMLElement & { checked: boolean };
    const key = box.dataset.key;
    if (!key) return;
    const keys = state.paths.map((p) => p.key);
    state.ui.columns = box.checked ? [...keys, key] : keys.filter((k) => k !== key);
    ctx.save();
    changed();
  });
  return {
    render() {
      const on = new Set(state.paths.map((p) => p.key));
      el.columnsList.innerHTML = state.allColumns.map((c) => `<vscode-checkbox data-key="${esc(c.key)}" label="${esc(c.key)}"${on.has(c.key) ? ' checked' : ''}></vscode-checkbox>`).join('');
    },
  };
}
