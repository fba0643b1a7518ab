import { spawnSync } from 'node:child_process';

/** The reference interpreter: Debian's Python with scikit-learn, pandas and numpy. */
export const PYTHON = '/usr/bin/python3';

/**
 * Runs a Python script with `input` as JSON on stdin and returns what it printed as JSON.
 * When Python or a module the script needs (default: sklearn and numpy) cannot be imported, the
 * test is skipped with a message saying so; it never passes silently.
 *
 * @example
 * const out = runReference(this, 'import json,sys; print(json.dumps(json.load(sys.stdin)))', { a: 1 });
 */
export function runReference<T>(ctx: Mocha.Context, script: string, input: unknown, modules: string[] = ['sklearn', 'numpy']): T {
  const probe = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const why = probe.error ? probe.error.message : probe.stderr.trim().split('\n').pop();
    console.warn(`      skipped: ${modules.join(', ')} not importable by ${PYTHON} (${why})`);
    ctx.skip();
  }
  const r = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0) throw new Error(`reference script failed (exit ${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** Largest |a - b| / max(|b|, floor) over two equally long sequences. */
export function maxRelativeError(a: ArrayLike<number>, b: ArrayLike<number>, floor = 1e-3): number {
  if (a.length !== b.length) throw new Error(`lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(Math.abs(b[i]), floor));
  return worst;
}
