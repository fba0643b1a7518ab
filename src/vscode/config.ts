import * as vscode from 'vscode';
import os from 'node:os';
import path from 'node:path';
import type { KernelSessionOptions } from '../kernel/host/session';
import type { SandboxSettings } from '../kernel/host/sandbox';
import { DEFAULT_MAX_OUTPUT_BYTES } from '../core/notebook/outputLimit';

/** The settings under `modelbook.*` that shape a kernel session, read for one notebook's scope. */
export function kernelOptions(notebook: vscode.NotebookDocument, extensionUri: vscode.Uri, log: (line: string) => void): KernelSessionOptions {
  const config = vscode.workspace.getConfiguration('modelbook', notebook.uri);
  const folder = vscode.workspace.getWorkspaceFolder(notebook.uri) ?? vscode.workspace.workspaceFolders?.[0];
  const workspaceDir = folder?.uri.scheme === 'file' ? folder.uri.fsPath : path.join(os.tmpdir(), 'modelbook-untitled');
  const notebookDir = notebook.uri.scheme === 'file' ? path.dirname(notebook.uri.fsPath) : workspaceDir;
  const sandbox: SandboxSettings = {
    enabled: config.get<boolean>('sandbox.enabled', true),
    allowRead: config.get<string[]>('sandbox.allowRead', []),
    allowWrite: config.get<string[]>('sandbox.allowWrite', []),
    allowChildProcess: config.get<boolean>('sandbox.allowChildProcess', false),
    allowWorkers: config.get<boolean>('sandbox.allowWorkers', false),
    allowNativeAddons: config.get<boolean>('sandbox.allowNativeAddons', false),
    allowNetwork: config.get<boolean>('sandbox.allowNetwork', false),
  };
  const env = config.get<Record<string, unknown>>('kernel.env', {});
  const nodePath = config.get<string>('kernel.nodePath', '').trim();
  return {
    notebookDir,
    workspaceDir,
    distDir: vscode.Uri.joinPath(extensionUri, 'dist').fsPath,
    memoryLimitMb: config.get<number>('kernel.memoryLimitMb', 4096),
    maxOutputBytes: config.get<number>('output.maxBytes', DEFAULT_MAX_OUTPUT_BYTES),
    ...(notebook.uri.scheme === 'file' ? { notebookPath: notebook.uri.fsPath } : {}),
    sandbox,
    env: Object.fromEntries(Object.entries(env ?? {}).filter((e): e is [string, string] => typeof e[1] === 'string')),
    log,
    ...(nodePath ? { nodePath } : {}),
  };
}
