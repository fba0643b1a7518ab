import { readPath } from '../../src/core/runs/filter/readPath';
import { cellText, esc } from './html';
import type { PanelContext } from './layout';
import { nextSort, toggleSelected } from './state';

const ROW_H = 24;
const OVERSCAN = 8;

export interface TableEvents {
  /** The user sorted by a column (`state.ui.sort` is set). */
  sorted(): void;
  /** The user changed the selection (`state.ui.selected` is set). */
  selected(): void;
}

export interface Table {
  /** The shown columns changed: new grid template and header. */
  columnsChanged(): void;
  /** The rows changed: new height, and the visible window drawn again. */
  rowsChanged(): void;
  /** Draws the rows in view (only when the window moved, unless `force`). */
  renderWindow(force?: boolean): void;
}

/**
 * The virtually scrolled runs table: a sortable header, only the rows in view in the DOM, a
 * selection checkbox and an "open cell" link per run; reports the rows it drew to the host.
 */
export function createTable(ctx: PanelContext, on: TableEvents): Table {
  const { state, el } = ctx;
  const { viewport, header, spacer } = el;
  let lastWindow = '';
  let reportTimer: ReturnType<typeof setTimeout> | undefined;
  let scrollFrame = 0;

  function renderHeader(): void {
    const [first] = state.ui.sort;
    const sortKey = first?.replace(/^-/, '');
    const arrow = (key: string) => (key === sortKey ? (first!.startsWith('-') ? ' ▼' : ' ▲') : '');
    header.innerHTML =
      `<div class="hcell" role="columnheader" title="select runs to compare">✓</div>` +
      state.paths
        .map(
          (p) =>
            `<div class="hcell${p.kind === 'number' ? ' num' : ''}" role="columnheader" tabindex="0" data-key="${esc(p.key)}" title="${esc(p.key)} — click to sort" aria-sort="${p.key === sortKey ? (first!.startsWith('-') ? 'descending' : 'ascending') : 'none'}">${esc(p.label)}${arrow(p.key)}</div>`,
        )
        .join('') +
      `<div class="hcell" role="columnheader"></div>`;
  }

  function renderWindow(force = false): void {
    if (!state.loaded) return;
    const { items, paths } = state;
    const top = viewport.scrollTop;
    const height = viewport.clientHeight || 400;
    const first = Math.max(0, Math.floor(top / ROW_H) - OVERSCAN);
    const last = Math.min(items.length, Math.ceil((top + height) / ROW_H) + OVERSCAN);
    const key = `${first}:${last}`;
    if (!force && key === lastWindow) return;
    lastWindow = key;
    const selected = new Set(state.ui.selected);
    const html: string[] = [];
    for (let i = first; i < last; i++) {
      const item = items[i];
      if ('group' in item) {
        html.push(`<div class="row group" role="row" style="top:${i * ROW_H}px">${esc(item.group)} <span class="muted">(${item.count})</span></div>`);
        continue;
      }
      const r = item.run;
      const cells = paths.map((p) => {
        const v = readPath(r, p.segments);
        const cls = `cell${p.kind === 'number' ? ' num' : ''}${p.key === 'name' ? ' name' : ''}${p.key === 'status' ? ` s-${esc(String(v))}` : ''}`;
        const text = cellText(v, p.kind);
        return `<div class="${cls}" role="gridcell" title="${esc(text)}">${esc(text)}</div>`;
      });
      const on = selected.has(r.id);
      html.push(
        `<div class="row${on ? ' selected' : ''}${r.parentId ? ' child' : ''}" role="row" aria-selected="${on}" data-id="${esc(r.id)}" style="top:${i * ROW_H}px">` +
          `<div class="cell sel"><input type="checkbox" data-action="select" aria-label="select ${esc(r.name)}"${on ? ' checked' : ''}></div>${cells.join('')}` +
          `<div class="cell">${r.cellId && r.notebook ? `<a class="action" data-action="open-cell" title="Open the cell that made this run">open cell</a>` : ''}</div></div>`,
      );
    }
    spacer.innerHTML = html.join('');
    reportRendered();
  }

  function reportRendered(): void {
    if (reportTimer) clearTimeout(reportTimer);
    reportTimer = setTimeout(() => {
      const rowIds = [...spacer.querySelectorAll<HTMLElement>('.row[data-id]')].map((e) => e.dataset.id!);
      ctx.post('rendered', { rowIds, matched: state.shown.length, total: state.runs.size });
    }, 30);
  }

  viewport.addEventListener('scroll', () => {
    if (scrollFrame) return;
    scrollFrame = requestAnimationFrame(() => {
      scrollFrame = 0;
      renderWindow();
    });
  });
  new ResizeObserver(() => renderWindow()).observe(viewport);

  header.addEventListener('click', (e) => {
    const key = (e.target as HTMLElement).closest<HTMLElement>('.hcell')?.dataset.key;
    if (!key) return;
    state.ui.sort = [nextSort(state.ui.sort[0], key, state.paths.find((p) => p.key === key)?.kind)];
    ctx.save();
    const active = header.ownerDocument.activeElement;
    const hadFocus = active?.closest('#header') !== null && active !== null;
    renderHeader();
    if (hadFocus) header.querySelector<HTMLElement>(`.hcell[data-key="${CSS.escape(key)}"]`)?.focus();
    on.sorted();
  });

  header.addEventListener('keydown', (e) => {
    if ((e.key === 'Enter' || e.key === ' ') && (e.target as HTMLElement).dataset.key) {
      e.preventDefault();
      (e.target as HTMLElement).click();
    }
  });

  spacer.addEventListener('click', (e) => {
    const target = e.target as HTMLElement;
    const id = target.closest<HTMLElement>('.row[data-id]')?.dataset.id;
    if (!id) return;
    if (target.dataset.action === 'open-cell') {
      ctx.post('openCell', { id });
      return;
    }
    if (target.dataset.action === 'select' || e.ctrlKey || e.metaKey || target.classList.contains('sel')) toggleSelected(state.ui, id);
    else state.ui.selected = [id];
    on.selected();
  });

  return {
    columnsChanged() {
      const template = ['28px', ...state.paths.map((p) => (p.key === 'name' ? '220px' : p.key === 'notebook' ? '200px' : p.kind === 'date' ? 'calc(19ch + 20px)' : '110px')), '90px'].join(' ');
      viewport.style.setProperty('--cols', template);
      renderHeader();
    },
    rowsChanged() {
      spacer.style.height = `${state.items.length * ROW_H}px`;
      renderWindow(true);
    },
    renderWindow,
  };
}
