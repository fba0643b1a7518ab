/** One request of the language worker's protocol, answered by a NotebookLanguageService. */
import type { LangRequest, LangResponse } from '../../protocol/lang';
import type { NotebookLanguageService } from './languageService';

/**
 * The answer to `m` (throws what the service throws: an unknown notebook or cell).
 *
 * @example
 * answerLangRequest(service, { requestId: 3, method: 'diagnostics', params: { notebook: uri } }) // { requestId: 3, method: 'diagnostics', result: [...] }
 */
export function answerLangRequest(service: NotebookLanguageService, m: LangRequest): LangResponse {
  const { requestId } = m;
  switch (m.method) {
    case 'update':
      service.update(m.params.notebook, m.params.cells);
      return { requestId, method: m.method, result: null };
    case 'close':
      service.close(m.params.notebook);
      return { requestId, method: m.method, result: null };
    case 'diagnostics':
      return { requestId, method: m.method, result: service.diagnostics(m.params.notebook) };
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
