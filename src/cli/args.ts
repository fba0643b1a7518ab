import { message } from '../core/messages';
import { DEFAULT_MEMORY_LIMIT_MB } from '../kernel/host/limits';
import { DEFAULT_SANDBOX, type SandboxSettings } from '../kernel/host/sandbox';

export interface RunArgs {
  command: 'run';
  notebook: string;
  out?: string;
  cellTimeoutSeconds?: number;
  /** The most output a cell keeps (head and tail), in bytes. */
  maxOutputBytes?: number;
  continueOnError: boolean;
  print: boolean;
  memoryLimitMb: number;
  nodePath?: string;
  workspace?: string;
  verbose: boolean;
  sandbox: SandboxSettings;
  /** `--env KEY=VALUE`: variables for the kernel (it does not inherit the shell's). */
  env?: Record<string, string>;
}

/** `modelbook install-node [--registry URL]`: the pinned kernel Node, into the CLI cache. */
export interface InstallNodeArgs {
  command: 'install-node';
  registry?: string;
}

export type CliArgs = RunArgs | InstallNodeArgs | { command: 'help' } | { command: 'version' };

/** Thrown for arguments the CLI cannot use; the message says what is wrong. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * Parses `modelbook <command> …` arguments.
 *
 * @example
 * parseArgs(['run', 'a.mlnb', '--cell-timeout', '60']) // { command: 'run', notebook: 'a.mlnb', cellTimeoutSeconds: 60, … }
 */
export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { command: 'help' };
  if (command === '--version' || command === 'version') return { command: 'version' };
  if (command === 'install-node') return parseInstallNode(rest);
  if (command !== 'run') throw new UsageError(message.cliUnknownCommand(command));
  return parseRun(rest);
}

function parseRun(rest: string[]): RunArgs {
  const args: RunArgs = { command: 'run', notebook: '', continueOnError: false, print: false, verbose: false, memoryLimitMb: DEFAULT_MEMORY_LIMIT_MB, sandbox: { ...DEFAULT_SANDBOX, allowRead: [], allowWrite: [] } };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    const [flag, inline] = a.startsWith('--') && a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    const value = (): string => {
      if (inline !== undefined) return inline;
      const v = rest[++i];
      if (v === undefined) throw new UsageError(message.cliMissingValue(flag));
      return v;
    };
    const positive = (): number => {
      const v = value();
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) throw new UsageError(message.cliBadNumber(flag, v));
      return n;
    };
    switch (flag) {
      case '--out':
      case '-o':
        args.out = value();
        break;
      case '--cell-timeout':
        args.cellTimeoutSeconds = positive();
        break;
      case '--max-output':
        args.maxOutputBytes = parseSize(flag, value());
        break;
      case '--continue-on-error':
        args.continueOnError = true;
        break;
      case '--print':
        args.print = true;
        break;
      case '--verbose':
        args.verbose = true;
        break;
      case '--memory-limit-mb':
        args.memoryLimitMb = positive();
        break;
      case '--node':
        args.nodePath = value();
        break;
      case '--workspace':
        args.workspace = value();
        break;
      case '--no-sandbox':
        args.sandbox.enabled = false;
        break;
      case '--allow-read':
        args.sandbox.allowRead.push(value());
        break;
      case '--allow-write':
        args.sandbox.allowWrite.push(value());
        break;
      case '--allow-child-process':
        args.sandbox.allowChildProcess = true;
        break;
      case '--allow-worker':
        args.sandbox.allowWorkers = true;
        break;
      case '--allow-addons':
        args.sandbox.allowNativeAddons = true;
        break;
      case '--allow-net':
        args.sandbox.allowNetwork = true;
        break;
      case '--env': {
        const v = value();
        const eq = v.indexOf('=');
        if (eq <= 0) throw new UsageError(message.cliBadEnv(v));
        (args.env ??= {})[v.slice(0, eq)] = v.slice(eq + 1);
        break;
      }
      default:
        if (flag.startsWith('-')) throw new UsageError(message.cliUnknownFlag(flag));
        if (args.notebook) throw new UsageError(message.cliUnknownFlag(flag));
        args.notebook = flag;
    }
  }
  if (!args.notebook) throw new UsageError(message.cliNoNotebook);
  return args;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, k: 1e3, kb: 1e3, m: 1e6, mb: 1e6, g: 1e9, gb: 1e9 };

/** `5MB`, `500kB`, `1000000`: a positive size in bytes (decimal units). */
function parseSize(flag: string, v: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i.exec(v.trim());
  const unit = m ? SIZE_UNITS[m[2].toLowerCase()] : undefined;
  const n = m && unit ? Math.round(Number(m[1]) * unit) : NaN;
  if (!(n > 0)) throw new UsageError(message.cliBadSize(flag, v));
  return n;
}

function parseInstallNode(rest: string[]): InstallNodeArgs {
  const args: InstallNodeArgs = { command: 'install-node' };
  for (let i = 0; i < rest.length; i++) {
    const [flag, inline] = rest[i].startsWith('--') && rest[i].includes('=') ? [rest[i].slice(0, rest[i].indexOf('=')), rest[i].slice(rest[i].indexOf('=') + 1)] : [rest[i], undefined];
    if (flag !== '--registry') throw new UsageError(message.cliUnknownFlag(flag));
    const v = inline ?? rest[++i];
    if (v === undefined) throw new UsageError(message.cliMissingValue(flag));
    args.registry = v;
  }
  return args;
}
