import * as vscode from 'vscode';
import { NOTEBOOK_TYPE } from '../core/notebook/contract';
import { message } from '../core/messages';
import type { SessionState } from '../kernel/host/session';
import type { KernelRegistry } from './kernels';

const ICONS: Record<SessionState, string> = {
  stopped: '$(circle-large-outline)',
  starting: '$(loading~spin)',
  idle: '$(circle-large-outline)',
  busy: '$(circle-large-filled)',
  dead: '$(error)',
};

const WORDS: Record<SessionState, string> = {
  stopped: message.statusStopped,
  starting: message.statusStarting,
  idle: message.statusIdle,
  busy: message.statusBusy,
  dead: message.statusDead,
};

/** The status bar item for the active Modelbook notebook's kernel: state and whether the sandbox is on. */
export class KernelStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('modelbook.kernelStatus', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private shown = false;

  constructor(private readonly kernels: KernelRegistry) {
    this.item.name = 'Modelbook Kernel';
    this.item.command = 'modelbook.showKernelLog';
    this.subscriptions.push(
      vscode.window.onDidChangeActiveNotebookEditor(() => this.update()),
      kernels.onDidChangeState(({ notebook }) => {
        if (notebook === vscode.window.activeNotebookEditor?.notebook) this.update();
      }),
    );
    this.update();
  }

  /** The text shown now (for tests and the log). */
  get text(): string {
    return this.item.text;
  }

  update(): void {
    const notebook = vscode.window.activeNotebookEditor?.notebook;
    if (!notebook || notebook.notebookType !== NOTEBOOK_TYPE) {
      this.item.hide();
      this.shown = false;
      return;
    }
    const session = this.kernels.get(notebook);
    const state: SessionState = session?.state ?? 'stopped';
    const status = session?.status;
    const sandbox = status
      ? status.sandboxOn
        ? `$(shield) ${message.statusSandboxOn}${status.networkClosed ? '' : ` ${message.statusNetworkOpenShort}`}`
        : `$(warning) ${message.statusSandboxOff}`
      : '';
    const text = `${ICONS[state]} Kernel ${WORDS[state]}${sandbox ? `  ${sandbox}` : ''}`;
    const lines = [`Modelbook kernel: ${WORDS[state]}`];
    if (status) {
      lines.push(`Node ${status.info.nodeVersion} (${status.runtime.path}), pid ${status.info.pid}`);
      lines.push(`Memory: heap ${status.info.heapLimitMb} MB${status.hardMemoryCap ? ', hard cap on' : ' (no OS-enforced cap on this system)'}`);
      lines.push(status.sandboxOn ? message.statusSandboxDetail(status.osLayer?.landlock ?? 0, status.osLayer?.seccomp ?? false) : message.sandboxOff(status.sandboxWhy ?? 'unknown'));
      if (status.sandboxOn) lines.push(status.networkClosed ? message.statusNetworkClosed : message.statusNetworkOpen);
    }
    if (state === 'dead' && session?.lastExitReason) lines.push(`Last kernel ended: ${session.lastExitReason}`);
    const tooltip = lines.join('\n');
    const warn = !!status && !status.sandboxOn;
    // Each assignment sends the item to the window again: between two cells the state goes idle
    // and back to busy in one tick, and Run All would redraw an unchanged item once per cell.
    if (this.shown && text === this.item.text && tooltip === this.item.tooltip && warn === !!this.item.backgroundColor) return;
    this.item.text = text;
    this.item.tooltip = tooltip;
    this.item.backgroundColor = warn ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    this.item.dispose();
    for (const d of this.subscriptions) d.dispose();
  }
}
