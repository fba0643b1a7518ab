import type { RunHost, RunStatus } from './contract';

export interface LivenessOptions {
  /** Now, in ms since the epoch. */
  now: number;
  /** This machine's host name: a pid is only checked on the host that wrote it. */
  hostname?: string;
  /** Whether a process id is alive on this host (the store passes a `process.kill(pid, 0)` check). */
  isProcessAlive?: (pid: number) => boolean;
  /** A heartbeat older than this may be a dead run (checked against the pid). Default 30 000 ms (3 missed beats). */
  staleAfterMs?: number;
  /**
   * A heartbeat older than this is a dead run even where the pid cannot be checked (another host)
   * or looks alive (pids are reused). Default 1 hour.
   */
  abandonAfterMs?: number;
}

export const DEFAULT_STALE_AFTER_MS = 30_000;
export const DEFAULT_ABANDON_AFTER_MS = 3_600_000;

/**
 * The status to show for a run: the stored one, except that a run stored as `running` whose
 * writer is gone is `interrupted`. Gone means: its heartbeat is older than `staleAfterMs` and its
 * process is not alive on this host, or its heartbeat is older than `abandonAfterMs`.
 * Reading never rewrites the file (see `markInterruptedRuns` in src/store/runs for that).
 *
 * @example
 * resolveStatus({ status: 'running', heartbeatAt: '2026-01-01T00:00:00.000Z', host: { hostname: 'a', pid: 41 } },
 *   { now: Date.parse('2026-01-01T00:05:00Z'), hostname: 'a', isProcessAlive: () => false }) // 'interrupted'
 */
export function resolveStatus(run: { status: RunStatus; heartbeatAt: string; host?: RunHost }, options: LivenessOptions): RunStatus {
  if (run.status !== 'running') return run.status;
  const beat = Date.parse(run.heartbeatAt);
  if (Number.isNaN(beat)) return run.status;
  const age = options.now - beat;
  if (age > (options.abandonAfterMs ?? DEFAULT_ABANDON_AFTER_MS)) return 'interrupted';
  if (age <= (options.staleAfterMs ?? DEFAULT_STALE_AFTER_MS)) return 'running';
  const sameHost = run.host !== undefined && options.hostname !== undefined && run.host.hostname === options.hostname;
  if (sameHost && options.isProcessAlive && !options.isProcessAlive(run.host!.pid)) return 'interrupted';
  return 'running';
}
