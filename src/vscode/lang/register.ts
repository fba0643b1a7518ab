/**
 * The notebook language service in VS Code: a worker thread (dist/langWorker.js) that type-checks
 * each open Modelbook notebook as one program, its diagnostics on the cells (setting
 * `modelbook.typeCheck.diagnostics`), and the providers over it. VS Code's own TypeScript, which sees
 * each cell alone, leaves these cells to it (our tsserver plugin, src/tsplugin).
 */
import * as vscode from 'vscode';
import { LangWorkerClient } from '../../store/lang/workerClient';
import type { KernelRegistry } from '../kernels';
import { NotebookLangSync } from './sync';
import { registerLangProviders } from './providers';

const SETTING = 'modelbook.typeCheck.diagnostics';

/** The language service's client, for tests and benchmarks. */
export interface LangApi {
  client: LangWorkerClient;
}

function diagnosticsOn(): boolean {
  return vscode.workspace.getConfiguration().get<unknown>(SETTING, true) !== false;
}

/** Tells tsserver's modelbook plugin (src/tsplugin) whether this service shows diagnostics (if not, tsserver's syntax errors show). */
async function configureTsPlugin(): Promise<void> {
  const ext = vscode.extensions.getExtension<{ getAPI?(version: 0): { configurePlugin(id: string, config: unknown): void } | undefined }>('vscode.typescript-language-features');
  if (!ext) return;
  const api = (await ext.activate())?.getAPI?.(0);
  api?.configurePlugin('modelbook-ts-plugin', { diagnostics: diagnosticsOn() });
}

export function registerNotebookLanguage(extensionUri: vscode.Uri, kernels: KernelRegistry): { disposables: vscode.Disposable[]; api: LangApi } {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist').fsPath;
  const roots = (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.fsPath);
  const client = new LangWorkerClient(dist, { typesRoot: vscode.Uri.joinPath(extensionUri, 'dist', 'types').fsPath, roots });
  const collection = vscode.languages.createDiagnosticCollection('modelbook-types');
  const sync = new NotebookLangSync(client, collection, diagnosticsOn);
  // Without the built-in TypeScript extension there is nothing to configure; the service still answers.
  configureTsPlugin().catch(() => undefined);
  const settings = vscode.workspace.onDidChangeConfiguration((e) => {
    if (!e.affectsConfiguration(SETTING)) return;
    sync.recheck();
    configureTsPlugin().catch(() => undefined);
  });
  return {
    disposables: [collection, sync, settings, registerLangProviders(sync, kernels), { dispose: () => void client.close() }],
    api: { client },
  };
}
