import * as vscode from 'vscode';
import { MAX_PAGE_ROWS } from '../../core/kernel/variables';
import { csvLine } from '../../core/text/csv';
import { dataViewerMessage } from '../../core/dataViewer/messages';
import type { TableQuery } from '../../protocol/dataViewer';
import type { KernelSession } from '../../kernel/host/session';
import { writeFileAtomicStream } from '../../store/atomicWrite';

/** Progress of an export: rows written so far of the total. */
type Progress = (written: number, total: number) => void;

/**
 * The CSV of the whole value at `path` viewed through `query`, page by page from the kernel (a
 * header line, then one chunk per page), so a million rows never sit in the host's memory at once.
 * Throws when the kernel refuses a page, when the row count changes under it (a cell ran), or when
 * `token` is cancelled.
 */
export async function* csvChunks(session: KernelSession, path: string[], query: TableQuery, token: vscode.CancellationToken, progress: Progress): AsyncGenerator<string> {
  let total: number | undefined;
  for (let offset = 0; total === undefined || offset < total; offset += MAX_PAGE_ROWS) {
    if (token.isCancellationRequested) throw new vscode.CancellationError();
    const { page, error } = await session.tablePage({ path, offset, limit: MAX_PAGE_ROWS, sort: query.sort, ...(query.filter ? { filter: query.filter } : {}) });
    if (!page) throw new Error(error ?? dataViewerMessage.tableChanged);
    if (total === undefined) {
      total = page.totalRows;
      yield csvLine(page.columns.map((c) => c.name)) + '\n';
    } else if (page.totalRows !== total) throw new Error(dataViewerMessage.tableChanged);
    if (page.rows.length === 0) break;
    yield page.rows.map((r) => csvLine(r)).join('\n') + '\n';
    progress(Math.min(total, offset + page.rows.length), total);
  }
}

/**
 * Asks where to save, then writes the CSV there: atomically through a temp file for a local file
 * (a cancelled or failed export leaves nothing behind), through VS Code's file system otherwise.
 * Resolves with the sentence to show, or undefined when the user closed the dialog.
 */
export async function exportCsv(session: KernelSession, path: string[], query: TableQuery): Promise<{ text: string; kind: 'info' | 'error' } | undefined> {
  const variable = path.join('.');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: dataViewerMessage.exportTitle,
    filters: { CSV: ['csv'] },
    ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, `${variable.replace(/[^\w.-]+/g, '_')}.csv`) } : {}),
  });
  if (!target) return undefined;
  let rows = 0;
  try {
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: dataViewerMessage.exporting(variable), cancellable: true }, async (report, token) => {
      let shown = 0;
      const chunks = csvChunks(session, path, query, token, (written, total) => {
        rows = written;
        const share = total ? (written / total) * 100 : 100;
        report.report({ increment: share - shown });
        shown = share;
      });
      if (target.scheme === 'file') await writeFileAtomicStream(target.fsPath, chunks);
      else {
        let text = '';
        for await (const chunk of chunks) text += chunk;
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(text));
      }
    });
  } catch (e) {
    if (e instanceof vscode.CancellationError) return { text: dataViewerMessage.exportCancelled, kind: 'info' };
    return { text: dataViewerMessage.exportFailed((e as Error).message), kind: 'error' };
  }
  return { text: dataViewerMessage.exported(rows, vscode.workspace.asRelativePath(target)), kind: 'info' };
}
