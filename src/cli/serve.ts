/**
 * `modelbook serve DIR`: serves a model package over HTTP (Open Inference Protocol v2, /predict,
 * /metrics) until SIGTERM or SIGINT, then finishes the requests in flight and exits 0. Wired into
 * src/cli/main.ts as `case 'serve'`.
 */
import { serveCliMessage } from '../core/serve/messages';
import { loadModel } from '../store/package/loadModel';
import { startServer } from '../store/serve/server';
import { parseFlags, UsageError, type FlagSpec } from './flags';

export interface ServeIo {
  out: (text: string) => void;
  err: (text: string) => void;
}

export const SERVE_USAGE = `Usage: modelbook serve DIR [--port N] [--host 127.0.0.1] [--max-body BYTES] [--log FILE] [--log-payloads FILE]
  DIR             a model package folder (modelbook export / exportModel)
  --port          default 8080; 0 picks a free port (the address is printed)
  --max-body      largest request body in bytes (default 10000000); larger → 413
  --log           request log, JSON lines (one object per request)
  --log-payloads  scored rows, JSON lines (inputs + prediction), readable by modelbook monitor
  exit code       0 after SIGTERM/SIGINT, 2 bad arguments or unreadable package`;

const FLAGS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'max-body': { type: 'string' },
  log: { type: 'string' },
  'log-payloads': { type: 'string' },
} as const satisfies Record<string, FlagSpec>;

function wholeNumber(flag: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw new UsageError(serveCliMessage.badNumber(flag, `a whole number from 0 to ${max}`, value));
  return n;
}

/**
 * Runs `modelbook serve …` (argv without the word 'serve'); resolves with the exit code once
 * a signal has stopped the server.
 *
 * @example
 * await runServeCommand(['models/churn', '--port', '0'], io, version) // prints "… listening on http://127.0.0.1:PORT"
 */
export async function runServeCommand(argv: string[], io: ServeIo, version: string): Promise<number> {
  const { values: v, positionals, help } = parseFlags('serve', argv, FLAGS);
  if (help) {
    io.out(`${SERVE_USAGE}\n`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(serveCliMessage.needsArgs('serve', 'DIR', positionals.length));
  const port = wholeNumber('--port', v.port, 8080, 65535);
  const maxBody = wholeNumber('--max-body', v['max-body'], 10_000_000, Number.MAX_SAFE_INTEGER);
  let model;
  try {
    model = await loadModel(positionals[0]);
  } catch (e) {
    io.err(`${(e as Error).message}\n`);
    return 2;
  }
  const server = await startServer(model, {
    host: v.host ?? '127.0.0.1',
    port,
    maxBody,
    version,
    ...(v.log !== undefined ? { log: v.log } : {}),
    ...(v['log-payloads'] !== undefined ? { logPayloads: v['log-payloads'] } : {}),
  });
  io.out(`${serveCliMessage.listening(server.url, model.manifest.name, model.manifest.contentHash)}\n`);
  const signal = await new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  io.err(`${serveCliMessage.stopping(signal)}\n`);
  await server.close();
  return 0;
}
