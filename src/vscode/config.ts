import * as vscode from 'vscode';
import os from 'node:os';
import path from 'node:path';
import type { KernelSessionOptions } from '../kernel/host/session';
import { DEFAULT_MEMORY_LIMIT_MB } from '../kernel/host/limits';
import { DEFAULT_SANDBOX, type SandboxSettings } from '../kernel/host/sandbox';
import { DEFAULT_MAX_OUTPUT_BYTES } from '../core/notebook/outputLimit';
import { message } from '../core/messages';
import { ignoredWorkspaceValue, isBoolean, isPositive, isString, isStringArray, isStringRecord, userSetting } from './userSetting';

/** The settings under `modelbook.*` that shape a kernel session, read for one notebook's scope. */
export function kernelOptions(notebook: vscode.NotebookDocument, extensionUri: vscode.Uri, log: (line: string) => void): KernelSessionOptions {
  const config = vscode.workspace.getConfiguration('modelbook', notebook.uri);
  const folder = vscode.workspace.getWorkspaceFolder(notebook.uri) ?? vscode.workspace.workspaceFolders?.[0];
  const workspaceDir = folder?.uri.scheme === 'file' ? folder.uri.fsPath : path.join(os.tmpdir(), 'modelbook-untitled');
  const notebookDir = notebook.uri.scheme === 'file' ? path.dirname(notebook.uri.fsPath) : workspaceDir;
  // Security settings come from the user's settings only (see userSetting): a cell can write .vscode/settings.json.
  const user = <T>(key: string, fallback: T, valid: (v: unknown) => v is T): T => {
    const inspected = config.inspect<T>(key);
    if (ignoredWorkspaceValue(inspected)) log(message.workspaceSettingIgnored(`modelbook.${key}`));
    return userSetting(inspected, fallback, valid);
  };
  // The fallbacks are the CLI's defaults; package.json's setting defaults are checked against them by a unit test.
  const sandbox: SandboxSettings = {
    enabled: user('sandbox.enabled', DEFAULT_SANDBOX.enabled, isBoolean),
    allowRead: user('sandbox.allowRead', [...DEFAULT_SANDBOX.allowRead], isStringArray),
    allowWrite: user('sandbox.allowWrite', [...DEFAULT_SANDBOX.allowWrite], isStringArray),
    allowChildProcess: user('sandbox.allowChildProcess', DEFAULT_SANDBOX.allowChildProcess, isBoolean),
    allowWorkers: user('sandbox.allowWorkers', DEFAULT_SANDBOX.allowWorkers, isBoolean),
    allowNativeAddons: user('sandbox.allowNativeAddons', DEFAULT_SANDBOX.allowNativeAddons, isBoolean),
    allowNetwork: user('sandbox.allowNetwork', DEFAULT_SANDBOX.allowNetwork, isBoolean),
  };
  const env = user<Record<string, string>>('kernel.env', {}, isStringRecord);
  const nodePath = user('kernel.nodePath', '', isString).trim();
  return {
    notebookDir,
    workspaceDir,
    distDir: vscode.Uri.joinPath(extensionUri, 'dist').fsPath,
    memoryLimitMb: user('kernel.memoryLimitMb', DEFAULT_MEMORY_LIMIT_MB, isPositive),
    maxOutputBytes: user('output.maxBytes', DEFAULT_MAX_OUTPUT_BYTES, isPositive),
    ...(notebook.uri.scheme === 'file' ? { notebookPath: notebook.uri.fsPath } : {}),
    sandbox,
    env,
    log,
    ...(nodePath ? { nodePath } : {}),
  };
}
