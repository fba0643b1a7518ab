import fs from 'node:fs';
import path from 'node:path';
import { trustedPathEntries } from '../../store/findExecutable';
import { installedPinnedNode } from '../../store/kernelNode/pinned';
import { findNodeRuntime } from './nodeRuntime';

/** The first Node major whose permission model refuses the network (without `--allow-net`). */
export const NETWORK_NODE_MAJOR = 25;

export interface KernelNodeChoice {
  /** `modelbook.kernel.nodePath` / `--node`: always wins. */
  nodePath?: string | undefined;
  /** Where Modelbook installs its pinned Node (global storage, the CLI cache). */
  runtimeDir?: string | undefined;
  /** A `node` on PATH inside it is never taken: a cell could have written it. */
  workspaceDir: string;
}

/**
 * The Node executable for a kernel: the configured one, else the pinned Node installed under
 * `runtimeDir`, else a Node ≥ 25 on PATH (absolute entries outside the workspace only), else
 * undefined — the default runtime (see findNodeRuntime). Checked at every kernel start, so an
 * install is picked up by the next one.
 */
export function chooseKernelNode(choice: KernelNodeChoice): string | undefined {
  if (choice.nodePath) return choice.nodePath;
  const pinned = choice.runtimeDir ? installedPinnedNode(choice.runtimeDir) : undefined;
  return pinned ?? findNewNodeOnPath(choice.workspaceDir);
}

/**
 * A `node` of major version ≥ 25 on PATH, skipping relative entries and entries inside
 * `workspaceDir`; the probe of each candidate is cached by findNodeRuntime.
 *
 * @example
 * findNewNodeOnPath('/home/me/project', '/usr/local/bin:/usr/bin') // '/usr/local/bin/node' when it is Node 26
 */
export function findNewNodeOnPath(workspaceDir: string, searchPath = process.env.PATH ?? ''): string | undefined {
  const exe = process.platform === 'win32' ? 'node.exe' : 'node';
  const self = realpathOr(process.execPath);
  for (const dir of trustedPathEntries([workspaceDir], searchPath)) {
    const file = path.join(dir, exe);
    if (!isExecutable(file)) continue;
    // This process's own Node needs no probe (each probe starts a Node: ≈40 ms, far more under load).
    if (realpathOr(file) === self) {
      if (majorOf(process.version) >= NETWORK_NODE_MAJOR) return file;
      continue;
    }
    try {
      if (majorOf(findNodeRuntime(file).version) >= NETWORK_NODE_MAJOR) return file;
    } catch {
      // not a working Node: try the next entry
    }
  }
  return undefined;
}

function realpathOr(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

/** `v26.10.0` → 26. */
export function majorOf(version: string): number {
  return Number(/^v?(\d+)/.exec(version)?.[1] ?? 0);
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
