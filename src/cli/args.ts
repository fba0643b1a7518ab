import { message } from '../core/messages';
import { parseFlags, UsageError, type FlagSpec } from './flags';
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
  /** Type-check the notebook first and run nothing when it has a type error. */
  check: boolean;
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

/** `modelbook help`, `--help`, or `--help` after a verb (then `verb` names it). */
export interface HelpArgs {
  command: 'help';
  verb?: 'run' | 'install-node';
}

export type CliArgs = RunArgs | InstallNodeArgs | HelpArgs | { command: 'version' };

export { UsageError };

const RUN_FLAGS = {
  out: { type: 'string', short: 'o' },
  'cell-timeout': { type: 'string' },
  'max-output': { type: 'string' },
  'continue-on-error': { type: 'boolean' },
  print: { type: 'boolean' },
  check: { type: 'boolean' },
  verbose: { type: 'boolean' },
  'memory-limit-mb': { type: 'string' },
  node: { type: 'string' },
  workspace: { type: 'string' },
  'no-sandbox': { type: 'boolean' },
  'allow-read': { type: 'string', multiple: true },
  'allow-write': { type: 'string', multiple: true },
  'allow-child-process': { type: 'boolean' },
  'allow-worker': { type: 'boolean' },
  'allow-addons': { type: 'boolean' },
  'allow-net': { type: 'boolean' },
  env: { type: 'string', multiple: true },
} as const satisfies Record<string, FlagSpec>;

/**
 * Parses `modelbook <command> …` arguments (all but `runs`, which parses its own with the same parseFlags).
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

function parseRun(rest: string[]): RunArgs | HelpArgs {
  const { values: v, positionals, help } = parseFlags('run', rest, RUN_FLAGS);
  if (help) return { command: 'help', verb: 'run' };
  if (positionals.length > 1) throw new UsageError(message.cliUnexpectedArgument(positionals[1], 'run'));
  const notebook = positionals[0];
  if (!notebook) throw new UsageError(message.cliNoNotebook);
  const args: RunArgs = {
    command: 'run',
    notebook,
    continueOnError: v['continue-on-error'] === true,
    print: v.print === true,
    check: v.check === true,
    verbose: v.verbose === true,
    memoryLimitMb: v['memory-limit-mb'] === undefined ? DEFAULT_MEMORY_LIMIT_MB : positive('--memory-limit-mb', v['memory-limit-mb']),
    sandbox: {
      ...DEFAULT_SANDBOX,
      enabled: v['no-sandbox'] !== true,
      allowRead: [...(v['allow-read'] ?? [])],
      allowWrite: [...(v['allow-write'] ?? [])],
      allowChildProcess: v['allow-child-process'] === true,
      allowWorkers: v['allow-worker'] === true,
      allowNativeAddons: v['allow-addons'] === true,
      allowNetwork: v['allow-net'] === true,
    },
  };
  if (v.out !== undefined) args.out = v.out;
  if (v['cell-timeout'] !== undefined) args.cellTimeoutSeconds = positive('--cell-timeout', v['cell-timeout']);
  if (v['max-output'] !== undefined) args.maxOutputBytes = parseSize('--max-output', v['max-output']);
  if (v.node !== undefined) args.nodePath = v.node;
  if (v.workspace !== undefined) args.workspace = v.workspace;
  for (const pair of v.env ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(message.cliBadEnv(pair));
    (args.env ??= {})[pair.slice(0, eq)] = pair.slice(eq + 1);
  }
  return args;
}

function positive(flag: string, v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n <= 0) throw new UsageError(message.cliBadNumber(flag, v));
  return n;
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

function parseInstallNode(rest: string[]): InstallNodeArgs | HelpArgs {
  const { values, positionals, help } = parseFlags('install-node', rest, { registry: { type: 'string' } });
  if (help) return { command: 'help', verb: 'install-node' };
  if (positionals.length > 0) throw new UsageError(message.cliUnexpectedArgument(positionals[0], 'install-node'));
  return { command: 'install-node', ...(values.registry !== undefined ? { registry: values.registry } : {}) };
}
