import path from 'node:path';
import * as vscode from 'vscode';
import { GitRevisions } from '../../store/git/revisions';
import { reviewUiMessage } from './messages';

/** The scheme of files as they were at a commit: `modelbook-git:/abs/path/churn.mlnb?<commit>`. */
export const REVISION_SCHEME = 'modelbook-git';
const OBJECT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The URI of `file` (a `file:` URI inside a workspace folder) as it was at `commit`.
 *
 * @example
 * revisionUri(vscode.Uri.file('/work/churn/churn.mlnb'), '3f2a…') // modelbook-git:/work/churn/churn.mlnb?3f2a…
 */
export function revisionUri(file: vscode.Uri, commit: string): vscode.Uri {
  return vscode.Uri.from({ scheme: REVISION_SCHEME, path: file.path, query: commit });
}

/**
 * Serves files of the workspace's repository as they were at a commit, read-only, through the
 * same private git reader as the model diff (nothing the repository configures runs). Only
 * files inside a workspace folder, only full commit ids: the URI comes from our own panel, but is
 * checked as if it did not.
 */
export class RevisionFileSystem implements vscode.FileSystemProvider {
  private readonly changed = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.changed.event;

  async stat(uri: vscode.Uri): Promise<vscode.FileStat> {
    const bytes = await this.readFile(uri);
    return { type: vscode.FileType.File, ctime: 0, mtime: 0, size: bytes.byteLength, permissions: vscode.FilePermission.Readonly };
  }

  async readFile(uri: vscode.Uri): Promise<Uint8Array> {
    const commit = uri.query;
    const file = vscode.Uri.file(uri.path);
    const folder = vscode.workspace.getWorkspaceFolder(file);
    if (!OBJECT_ID.test(commit) || !folder) throw vscode.FileSystemError.FileNotFound(uri);
    const git = GitRevisions.open(folder.uri.fsPath);
    try {
      const rel = path.relative(git.repo.workTree, file.fsPath).split(path.sep).join('/');
      if (rel.startsWith('..') || path.isAbsolute(rel)) throw vscode.FileSystemError.NoPermissions(reviewUiMessage.notInFolder(file.fsPath));
      const bytes = await git.readFile(commit, rel);
      if (!bytes) throw vscode.FileSystemError.FileNotFound(reviewUiMessage.notInCommit(rel, commit));
      return bytes;
    } finally {
      git.dispose();
    }
  }

  watch(): vscode.Disposable {
    return { dispose: () => undefined };
  }

  readDirectory(): never {
    throw vscode.FileSystemError.NoPermissions();
  }

  createDirectory(): never {
    throw vscode.FileSystemError.NoPermissions();
  }

  writeFile(): never {
    throw vscode.FileSystemError.NoPermissions();
  }

  delete(): never {
    throw vscode.FileSystemError.NoPermissions();
  }

  rename(): never {
    throw vscode.FileSystemError.NoPermissions();
  }
}

/**
 * Registers the read-only `modelbook-git:` file system.
 *
 * @example
 * context.subscriptions.push(registerRevisionFileSystem());
 */
export function registerRevisionFileSystem(): vscode.Disposable {
  return vscode.workspace.registerFileSystemProvider(REVISION_SCHEME, new RevisionFileSystem(), { isReadonly: true, isCaseSensitive: true });
}
