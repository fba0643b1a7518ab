/**
 * The language worker (dist/langWorker.js): a worker thread the extension host owns, holding one
 * NotebookLanguageService per open notebook, so type checking never blocks the host. It answers
 * the requests of src/protocol/lang.ts one at a time, checks every request, reads only below the
 * folders it was started with (confine.ts) and writes nothing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import ts from 'typescript';
import type { LangRequest, LangResponse } from '../../protocol/lang';
import { NotebookLanguageService } from './languageService';
import { confineSystem, insideRoots } from './confine';
import { isLangRequest, isLangWorkerData } from './workerGuards';
import { answerLangRequest, LangNotebooks } from './answer';

if (parentPort && isLangWorkerData(workerData)) {
  const port = parentPort;
  const { typesRoot, roots } = workerData;
  const allowed = [typesRoot, path.dirname(ts.getDefaultLibFilePath({})), ...roots];
  // A notebook outside the workspace folders may still import from its own folder.
  const notebookDirs = new Set<string>();
  const inside = insideRoots(allowed);
  let insideNotebooks = insideRoots([]);
  confineSystem(ts.sys, (f) => inside(f) || insideNotebooks(f));
  const notebooks = new LangNotebooks(new NotebookLanguageService({ typesRoot, fallbackDir: roots[0] ?? typesRoot }));
  port.on('message', (m: unknown) => {
    if (!isLangRequest(m)) {
      const requestId = typeof (m as { requestId?: unknown })?.requestId === 'number' ? (m as { requestId: number }).requestId : -1;
      port.postMessage({ requestId, error: 'internal: malformed request to the language worker' } satisfies LangResponse);
      return;
    }
    if (m.method === 'update' && m.params.notebook.startsWith('file:')) {
      const dir = path.dirname(fileURLToPath(m.params.notebook));
      if (!notebookDirs.has(dir)) insideNotebooks = insideRoots([...notebookDirs.add(dir)]);
    }
    port.postMessage(respond(notebooks, m));
  });
}

function respond(notebooks: LangNotebooks, m: LangRequest): LangResponse {
  try {
    return answerLangRequest(notebooks, m);
  } catch (e) {
    return { requestId: m.requestId, error: String((e as Error)?.message ?? e) };
  }
}
