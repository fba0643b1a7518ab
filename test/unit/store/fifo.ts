import { execFileSync, spawn } from 'node:child_process';

/**
 * Makes a FIFO at `file` and a watchdog that opens it for writing after `seconds`: code that
 * (wrongly) opens the FIFO blocking is released then instead of hanging the test run forever, and
 * the test fails on its time limit. Call the returned function to stop the watchdog.
 */
export function plantFifo(file: string, seconds = 5): () => void {
  execFileSync('mkfifo', [file]);
  const watchdog = spawn('sh', ['-c', `sleep ${seconds}; exec 3>"$0"`, file], { stdio: 'ignore', detached: true });
  watchdog.unref();
  return () => {
    if (watchdog.exitCode === null && watchdog.pid !== undefined) process.kill(-watchdog.pid);
  };
}

/** Whether this platform has mkfifo (not Windows). */
export const HAS_MKFIFO =
  process.platform !== 'win32' &&
  (() => {
    try {
      execFileSync('sh', ['-c', 'command -v mkfifo'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

/** Milliseconds `fn` took. */
export async function timed(fn: () => unknown): Promise<number> {
  const start = Date.now();
  await fn();
  return Date.now() - start;
}
