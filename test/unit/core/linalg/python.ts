/**
 * The shared bridge to the reference implementations: runs a short Python script with
 * /usr/bin/python3 (Debian's numpy / scikit-learn / scipy), data in as JSON on stdin, JSON out on
 * stdout. When the reference cannot be imported the calling test is skipped with the reason,
 * never silently passed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../../paths';

export const PYTHON = '/usr/bin/python3';

const PRELUDE = `
import json, sys, warnings
import numpy as np
warnings.simplefilter('ignore')
data = json.load(sys.stdin)
def out(value):
    def conv(v):
        if isinstance(v, np.ndarray): return v.tolist()
        if isinstance(v, (np.integer,)): return int(v)
        if isinstance(v, (np.floating,)): return float(v)
        if isinstance(v, (np.bool_,)): return bool(v)
        raise TypeError(type(v))
    print(json.dumps(value, default=conv))
`;

let available: string | undefined | null = null;

/** Why the reference is unusable here, or undefined when numpy, scikit-learn and scipy import. */
export function referenceProblem(): string | undefined {
  if (available !== null) return available;
  if (!fs.existsSync(PYTHON)) return (available = `${PYTHON} not installed`);
  const r = spawnSync(PYTHON, ['-c', 'import numpy, scipy, sklearn; print(sklearn.__version__)'], { encoding: 'utf8' });
  available = r.status === 0 ? undefined : `scikit-learn not importable with ${PYTHON}: ${r.stderr.trim().split('\n').pop()}`;
  return available;
}

/**
 * Runs `script` (with `data` = the parsed input and `out(value)` to answer) and returns its answer;
 * skips the test when the reference is missing.
 *
 * @example
 * const r = runPython<{ coef: number[][] }>(this, 'from sklearn.linear_model import LogisticRegression\nm = LogisticRegression().fit(data["x"], data["y"])\nout({"coef": m.coef_})', { x, y });
 */
export function runPython<T>(ctx: Mocha.Context, script: string, input: unknown): T {
  const problem = referenceProblem();
  if (problem) {
    ctx.skip();
    throw new Error(`skipped: ${problem}`);
  }
  const r = spawnSync(PYTHON, ['-c', PRELUDE + script], {
    input: JSON.stringify(input, (_, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v)),
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`reference script failed:\n${r.stderr}`);
  return JSON.parse(r.stdout) as T;
}

/** A data set of the vega-datasets package (real data: penguins, cars, …). */
export function loadVegaDataset<T = Record<string, unknown>>(name: string): T[] {
  return JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules', 'vega-datasets', 'data', name), 'utf8')) as T[];
}

/** The largest absolute difference between two equally long number sequences. */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error(`length ${a.length} vs ${b.length}`);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}
