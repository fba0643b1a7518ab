import path from 'node:path';
import type { NodeRuntime } from './nodeRuntime';
import { message } from '../../core/messages';

/** What cells may do, from the VS Code settings `modelbook.sandbox.*` or the CLI flags. */
export interface SandboxSettings {
  enabled: boolean;
  allowRead: string[];
  allowWrite: string[];
  allowChildProcess: boolean;
  allowWorkers: boolean;
  allowNativeAddons: boolean;
  /** TCP/UDP and unix sockets: refused by Landlock + seccomp on Linux, by the permission model on Node ≥ 25. */
  allowNetwork: boolean;
}

export const DEFAULT_SANDBOX: SandboxSettings = {
  enabled: true,
  allowRead: [],
  allowWrite: [],
  allowChildProcess: false,
  allowWorkers: false,
  allowNativeAddons: false,
  allowNetwork: false,
};

export interface SandboxPlan {
  /** Node flags for the kernel process. */
  flags: string[];
  /** Whether the permission model is on; when false, `why` says why. */
  on: boolean;
  why?: string;
  /** Whether this Node's permission model covers the network (Node ≥ 25). */
  networkByNode?: boolean;
  /** Absolute folders cells may write, and read (when on). */
  writable: string[];
  readable: string[];
}

/**
 * Node flags that confine a kernel: reads of the workspace and of Modelbook's own bundles, writes
 * inside the workspace, and nothing else unless a setting allows it. Relative extra paths are
 * taken from the workspace.
 */
export function planSandbox(runtime: NodeRuntime, settings: SandboxSettings, workspaceDir: string, distDir: string): SandboxPlan {
  if (!settings.enabled) return { flags: [], on: false, why: message.sandboxDisabledBySetting, writable: [], readable: [] };
  if (!runtime.permissionFlag) return { flags: [], on: false, why: message.sandboxNoPermissionModel(runtime.path, runtime.version), writable: [], readable: [] };
  const abs = (p: string) => path.resolve(workspaceDir, p);
  const reads = unique([workspaceDir, distDir, ...settings.allowRead.map(abs), ...settings.allowWrite.map(abs)]);
  const writes = unique([workspaceDir, ...settings.allowWrite.map(abs)]);
  const flags = [runtime.permissionFlag, ...reads.map((p) => `--allow-fs-read=${p}`), ...writes.map((p) => `--allow-fs-write=${p}`)];
  if (settings.allowChildProcess) flags.push('--allow-child-process');
  if (settings.allowWorkers) flags.push('--allow-worker');
  if (settings.allowNativeAddons && runtime.flags.has('--allow-addons')) flags.push('--allow-addons');
  // Node ≥ 25 refuses the network under --permission unless told otherwise.
  if (settings.allowNetwork && runtime.flags.has('--allow-net')) flags.push('--allow-net');
  return { flags, on: true, networkByNode: runtime.flags.has('--allow-net'), writable: writes, readable: reads };
}

function unique(paths: string[]): string[] {
  return [...new Set(paths.map((p) => path.resolve(p)))];
}
