import * as vscode from 'vscode';
import { KernelSession, type SessionState } from '../kernel/host/session';
import { message } from '../core/messages';
import { kernelOptions } from './config';
import { UntitledRuns } from './untitledRuns';

/** Owns one kernel session per open notebook; ends it when the notebook closes. */
export class KernelRegistry implements vscode.Disposable {
  private readonly sessions = new Map<string, KernelSession>();
  private readonly changed = new vscode.EventEmitter<{ notebook: vscode.NotebookDocument; state: SessionState }>();
  readonly onDidChangeState = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly untitledRuns: UntitledRuns;
  /** Runs recorded in an untitled notebook were given the path it was saved as. */
  readonly onDidAdoptRuns: vscode.Event<{ workspaceDir: string; notebook: string; ids: string[] }>;

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly log: vscode.LogOutputChannel,
    /** Where Modelbook installs its pinned kernel Node (global storage). */
    private readonly runtimeDir?: string,
  ) {
    this.untitledRuns = new UntitledRuns(log);
    this.onDidAdoptRuns = this.untitledRuns.onDidAdopt;
    this.subscriptions.push(
      vscode.workspace.onDidCloseNotebookDocument((nb) => this.dispose1(nb)),
      vscode.workspace.onDidOpenNotebookDocument((nb) => this.untitledRuns.opened(nb)),
      this.untitledRuns,
    );
  }

  get(notebook: vscode.NotebookDocument): KernelSession | undefined {
    return this.sessions.get(notebook.uri.toString());
  }

  /** The notebook's session, made if needed; throws in an untrusted workspace (a session starts processes and runs git). */
  getOrCreate(notebook: vscode.NotebookDocument): KernelSession {
    if (!vscode.workspace.isTrusted) throw new Error(message.untrustedWorkspace);
    const key = notebook.uri.toString();
    let session = this.sessions.get(key);
    if (!session) {
      const name = vscode.workspace.asRelativePath(notebook.uri);
      const options = kernelOptions(notebook, this.extensionUri, (line) => this.log.info(`${name}: ${line}`));
      session = new KernelSession({ ...options, ...(this.runtimeDir ? { runtimeDir: this.runtimeDir } : {}) });
      session.onDidChangeState((state) => this.changed.fire({ notebook, state }));
      this.untitledRuns.track(notebook, session, options.workspaceDir);
      this.sessions.set(key, session);
    }
    return session;
  }

  private dispose1(notebook: vscode.NotebookDocument): void {
    const key = notebook.uri.toString();
    this.untitledRuns.closed(notebook);
    this.sessions.get(key)?.dispose();
    this.sessions.delete(key);
  }

  dispose(): void {
    for (const s of this.sessions.values()) s.dispose();
    this.sessions.clear();
    this.changed.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
