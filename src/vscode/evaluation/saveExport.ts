import * as vscode from 'vscode';
import { writeFileAtomic } from '../../store/atomicWrite';
import type { EvaluationFromWebview, ExportFormat } from '../../protocol/evaluation';
import { message } from '../../core/messages';

const FILTERS: Record<ExportFormat, Record<string, string[]>> = { svg: { 'SVG image': ['svg'] }, png: { 'PNG image': ['png'] }, markdown: { Markdown: ['md'] } };

/** Asks where to save an exported chart or report, then writes it atomically (whole or not at all). */
export async function saveExport(request: EvaluationFromWebview['saveFile']): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({ filters: FILTERS[request.format], ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, request.suggestedName) } : {}) });
  if (!target) return undefined;
  try {
    const bytes = exportBytes(request);
    if (target.scheme === 'file') writeFileAtomic(target.fsPath, bytes);
    else await vscode.workspace.fs.writeFile(target, bytes);
    return target;
  } catch (e) {
    void vscode.window.showErrorMessage(message.evaluationExportFailed(target.toString(true), (e as Error).message));
    return undefined;
  }
}

/** The bytes of an export: SVG and Markdown as UTF-8 text, PNG from its base64 data: URL. */
export function exportBytes(request: EvaluationFromWebview['saveFile']): Uint8Array {
  if (request.format !== 'png') return new TextEncoder().encode(request.content);
  const m = /^data:image\/png;base64,(.*)$/.exec(request.content);
  if (!m) throw new Error('the PNG export is not a base64 data: URL');
  return Buffer.from(m[1], 'base64');
}
