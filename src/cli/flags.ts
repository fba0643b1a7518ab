/**
 * The one argument style of every `modelbook` verb, on node:util's parseArgs: `--flag value` and
 * `--flag=value` both work, a value may start with '-' (`--sort -metrics.auc`), `--help`/`-h` on
 * every verb, and an unknown option is a UsageError (exit code 2) that names it and the valid ones.
 */
import { parseArgs } from 'node:util';
import { message } from '../core/messages';

/** Thrown for arguments the CLI cannot use; the message says what is wrong. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** One option of a verb: a flag (boolean) or one that takes a value (string, repeatable with `multiple`). */
export interface FlagSpec {
  type: 'boolean' | 'string';
  short?: string;
  multiple?: boolean;
}

type Values<S extends Record<string, FlagSpec>> = {
  [K in keyof S]?: S[K] extends { type: 'string' } ? (S[K] extends { multiple: true } ? string[] : string) : boolean;
};

/** What a verb's arguments came to: option values, positional words, and whether help was asked for. */
export interface ParsedFlags<S extends Record<string, FlagSpec>> {
  values: Values<S>;
  positionals: string[];
  help: boolean;
}

/**
 * Parses the arguments after a verb against its options.
 *
 * @param verb what the user typed, for messages (e.g. 'run', 'runs')
 * @param argv the arguments after the verb
 * @param spec the verb's options by long name (without '--'); `help` is added to every verb
 * @example
 * parseFlags('runs', ['--sort', '-metrics.auc', 'show', 'ab12'], { sort: { type: 'string' } })
 * // { values: { sort: '-metrics.auc' }, positionals: ['show', 'ab12'], help: false }
 */
export function parseFlags<S extends Record<string, FlagSpec>>(verb: string, argv: readonly string[], spec: S): ParsedFlags<S> {
  const options: Record<string, FlagSpec> = { ...spec, help: { type: 'boolean', short: 'h' } };
  const longOf = new Map(Object.entries(options).flatMap(([name, o]) => [[`--${name}`, name], ...(o.short ? [[`-${o.short}`, name] as const] : [])]));
  const valid = Object.keys(options).map((name) => `--${name}`);
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      args.push(...argv.slice(i));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      args.push(a);
      continue;
    }
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const flag = eq > 0 ? a.slice(0, eq) : a;
    const name = longOf.get(flag);
    if (name === undefined) throw new UsageError(message.cliUnknownFlag(flag, verb, valid));
    if (options[name].type === 'boolean') {
      if (eq > 0) throw new UsageError(message.cliFlagTakesNoValue(flag));
      args.push(`--${name}`);
    } else if (eq > 0) {
      args.push(`--${name}=${a.slice(eq + 1)}`);
    } else {
      // Joined with '=' so that a value starting with '-' is taken as the value, as the user meant.
      if (i + 1 >= argv.length) throw new UsageError(message.cliMissingValue(flag));
      args.push(`--${name}=${argv[++i]}`);
    }
  }
  const parsed = parseArgs({ args, options, allowPositionals: true, strict: true });
  const { help, ...values } = parsed.values as Record<string, unknown>;
  return { values: values as Values<S>, positionals: parsed.positionals, help: help === true };
}
