import { message } from '../core/messages';
import { formatBytes } from '../core/text/number';
import { installPinnedNode, NodeInstallError } from '../store/kernelNode/install';
import { cliCacheDir, installedPinnedNode, pinnedNodeFor } from '../store/kernelNode/pinned';
import type { InstallNodeArgs, RunArgs } from './args';

interface Io {
  out: (text: string) => void;
  err: (text: string) => void;
}

/**
 * `modelbook install-node`: installs the pinned Node into the CLI cache (cliCacheDir), printing
 * progress on stderr and the executable on stdout. Exit code 0 when it is installed (or already
 * was), 1 when the download or the check failed, 2 where the registry has no build for this platform.
 */
export async function installNodeCommand(args: InstallNodeArgs, io: Io, tty = Boolean(process.stderr.isTTY)): Promise<number> {
  const pin = pinnedNodeFor();
  if (!pin) {
    io.err(`${message.nodeInstallUnsupported(process.platform, process.arch)}\n`);
    return 2;
  }
  let shown = -1;
  const progress = (n: number, total: number) => {
    const tenth = Math.floor((10 * n) / total);
    if (!tty && tenth === shown) return;
    shown = tenth;
    io.err(`${tty ? '\r' : ''}${pin.pkg}@${pin.version}: ${formatBytes(n, { binary: true })} / ${formatBytes(total, { binary: true })}${tty ? '' : '\n'}`);
  };
  try {
    const bin = await installPinnedNode({ dir: cliCacheDir(), onProgress: progress, ...(args.registry ? { registry: args.registry } : {}) });
    if (tty && shown >= 0) io.err('\n');
    io.out(`${message.cliInstallNodeDone(pin.version, bin)}\n`);
    return 0;
  } catch (e) {
    if (!(e instanceof NodeInstallError)) throw e;
    if (tty && shown >= 0) io.err('\n');
    io.err(`${message.nodeInstallFailed(e.message)}\n`);
    return 1;
  }
}

/** `modelbook run` on the installed pinned Node when no `--node` is given. */
export function withInstalledNode(args: RunArgs): RunArgs {
  if (args.nodePath) return args;
  const pinned = installedPinnedNode(cliCacheDir());
  return pinned ? { ...args, nodePath: pinned } : args;
}
