/**
 * The one bridge from evaluation tests to the Python references (/usr/bin/python3 with
 * scikit-learn, numpy, scipy): a script reads `data` (stdin JSON) and calls `out(obj)`.
 * NaN and ±Infinity travel as strings and come back as numbers. When the references cannot be
 * imported, `requireReference(this)` skips the test with the reason: never a silent pass.
 */
import { spawnSync } from 'node:child_process';
import { createRng } from '../../../../src/core/evaluation/random';

export const PYTHON = '/usr/bin/python3';

const PRELUDE = `
import sys, json, math, warnings
import numpy as np
def _clean(o):
    if isinstance(o, dict): return {str(k): _clean(v) for k, v in o.items()}
    if isinstance(o, (list, tuple)): return [_clean(v) for v in o]
    if isinstance(o, np.ndarray): return _clean(o.tolist())
    if isinstance(o, (np.floating, float)):
        f = float(o)
        if math.isnan(f): return 'NaN'
        if math.isinf(f): return 'Infinity' if f > 0 else '-Infinity'
        return f
    if isinstance(o, (np.integer,)): return int(o)
    if isinstance(o, (np.bool_,)): return bool(o)
    return o
def out(o):
    sys.stdout.write(json.dumps(_clean(o)))
data = json.loads(sys.stdin.read() or 'null')
`;

let available: string | undefined | null = null;

/** Why the references are unusable, or undefined when they work. */
export function referenceProblem(): string | undefined {
  if (available !== null) return available;
  const r = spawnSync(PYTHON, ['-c', 'import sklearn, numpy, scipy; print(sklearn.__version__)'], { encoding: 'utf8' });
  available = r.status === 0 ? undefined : `scikit-learn/numpy/scipy not importable by ${PYTHON}: ${(r.stderr || String(r.error)).trim().split('\n').pop()}`;
  return available;
}

/** Skips the running test (or hook) when the references are missing, saying why. */
export function requireReference(ctx: Mocha.Context): void {
  const problem = referenceProblem();
  if (problem) {
    console.log(`      skipped: ${problem}`);
    ctx.skip();
  }
}

/** Runs a Python script with `data` on stdin and returns what it passed to `out(...)`. */
export function runPython<T = unknown>(script: string, data: unknown = null): T {
  const r = spawnSync(PYTHON, ['-c', PRELUDE + script], { input: JSON.stringify(data), encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`python reference failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout, (_k, v) => (v === 'NaN' ? NaN : v === 'Infinity' ? Infinity : v === '-Infinity' ? -Infinity : v)) as T;
}

/** Asserts |a − b| ≤ tol, NaN matching NaN, with a message naming the case. */
export function assertClose(actual: number, expected: number, tol: number, what: string): void {
  if (Number.isNaN(expected) && Number.isNaN(actual)) return;
  if (actual === expected) return;
  if (!(Math.abs(actual - expected) <= tol)) throw new Error(`${what}: got ${actual}, scikit-learn ${expected} (|diff| ${Math.abs(actual - expected)} > ${tol})`);
}

/** Asserts two arrays match element-wise within tol. */
export function assertAllClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tol: number, what: string): void {
  if (actual.length !== expected.length) throw new Error(`${what}: length ${actual.length}, scikit-learn ${expected.length}`);
  for (let i = 0; i < actual.length; i++) assertClose(actual[i], expected[i], tol, `${what}[${i}]`);
}

/** Seeded test data: binary labels and scores correlated with them. */
export function binaryData(n: number, seed: number, options: { decimals?: number; prevalence?: number } = {}): { y: number[]; score: number[] } {
  const rng = createRng(seed);
  const y: number[] = [];
  const score: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = rng.nextFloat() < (options.prevalence ?? 0.4) ? 1 : 0;
    const z = normal(rng) + (label ? 1 : 0);
    let p = 1 / (1 + Math.exp(-z));
    if (options.decimals !== undefined) p = Number(p.toFixed(options.decimals));
    y.push(label);
    score.push(p);
  }
  return { y, score };
}

/** A standard normal draw (Box–Muller). */
export function normal(rng: { nextFloat(): number }): number {
  const u = 1 - rng.nextFloat();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
}
