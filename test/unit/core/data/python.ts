import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

/** The reference Python: Debian's, with pandas/numpy/scikit-learn (the `python3` on PATH lacks them). */
export const PYTHON = '/usr/bin/python3';

export type PythonResult<T> = { ok: true; value: T } | { ok: false; skip: string };

/**
 * Runs a Python script that reads JSON from stdin (as `data`) and prints one JSON value.
 * `modules` are imported first; when one is missing the result says so, and the test must call
 * `this.skip()` with that message (never a silent pass).
 */
export function runPython<T>(script: string, data: unknown = null, modules: string[] = ['pandas', 'numpy']): PythonResult<T> {
  if (!fs.existsSync(PYTHON)) return { ok: false, skip: `${PYTHON} not installed` };
  const probe = spawnSync(PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ') || 'pass'], { encoding: 'utf8' });
  if (probe.status !== 0) return { ok: false, skip: `reference not installed: ${PYTHON} cannot import ${modules.join(', ')}` };
  const prelude = 'import sys, json\ndata = json.loads(sys.stdin.read())\n';
  const r = spawnSync(PYTHON, ['-c', prelude + script], { input: JSON.stringify(data), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`reference script failed:\n${r.stderr}`);
  return { ok: true, value: JSON.parse(r.stdout) as T };
}

/** Calls `this.skip()` when the reference is missing, otherwise returns its value. */
export function referenceOrSkip<T>(ctx: Mocha.Context, r: PythonResult<T>): T {
  // this.skip() throws mocha's Pending, so nothing after it runs.
  if (!r.ok) {
    console.warn(`      skipped: ${r.skip}`);
    ctx.skip();
  }
  return (r as { value: T }).value;
}
