import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import v8 from 'node:v8';
import nodeModule, { syncBuiltinESMExports } from 'node:module';
import { message } from '../../core/messages';

/** Folders cells may write (the workspace and allowWrite), for the guards below and for explaining refusals. */
let writable: string[] = [];
let readable: string[] = [];

/**
 * Refusals for what Node's permission model does not cover, installed in a sandboxed kernel before
 * any cell runs. On Linux the launcher's Landlock and seccomp refuse the same things below Node
 * (these guards then only give the clearer message); on macOS and Windows these guards are all
 * there is. Cells share this realm, so nothing here keeps a reference a cell could reach.
 */
export function installGuards(opts: { writable: string[]; readable: string[] }): void {
  writable = opts.writable.map((p) => path.resolve(p));
  readable = [...writable, ...opts.readable.map((p) => path.resolve(p))];
  const refuse = (text: string) => () => {
    throw Object.assign(new Error(text), { code: 'ERR_ACCESS_DENIED' });
  };
  // V8 flags can write files anywhere (--redirect-code-traces-to, --trace-turbo-path) and turn on
  // --allow-natives-syntax, whose intrinsics can corrupt memory.
  define(v8, 'setFlagsFromString', refuse(message.deniedV8Flags));
  const writeHeapSnapshot = v8.writeHeapSnapshot.bind(v8);
  define(v8, 'writeHeapSnapshot', (file?: string, ...rest: unknown[]) => {
    if (file !== undefined) assertWritable(String(file));
    return (writeHeapSnapshot as (...a: unknown[]) => string)(file, ...rest);
  });
  guardReport();
  guardNewerNodeFacilities(refuse);
  const kill = process.kill.bind(process);
  define(process, 'kill', (pid: number, signal?: string | number) => {
    if (!isSelf(pid)) throw Object.assign(new Error(message.deniedSignal(pid)), { code: 'EPERM', syscall: 'kill' });
    return kill(pid, signal);
  });
  const setPriority = os.setPriority.bind(os) as (a: number, b?: number) => void;
  define(os, 'setPriority', (a: number, b?: number) => {
    if (b !== undefined && !isSelf(a)) throw Object.assign(new Error(message.deniedSignal(a)), { code: 'EPERM', syscall: 'setpriority' });
    return b === undefined ? setPriority(a) : setPriority(a, b);
  });
  syncBuiltinESMExports();
}

/** Facilities of newer Node versions that read, write or execute outside what the permission model checks. */
function guardNewerNodeFacilities(refuse: (text: string) => () => never): void {
  const p = process as unknown as Record<string, unknown> & { permission?: { has(scope: string): boolean } };
  // process.execve (Node ≥ 23.11) replaces the kernel with another program.
  if (typeof p.execve === 'function' && p.permission && !p.permission.has('child')) define(process, 'execve', refuse(message.deniedChildProcess));
  // module.enableCompileCache(dir) (Node ≥ 22.1) writes a cache folder, by default in the system's temp folder.
  const mod = nodeModule as unknown as Record<string, unknown>;
  const enableCompileCache = mod.enableCompileCache;
  if (typeof enableCompileCache === 'function') {
    define(mod, 'enableCompileCache', (dir?: string) => {
      if (typeof dir !== 'string') throw Object.assign(new Error(message.deniedWrite('the default compile cache folder (pass a folder inside the workspace)')), { code: 'ERR_ACCESS_DENIED' });
      assertWritable(path.join(dir, 'cache'));
      return (enableCompileCache as (d: string) => unknown)(dir);
    });
  }
  const loadEnvFile = p.loadEnvFile;
  if (typeof loadEnvFile === 'function') {
    define(process, 'loadEnvFile', (file = '.env') => {
      const abs = path.resolve(String(file));
      if (!within(abs, readable)) throw Object.assign(new Error(message.deniedRead(abs)), { code: 'ERR_ACCESS_DENIED', permission: 'FileSystemRead', resource: abs });
      return (loadEnvFile as (f: string) => unknown).call(process, file);
    });
  }
}

function isSelf(pid: number): boolean {
  const n = Number(pid);
  return n === process.pid || n === 0 || n === -process.pid;
}

/** process.report writes a JSON file wherever its `directory` or `filename` point. */
function guardReport(): void {
  const report = process.report;
  if (!report) return;
  const guarded: Record<string, unknown> = {
    getReport: (err?: Error) => report.getReport(err),
    writeReport: (fileOrError?: string | Error, err?: Error) => {
      if (typeof fileOrError === 'string' && fileOrError !== 'stdout' && fileOrError !== 'stderr') assertWritable(path.resolve(report.directory || process.cwd(), fileOrError));
      return report.writeReport(fileOrError as string, err);
    },
  };
  // Where reports go is checked; the other settings pass through.
  const checks: Record<string, (v: unknown) => void> = {
    directory: (dir) => dir && assertWritable(path.join(String(dir), 'report.json')),
    filename: (name) => name && name !== 'stdout' && name !== 'stderr' && assertWritable(path.resolve(report.directory || process.cwd(), String(name))),
  };
  const r = report as unknown as Record<string, unknown>;
  for (const key of ['directory', 'filename', 'compact', 'signal', 'reportOnFatalError', 'reportOnSignal', 'reportOnUncaughtException', 'excludeNetwork', 'excludeEnv']) {
    if (!(key in report)) continue;
    Object.defineProperty(guarded, key, {
      get: () => r[key],
      set: (v: unknown) => {
        checks[key]?.(v);
        r[key] = v;
      },
      enumerable: true,
    });
  }
  Object.defineProperty(process, 'report', { value: Object.freeze(guarded), writable: false, configurable: false, enumerable: true });
}

function assertWritable(file: string): void {
  const abs = path.resolve(file);
  if (!within(abs, writable)) throw Object.assign(new Error(message.deniedWrite(abs)), { code: 'ERR_ACCESS_DENIED', permission: 'FileSystemWrite', resource: abs });
}

function within(file: string, roots: string[]): boolean {
  return roots.some((r) => file === r || file.startsWith(r.endsWith(path.sep) ? r : r + path.sep));
}

function define(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: false, configurable: false, enumerable: true });
}

/**
 * Explains a refusal that came from the OS layer (Landlock, seccomp) rather than from Node: an
 * EACCES on a path in the workspace that is a symbolic link to a place outside, a network call,
 * a signal to another process. Undefined when the error is something else.
 */
export function explainOsRefusal(err: { code?: string; syscall?: string; path?: string; info?: { code?: string; syscall?: string } }): string | undefined {
  const code = err.code === 'ERR_SYSTEM_ERROR' ? err.info?.code : err.code;
  const syscall = err.code === 'ERR_SYSTEM_ERROR' ? err.info?.syscall : err.syscall;
  if (writable.length === 0) return undefined; // not sandboxed
  if ((code === 'EACCES' || code === 'EPERM') && syscall && /^(connect|bind|socket|send|sendto|listen|getaddrinfo|queryA|uv_udp|write)/.test(syscall) && !err.path) return message.deniedNetwork;
  if (code === 'EPERM' && syscall && /kill|priority|setpriority/.test(syscall)) return message.deniedSignal();
  if (code !== 'EACCES' || typeof err.path !== 'string') return undefined;
  const abs = path.resolve(err.path);
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch {
    real = realParent(abs);
  }
  if (real !== abs && within(abs, readable) && !within(real, readable)) return message.deniedSymlink(abs, real);
  if (!within(real, readable)) return message.deniedRead(abs);
  if (!within(real, writable)) return message.deniedWrite(abs);
  return undefined;
}

/** The real path of the nearest existing parent, with the rest appended (for a file about to be created). */
function realParent(p: string): string {
  const parent = path.dirname(p);
  if (parent === p) return p;
  try {
    return path.join(fs.realpathSync(parent), path.basename(p));
  } catch {
    return path.join(realParent(parent), path.basename(p));
  }
}
