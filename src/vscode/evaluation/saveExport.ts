import * as vscode from 'vscode';
import { exportBytes, writeExport } from '../../store/exportFile';
import type { EvaluationFromWebview, ExportFormat } from '../../protocol/evaluation';
import { message } from '../../core/messages';

const FILTERS: Record<ExportFormat, Record<string, string[]>> = { svg: { 'SVG image': ['svg'] }, png: { 'PNG image': ['png'] }, markdown: { Markdown: ['md'] } };

/** Asks where to save an exported chart or report, then writes it atomically (whole or not at all). */
export async function saveExport(request: EvaluationFromWebview['saveFile']): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({ filters: FILTERS[request.format], ...(folder ? { defaultUri: vscode.Uri.joinPath(folder, request.suggestedName) } : {}) });
  if (!target) return undefined;
  try {
    if (target.scheme === 'file') writeExport(target.fsPath, request);
    else await vscode.workspace.fs.writeFile(target, exportBytes(request));
    return target;
  } catch (e) {
    void vscode.window.showErrorMessage(message.evaluationExportFailed(target.toString(true), (e as Error).message));
    return undefined;
  }
}
