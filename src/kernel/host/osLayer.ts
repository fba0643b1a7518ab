import fs from 'node:fs';
import path from 'node:path';
import type { SandboxSettings } from './sandbox';

/**
 * The OS layer under Node's permission model, on Linux: `dist/confine-linux-<arch>` (built from
 * native/confine/confine.c) applies Landlock, seccomp, PR_SET_PDEATHSIG and RLIMIT_DATA to
 * itself and then executes Node. What the permission model cannot see — symbolic links that
 * already exist, V8 and diagnostic-report writes, signals to other processes, the network on
 * Node < 25 — the Linux kernel refuses.
 */
export interface OsLayerPlan {
  /** The launcher and its arguments, to put before `node …`. */
  prefix: string[];
  /** Whether Landlock and seccomp are asked for (false: only die-with-host and the memory cap). */
  confining: boolean;
}

/** System files a Node process reads to start and run (never written): libraries, OpenSSL's config, time zones, its own /proc. */
const SYSTEM_READ_DIRS = ['/lib', '/lib64', '/usr/lib', '/usr/lib64', '/usr/share/zoneinfo', '/proc/self', '/sys/fs/cgroup'];
const SYSTEM_READ_FILES = ['/etc/ld.so.cache', '/etc/ssl/openssl.cnf', '/usr/lib/ssl/openssl.cnf', '/etc/localtime', '/proc/meminfo', '/proc/stat', '/proc/cpuinfo', '/dev/urandom', '/dev/random'];
/** Name resolution and certificates: only with network access. */
const NETWORK_READ = ['/etc/resolv.conf', '/etc/hosts', '/etc/nsswitch.conf', '/etc/gai.conf', '/etc/host.conf', '/etc/ssl', '/usr/share/ca-certificates', '/etc/pki', '/etc/ca-certificates'];
/** What programs a cell starts need, readable and executable (only with child processes allowed). */
const CHILD_PROCESS_READ = ['/bin', '/sbin', '/usr', '/etc', '/opt'];

/** The launcher for this machine, or undefined where there is none (macOS, Windows, other CPUs). */
export function findLauncher(distDir: string): string | undefined {
  if (process.platform !== 'linux' || (process.arch !== 'x64' && process.arch !== 'arm64')) return undefined;
  const file = path.join(distDir, `confine-linux-${process.arch}`);
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return file;
  } catch {
    // An extension unpacked from a .vsix (a zip) may have lost the executable bit.
    try {
      if (!fs.statSync(file).isFile()) return undefined;
      fs.chmodSync(file, 0o755);
      fs.accessSync(file, fs.constants.X_OK);
      return file;
    } catch {
      return undefined;
    }
  }
}

export interface OsLayerInput {
  launcher: string;
  settings: SandboxSettings;
  /** The Node executable (its real path and folder are readable and executable). */
  nodePath: string;
  workspaceDir: string;
  distDir: string;
  /** RLIMIT_DATA in bytes, or 0 for none. */
  dataBytes: number;
}

/**
 * The launcher's arguments for a kernel or trial worker: the workspace (and allowWrite folders)
 * read-write, Modelbook's dist and allowRead folders and the system files Node needs read-only,
 * TCP only with allowNetwork, signals to this process only (to its own children too when child
 * processes are allowed: Landlock scopes them on Linux ≥ 6.12).
 *
 * @example
 * planOsLayer({ launcher, settings: DEFAULT_SANDBOX, nodePath: process.execPath, workspaceDir, distDir, dataBytes: 4 << 30 }).prefix
 * // ['/…/dist/confine-linux-x64', '--parent', '4242', '--data', '4294967296', '--ro', '/lib', …, '--']
 */
export function planOsLayer(input: OsLayerInput): OsLayerPlan {
  const { settings } = input;
  const args = [input.launcher, '--parent', String(process.pid)];
  if (input.dataBytes > 0) args.push('--data', String(Math.floor(input.dataBytes)));
  if (!settings.enabled) return { prefix: [...args, '--open', '--'], confining: false };
  const abs = (p: string) => path.resolve(input.workspaceDir, p);
  const node = realpath(input.nodePath);
  const readDirs = [...SYSTEM_READ_DIRS, path.dirname(node), input.distDir, ...settings.allowRead.map(abs)];
  const writeDirs = [input.workspaceDir, ...settings.allowWrite.map(abs)];
  // Only Node and its ELF interpreter may be executed: a cell cannot `process.execve` a program, nor one it wrote.
  const execFiles = [node, ...elfInterpreter(node)];
  const execDirs = settings.allowChildProcess ? [...CHILD_PROCESS_READ, ...writeDirs] : [];
  if (settings.allowNetwork) readDirs.push(...NETWORK_READ);
  for (const d of unique(readDirs)) args.push('--ro', d);
  for (const f of unique(SYSTEM_READ_FILES)) args.push('--ro-file', f);
  for (const d of unique(writeDirs)) args.push('--rw', d);
  for (const d of unique(execDirs)) args.push('--rx', d);
  for (const f of unique(execFiles)) args.push('--rx-file', f);
  args.push('--rw', '/dev/null');
  if (settings.allowNetwork) args.push('--net');
  if (!settings.allowChildProcess) args.push('--self-only');
  args.push('--');
  return { prefix: args, confining: true };
}

/** What the launcher reported in the kernel's environment (`MODELBOOK_CONFINE`). */
export interface OsLayerReport {
  /** The Landlock ABI version in force, 0 when the running Linux has none. */
  landlock: number;
  seccomp: boolean;
  dieWithHost: boolean;
}

/**
 * Reads `landlock=7 seccomp=1 pdeathsig=1`.
 *
 * @example
 * parseOsLayerReport('landlock=7 seccomp=1 pdeathsig=1') // { landlock: 7, seccomp: true, dieWithHost: true }
 */
export function parseOsLayerReport(text: string | undefined): OsLayerReport | undefined {
  if (!text) return undefined;
  const fields = new Map(text.split(/\s+/).map((kv) => kv.split('=') as [string, string]));
  const landlock = Number(fields.get('landlock'));
  if (!Number.isInteger(landlock)) return undefined;
  return { landlock, seccomp: fields.get('seccomp') === '1', dieWithHost: fields.get('pdeathsig') === '1' };
}

/** The dynamic loader an ELF executable names (PT_INTERP), which execve opens for execution too. */
function elfInterpreter(file: string): string[] {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(4096);
    fs.readSync(fd, head, 0, head.length, 0);
    if (head.readUInt32BE(0) !== 0x7f454c46 || head[4] !== 2 || head[5] !== 1) return []; // 64-bit little-endian ELF only
    const phoff = Number(head.readBigUInt64LE(0x20));
    const phentsize = head.readUInt16LE(0x36);
    const phnum = head.readUInt16LE(0x38);
    for (let i = 0; i < phnum; i++) {
      const at = phoff + i * phentsize;
      if (at + 0x28 > head.length) break;
      if (head.readUInt32LE(at) !== 3 /* PT_INTERP */) continue;
      const offset = Number(head.readBigUInt64LE(at + 0x08));
      const size = Number(head.readBigUInt64LE(at + 0x20));
      const name = Buffer.alloc(Math.min(size, 4096));
      fs.readSync(fd, name, 0, name.length, offset);
      return [name.toString('utf8').replace(/\0.*$/s, '')];
    }
    return [];
  } catch {
    return [];
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function realpath(p: string): string {
  try {
    return fs.realpathSync(p);
  } catch {
    return p;
  }
}

function unique(paths: string[]): string[] {
  return [...new Set(paths.map((p) => path.resolve(p)))];
}
