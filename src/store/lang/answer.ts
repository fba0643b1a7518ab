/** One request of the language worker's protocol, answered by a NotebookLanguageService. */
import type { LangCell, LangRequest, LangResponse } from '../../protocol/lang';
import type { NotebookLanguageService } from './languageService';
import { langMessage } from './messages';

/**
 * The worker's copy of each notebook's cells and the version it has, so the host can send only
 * the cells it edited and an out-of-order update is refused rather than applied over a newer one.
 */
export class LangNotebooks {
  private readonly notebooks = new Map<string, { version: number; cells: LangCell[] }>();

  constructor(readonly service: NotebookLanguageService) {}

  /** All of a notebook's cells, at `version`. */
  update(notebook: string, version: number, cells: LangCell[]): void {
    this.newer(notebook, version);
    this.notebooks.set(notebook, { version, cells });
    this.service.update(notebook, cells);
  }

  /** New text for some cells of a notebook the worker has, at `version`. */
  edit(notebook: string, version: number, edits: LangCell[]): void {
    const known = this.notebooks.get(notebook);
    if (!known) throw new RangeError(langMessage.unknownNotebook(notebook));
    this.newer(notebook, version);
    const text = new Map(edits.map((c) => [c.id, c.source]));
    const ids = new Set(known.cells.map((c) => c.id));
    for (const id of text.keys()) if (!ids.has(id)) throw new RangeError(langMessage.unknownCell(id));
    const cells = known.cells.map((c) => (text.has(c.id) ? { id: c.id, source: text.get(c.id)! } : c));
    this.notebooks.set(notebook, { version, cells });
    this.service.update(notebook, cells);
  }

  close(notebook: string): void {
    this.notebooks.delete(notebook);
    this.service.close(notebook);
  }

  private newer(notebook: string, version: number): void {
    const have = this.notebooks.get(notebook)?.version;
    if (have !== undefined && version <= have) throw new RangeError(`internal: out-of-order update of ${notebook}: version ${version} after ${have}`);
  }
}

/**
 * The answer to `m` (throws what the service throws: an unknown notebook or cell, an out-of-order update).
 *
 * @example
 * answerLangRequest(notebooks, { requestId: 3, method: 'diagnostics', params: { notebook: uri } }) // { requestId: 3, method: 'diagnostics', result: [...] }
 */
export function answerLangRequest(notebooks: LangNotebooks, m: LangRequest): LangResponse {
  const { requestId } = m;
  const { service } = notebooks;
  switch (m.method) {
    case 'update':
      notebooks.update(m.params.notebook, m.params.version, m.params.cells);
      return { requestId, method: m.method, result: null };
    case 'edit':
      notebooks.edit(m.params.notebook, m.params.version, m.params.cells);
      return { requestId, method: m.method, result: null };
    case 'close':
      notebooks.close(m.params.notebook);
      return { requestId, method: m.method, result: null };
    case 'diagnostics': {
      const { notebook, cellIds } = m.params;
      return { requestId, method: m.method, result: cellIds ? service.diagnosticsFor(notebook, cellIds) : service.diagnostics(notebook) };
    }
    case 'completions': {
      const { notebook, cellId, line, character } = m.params;
      return { requestId, method: m.method, result: service.completions(notebook, cellId, line, character) };
    }
    case 'quickInfo': {
      const { notebook, cellId, line, character } = m.params;
      return { requestId, method: m.method, result: service.quickInfo(notebook, cellId, line, character) ?? null };
    }
    case 'signatureHelp': {
      const { notebook, cellId, line, character } = m.params;
      return { requestId, method: m.method, result: service.signatureHelp(notebook, cellId, line, character) ?? null };
    }
    case 'definition': {
      const { notebook, cellId, line, character } = m.params;
      return { requestId, method: m.method, result: service.definition(notebook, cellId, line, character) };
    }
  }
}
