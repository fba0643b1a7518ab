import * as vscode from 'vscode';
import { message } from '../core/messages';
import { formatBytes } from '../core/text/number';
import type { KernelStatus } from '../kernel/host/kernelProcess';
import { majorOf, NETWORK_NODE_MAJOR } from '../kernel/host/kernelNode';
import { installPinnedNode } from '../store/kernelNode/install';
import { installedPinnedNode, pinnedNodeFor } from '../store/kernelNode/pinned';

const NEVER_ASK = 'modelbook.kernelNode.neverAsk';

/**
 * The pinned kernel Node in VS Code: it lives in the extension's global storage, is offered once
 * when a kernel starts on a Node that leaves the network open, and installs with a progress
 * notification (`modelbook.installKernelRuntime`).
 */
export class KernelRuntimeInstaller {
  private offered = false;
  /** Kernel starts already considered (the state turns idle after every cell). */
  private readonly seen = new WeakSet<KernelStatus>();
  private installing: Promise<string | undefined> | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: vscode.LogOutputChannel,
  ) {}

  /** Where installs go; kernels started after an install use it (chooseKernelNode). */
  get dir(): string {
    return this.context.globalStorageUri.fsPath;
  }

  /** Registers the command; call once from activate. */
  register(): vscode.Disposable {
    return vscode.commands.registerCommand('modelbook.installKernelRuntime', () => this.install());
  }

  /**
   * After a kernel started: asks once per window (never again after "Don't ask again") when it
   * runs on Node < 25, no `modelbook.kernel.nodePath` is set, the registry has a build for this
   * platform and none is installed. Never blocks the kernel; silent in an untrusted workspace.
   */
  offerAfterStart(notebook: vscode.NotebookDocument, status: KernelStatus | undefined): void {
    if (this.offered || !status || this.seen.has(status) || !vscode.workspace.isTrusted) return;
    this.seen.add(status);
    // Nothing to offer where the network is already refused (Linux's OS layer) or the sandbox is off.
    if (majorOf(status.runtime.version) >= NETWORK_NODE_MAJOR || status.networkClosed || !status.sandboxOn) return;
    if (vscode.workspace.getConfiguration('modelbook', notebook.uri).get<string>('kernel.nodePath', '').trim()) return;
    const pin = pinnedNodeFor();
    if (!pin || installedPinnedNode(this.dir, pin) || this.context.globalState.get<boolean>(NEVER_ASK)) return;
    this.offered = true;
    void vscode.window
      .showInformationMessage(message.nodeInstallOffer(Math.round(pin.bytes / 2 ** 20), pin.version), message.nodeInstallActionInstall, message.nodeInstallActionNotNow, message.nodeInstallActionNever)
      .then(async (choice) => {
        if (choice === message.nodeInstallActionInstall) await this.install();
        else if (choice === message.nodeInstallActionNever) await this.context.globalState.update(NEVER_ASK, true);
      });
  }

  /** Downloads and installs the pinned Node with a cancellable progress notification; its executable, or undefined. */
  install(): Promise<string | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage(message.nodeInstallUntrusted);
      return Promise.resolve(undefined);
    }
    this.installing ??= this.installWithProgress().finally(() => (this.installing = undefined));
    return this.installing;
  }

  private async installWithProgress(): Promise<string | undefined> {
    const pin = pinnedNodeFor();
    if (!pin) {
      void vscode.window.showWarningMessage(message.nodeInstallUnsupported(process.platform, process.arch));
      return undefined;
    }
    const title = message.nodeInstallProgress(pin.version);
    try {
      const bin = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        let shown = 0;
        return installPinnedNode({
          dir: this.dir,
          signal: abort.signal,
          onProgress: (n, total) => {
            const percent = Math.floor((100 * n) / total);
            if (percent === shown) return;
            progress.report({ increment: percent - shown, message: `${formatBytes(n, { binary: true })} / ${formatBytes(total, { binary: true })}` });
            shown = percent;
          },
        });
      });
      this.log.info(`installed Node ${pin.version} for kernels: ${bin}`);
      void vscode.window.showInformationMessage(message.nodeInstallDone(pin.version, bin));
      return bin;
    } catch (e) {
      this.log.error(`installing the kernel's Node failed: ${(e as Error).message}`);
      void vscode.window.showErrorMessage(message.nodeInstallFailed((e as Error).message));
      return undefined;
    }
  }
}
