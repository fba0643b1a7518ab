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
}

export const DEFAULT_SANDBOX: SandboxSettings = {
  enabled: true,
  allowRead: [],
  allowWrite: [],
  allowChildProcess: false,
  allowWorkers: false,
  allowNativeAddons: false,
};

export interface SandboxPlan {
  /** Node flags for the kernel process. */
  flags: string[];
  /** Whether the permission model is on; when false, `why` says why. */
  on: boolean;
  why?: string;
}

/**
 * Node flags that confine a kernel: reads of the workspace and of Modelbook's own bundles, writes
 * inside the workspace, and nothing else unless a setting allows it. Relative extra paths are
 * taken from the workspace.
 */
export function planSandbox(runtime: NodeRuntime, settings: SandboxSettings, workspaceDir: string, distDir: string): SandboxPlan {
  if (!settings.enabled) return { flags: [], on: false, why: message.sandboxDisabledBySetting };
  if (!runtime.permissionFlag) return { flags: [], on: false, why: message.sandboxNoPermissionModel(runtime.path, runtime.version) };
  const abs = (p: string) => path.resolve(workspaceDir, p);
  const reads = unique([workspaceDir, distDir, ...settings.allowRead.map(abs), ...settings.allowWrite.map(abs)]);
  const writes = unique([workspaceDir, ...settings.allowWrite.map(abs)]);
  const flags = [runtime.permissionFlag, ...reads.map((p) => `--allow-fs-read=${p}`), ...writes.map((p) => `--allow-fs-write=${p}`)];
  if (settings.allowChildProcess) flags.push('--allow-child-process');
  if (settings.allowWorkers) flags.push('--allow-worker');
  if (settings.allowNativeAddons && runtime.flags.has('--allow-addons')) flags.push('--allow-addons');
  return { flags, on: true };
}

function unique(paths: string[]): string[] {
  return [...new Set(paths.map((p) => path.resolve(p)))];
}
