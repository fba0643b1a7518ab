import os from 'node:os';
import type { LivenessOptions } from '../../core/runs/status';

/**
 * Whether a process id is alive on this machine. `kill(pid, 0)` sends nothing; EPERM means the
 * process exists but belongs to someone else. (A zombie — dead but not yet reaped — counts as alive.)
 *
 * @example
 * isProcessAlive(process.pid) // true
 */
export function isProcessAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Liveness options for `resolveStatus` on this host, now.
 *
 * @example
 * resolveStatus(row, hostLiveness({ staleAfterMs: 60_000 }))
 */
export function hostLiveness(overrides: Partial<LivenessOptions> = {}): LivenessOptions {
  return { now: Date.now(), hostname: os.hostname(), isProcessAlive, ...overrides };
}
